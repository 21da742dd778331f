"""Responsible bodies on documents of any issuer, second round (ministry, national and school texts): one
test per class of how Vietnamese writes them, each on variants written for the test (issuers, fields,
localities and orders changed), never a document's own sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.bodies import extract_bodies
from extractor.pipeline import build_doc

MINISTRY_LETTER = """BỘ {ministry}
Số: 815/B{short}-VP
V/v {subject}
Hà Nội, ngày 6 tháng 5 năm 2023
Kính gửi:
{addressees}
{body}
Trân trọng./.
"""

DECISION = """{issuer}
Số: 412/QĐ-{short}
{place}, ngày 9 tháng 3 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch {subject}
{head}
Căn cứ Nghị định số 10/2023/NĐ-CP ngày 3 tháng 4 năm 2023 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {subject}.
{articles}
"""

SUBJECT = "triển khai công tác cải cách hành chính năm 2023"


def bodies_of(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return {b.name: b.role for b in extract_bodies(build_doc(path))}


def ministry_letter(tmp_path: Path, addressees: str, body: str = "", ministry: str = "TƯ PHÁP",
                    short: str = "TP") -> dict[str, str]:
    body = body or "Để triển khai hiệu quả công tác cải cách hành chính, Bộ đề nghị các cơ quan thực hiện."
    return bodies_of(tmp_path, MINISTRY_LETTER.format(ministry=ministry, short=short, subject=SUBJECT,
                                                      addressees=addressees, body=body))


def decision(tmp_path: Path, articles: str, ministry: str = "NỘI VỤ", short: str = "NV") -> dict[str, str]:
    """A ministry's decision with these articles."""
    return bodies_of(tmp_path, DECISION.format(issuer=f"BỘ {ministry}", short=f"B{short}", place="Hà Nội",
                                               head=f"BỘ TRƯỞNG BỘ {ministry}", subject=SUBJECT, articles=articles))


def province_decision(tmp_path: Path, articles: str, province: str = "BẮC GIANG", place: str = "Bắc Giang") -> dict[str, str]:
    """A province's decision with these articles."""
    return bodies_of(tmp_path, DECISION.format(issuer=f"ỦY BAN NHÂN DÂN\nTỈNH {province}", short="UBND", place=place,
                                               head="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", subject=SUBJECT, articles=articles))


def folded(found: dict[str, str]) -> dict[str, str]:
    """Names compared as the scorer compares them: case aside."""
    return {name.casefold(): role for name, role in found.items()}


@pytest.mark.parametrize(("addressees", "expected"), [
    ("- Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n- Ủy ban nhân dân các tỉnh, thành phố.",
     ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc chính phủ", "ủy ban nhân dân các tỉnh, thành phố"]),
    ("- Các bộ, cơ quan ngang bộ,\ncơ quan thuộc Chính phủ;\n- Kiểm toán Nhà nước.",
     ["các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc chính phủ", "kiểm toán nhà nước"]),
    ("- Các Bộ, cơ quan thuộc Chính phủ;\n- Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương.",
     ["các bộ", "các cơ quan thuộc chính phủ", "sở tư pháp các tỉnh, thành phố trực thuộc trung ương"]),
    ("- Các Sở, Ban, ngành;\n- Ủy ban nhân dân các huyện.",
     ["các sở, ban, ngành", "ủy ban nhân dân các huyện"]),
])
def test_a_list_of_the_kinds_of_state_body_carries_its_cac(tmp_path, addressees, expected):
    """"Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ": each kind the law names is a body of its own,
    plural like the first ("các cơ quan ngang bộ"), however the list is wrapped or capitalised; a list of
    bare unit nouns ("Các Sở, Ban, ngành") stays one collective body."""
    assert list(folded(ministry_letter(tmp_path, addressees))) == expected


@pytest.mark.parametrize("article", [
    "Điều 2. Đề nghị các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ phối hợp triển khai Kế hoạch.",
    "Điều 2. Giao các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ tổ chức thực hiện Kế hoạch.",
])
def test_the_kinds_of_state_body_in_running_text(tmp_path, article):
    """The same list as the object of a directive: three plural kinds, none cut into the next."""
    found = folded(decision(tmp_path, article))
    assert {"các bộ", "các cơ quan ngang bộ", "các cơ quan thuộc chính phủ"} <= set(found)


@pytest.mark.parametrize("restated", [
    "Tại Quyết định số 120/QĐ-TTg, Thủ tướng Chính phủ đã giao Bộ Tư pháp chủ trì, phối hợp với các bộ, ngành "
    "liên quan xây dựng kế hoạch triển khai.",
    "Tại Chỉ thị số 05/CT-TTg ngày 2/3/2023 giao Bộ Tư pháp chủ trì, phối hợp với Bộ Nội vụ tổ chức sơ kết.",
    "Ngày 3/4/2023, Thủ tướng Chính phủ đã phân công Bộ Tư pháp chủ trì, phối hợp với Bộ Nội vụ theo dõi việc "
    "thực hiện.",
])
def test_an_assignment_restated_from_another_act_is_not_the_letters_own(tmp_path, restated):
    """A letter that restates what the act it cites assigned ("Tại Quyết định ... đã giao X chủ trì, phối hợp
    với Y") puts neither X nor Y in charge; its own request after it still does."""
    found = ministry_letter(tmp_path, "- Ủy ban nhân dân các tỉnh, thành phố.",
                            body=restated + "\nĐề nghị Sở Tư pháp các tỉnh, thành phố chủ động triển khai.")
    assert "Bộ Tư pháp" not in found and "Bộ Nội vụ" not in found and "các bộ, ngành liên quan" not in found
    assert found.get("Sở Tư pháp các tỉnh, thành phố") == "lead"


def test_a_task_already_given_still_charges_its_subject(tmp_path):
    """"các nhiệm vụ đã được giao" is what was given, not a restated assignment: the clause's own directive
    counts."""
    found = decision(tmp_path, "Điều 2. Căn cứ các nhiệm vụ đã được giao, Giám đốc Sở Nội vụ chủ trì, phối hợp "
                               "với Sở Tài chính triển khai Kế hoạch.")
    assert found.get("Sở Nội vụ") == "lead" and found.get("Sở Tài chính") == "coordinate"


@pytest.mark.parametrize(("request_", "expected"), [
    ("Đề nghị Chủ tịch Ủy ban Mặt trận\nTổ quốc Việt Nam tỉnh và lãnh đạo các tổ chức thành viên phối hợp thực hiện\n"
     "Kế hoạch.", {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": "coordinate", "các tổ chức thành viên": "coordinate"}),
    ("Đề nghị Liên đoàn Lao động tỉnh,\nTỉnh Đoàn phối hợp tuyên truyền Kế hoạch.",
     {"Liên đoàn Lao động tỉnh": "coordinate", "Tỉnh Đoàn": "coordinate"}),
    ("Đề nghị Hội Liên hiệp Phụ nữ tỉnh chủ trì, phối hợp với\nHội Nông dân tỉnh tổ chức tập huấn.",
     {"Hội Liên hiệp Phụ nữ tỉnh": "lead", "Hội Nông dân tỉnh": "coordinate"}),
])
def test_a_request_to_coordinate_in_an_articles_wrapped_paragraph(tmp_path, request_, expected):
    """A plain paragraph of an article cut by hard wraps is read whole; bodies a request asks only to
    coordinate ("Đề nghị X và Y phối hợp thực hiện") coordinate, one asked to lead ("chủ trì, phối hợp") leads."""
    found = province_decision(tmp_path, "Điều 2. Giao Sở Nội vụ chủ trì triển khai Kế hoạch.\n" + request_
                              + "\nĐiều 3. Quyết định có hiệu lực kể từ ngày ký.")
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Chánh Văn phòng Bộ; Vụ trưởng, Cục trưởng các Vụ, Cục thuộc Bộ Nội vụ chịu trách nhiệm thi hành "
     "Quyết định này.", ["Văn phòng Bộ", "các Vụ thuộc Bộ Nội vụ", "các Cục thuộc Bộ Nội vụ"]),
    ("Điều 3. Chánh Văn phòng Bộ, Thủ trưởng các Vụ, Cục, Viện trực thuộc Bộ chịu trách nhiệm thi hành Quyết định "
     "này.", ["Văn phòng Bộ", "các Vụ trực thuộc Bộ", "các Cục trực thuộc Bộ", "các Viện trực thuộc Bộ"]),
    ("Điều 3. Chánh Văn phòng Bộ, Thủ trưởng các Sở, Ban, ngành chịu trách nhiệm thi hành Quyết định này.",
     ["Văn phòng Bộ", "các Sở, Ban, ngành"]),
])
def test_the_units_of_one_body_listed_bare(tmp_path, article, expected):
    """"các Vụ, Cục thuộc Bộ X": capitalised unit nouns listed bare before what they belong to are one body
    of each kind, each belonging to it; a title that heads its own units ("Vụ trưởng, Cục trưởng các Vụ,
    Cục") names no other Vụ; a collective of bare unit nouns with nothing they belong to stays whole."""
    assert list(decision(tmp_path, article)) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Chánh Văn phòng Bộ, Giám đốc Bệnh viện Phổi Thái Bình, Nam Định chịu trách nhiệm thi hành Quyết "
     "định này.", ["Văn phòng Bộ", "Bệnh viện Phổi Thái Bình", "Bệnh viện Phổi Nam Định"]),
    ("Điều 3. Chánh Văn phòng Bộ, Giám đốc Trung tâm Y tế dự phòng Quảng Trị, Quảng Bình, Hà Tĩnh chịu trách "
     "nhiệm thi hành Quyết định này.",
     ["Văn phòng Bộ", "Trung tâm Y tế dự phòng Quảng Trị", "Trung tâm Y tế dự phòng Quảng Bình",
      "Trung tâm Y tế dự phòng Hà Tĩnh"]),
    ("Điều 3. Chánh Văn phòng Bộ, Giám đốc Sở Lao động, Thương binh và Xã hội chịu trách nhiệm thi hành Quyết "
     "định này.", ["Văn phòng Bộ", "Sở Lao động - Thương binh và Xã hội"]),
])
def test_one_kind_of_body_in_several_provinces(tmp_path, article, expected):
    """"Bệnh viện X Thái Bình, Nam Định": a name closed by a list of provinces is that body in each; commas
    inside a field ("Lao động, Thương binh và Xã hội") are no such list."""
    assert list(decision(tmp_path, article, ministry="Y TẾ", short="YT")) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi "
     "hành Quyết định này.", ["Văn phòng Bộ", "Vụ Pháp chế", "các tổ chức, cá nhân có liên quan"]),
    ("Điều 3. Chánh Văn phòng Bộ, Thủ trưởng các cơ quan, tổ chức, cá nhân liên quan chịu trách nhiệm thi hành "
     "Quyết định này.", ["Văn phòng Bộ", "các cơ quan, tổ chức, cá nhân liên quan"]),
])
def test_organisations_and_individuals_are_one_group(tmp_path, article, expected):
    """"các tổ chức, cá nhân có liên quan": "cá nhân" goes on the list of kinds (it opens no body of its own),
    so the group is not cut at the comma."""
    assert list(decision(tmp_path, article)) == expected


DEPARTMENT_LETTER = """PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
HUYỆN {district}
Số: 214/PGDĐT
V/v triển khai công tác phòng, chống dịch bệnh
{place}, ngày 12 tháng 9 năm 2022
Kính gửi:
{addressees}
{body}
Trân trọng./.
"""


def department_letter(tmp_path: Path, addressees: str, body: str) -> dict[str, str]:
    return bodies_of(tmp_path, DEPARTMENT_LETTER.format(district="ĐÔNG ANH", place="Đông Anh", addressees=addressees,
                                                        body=body))


@pytest.mark.parametrize(("addressee", "expected"), [
    ("- Hiệu trưởng các trường MN - MG (CL - NCL);", "các trường mầm non - mẫu giáo (công lập - ngoài công lập)"),
    ("- Hiệu trưởng các trường THCS (công lập, tư thục);", "các trường trung học cơ sở (công lập, tư thục)"),
    ("- Hiệu trưởng các trường TH (CL, NCL);", "các trường tiểu học (công lập, ngoài công lập)"),
])
def test_a_bracket_of_school_sectors_is_part_of_the_name(tmp_path, addressee, expected):
    """"các trường MN - MG (CL - NCL)": a bracket that names school sectors says which schools are meant and
    is written out with the name, not cut off before it."""
    found = folded(department_letter(tmp_path, addressee + "\n- Thủ trưởng các đơn vị trực thuộc.",
                                     "Đề nghị các đơn vị triển khai thực hiện."))
    assert expected.casefold() in found


@pytest.mark.parametrize("request_", [
    "Đề nghị Hiệu trưởng các trường, Thủ trưởng các đơn vị trực thuộc rà soát việc thực hiện.",
    "Yêu cầu Hiệu trưởng các trường báo cáo kết quả trước ngày 30/9/2022.",
])
def test_bare_schools_point_back_to_the_kinds_addressed(tmp_path, request_):
    """After "Kính gửi" names two or more kinds of school, "Hiệu trưởng các trường" in the request means
    those schools: no body "các trường" of its own."""
    found = folded(department_letter(tmp_path, "- Hiệu trưởng các trường Tiểu học;\n- Hiệu trưởng các trường THCS;"
                                               "\n- Thủ trưởng các đơn vị trực thuộc.", request_))
    assert "các trường" not in found
    assert {"các trường tiểu học", "các trường trung học cơ sở", "các đơn vị trực thuộc"} <= set(found)


@pytest.mark.parametrize(("addressee", "expected"), [
    ("- Cơ quan trung ương của các tổ chức chính trị - xã hội;", "cơ quan trung ương của các tổ chức chính trị - xã hội"),
    ("- Cơ quan thường trực của các đoàn thể;", "cơ quan thường trực của các đoàn thể"),
])
def test_the_organ_of_each_kind_of_body(tmp_path, addressee, expected):
    """"Cơ quan trung ương của các tổ chức chính trị - xã hội": a kind of body that names no one goes on
    through "của" to the plural kind it belongs to, and is not cut before it."""
    found = folded(ministry_letter(tmp_path, "- Các Bộ, cơ quan ngang bộ;\n" + addressee))
    assert expected in found and "cơ quan trung ương" not in found and "cơ quan thường trực" not in found
