"""Responsible bodies on documents of any issuer (district, school and department texts): one test per
class of how Vietnamese writes them, each on variants written for the test (issuers, fields, localities
and orders changed), never a document's own sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.bodies import body_key, extract_bodies
from extractor.pipeline import build_doc

DECISION = """ỦY BAN NHÂN DÂN
{issuer}
Số: 27/QĐ-UBND
{place}, ngày 3 tháng 4 năm 2021
QUYẾT ĐỊNH
{subject}
CHỦ TỊCH ỦY BAN NHÂN DÂN {issuer}
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2021.
{articles}
"""


def decision(tmp_path: Path, articles: str, subject: str = "Ban hành Kế hoạch phòng, chống dịch bệnh năm 2021",
             issuer: str = "TỈNH HÀ NAM", place: str = "Hà Nam") -> dict[str, str]:
    path = tmp_path / "qd.txt"
    path.write_text(DECISION.format(articles=articles, subject=subject, issuer=issuer, place=place), "utf-8")
    return {b.name: b.role for b in extract_bodies(build_doc(path))}


def letter(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "cv.txt"
    path.write_text(text, "utf-8")
    return {b.name: b.role for b in extract_bodies(build_doc(path))}


@pytest.mark.parametrize("subject", [
    "V/v ban hành Kế hoạch phòng, chống dịch bệnh năm 2021",
    "V/V BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG DỊCH BỆNH NĂM 2021",
    "V/v phê duyệt Kế hoạch tiêm chủng mở rộng",
])
def test_a_subject_line_about_is_no_section(tmp_path, subject):
    """"V/v ..." (về việc) under the document type is the subject, not section V: the articles after it
    are read as articles, their execution list included."""
    found = decision(tmp_path, "Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Nội vụ, Chủ tịch "
                               "UBND các huyện chịu trách nhiệm thi hành Quyết định này.", subject=subject)
    assert list(found) == ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân các huyện"]


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở\nTài chính; Thủ trưởng các Sở, ngành liên quan "
     "chịu trách nhiệm thi hành Quyết định này.",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính", "các Sở, ngành liên quan"]),
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Giáo dục\nvà Đào tạo, Giám đốc Trung tâm\nKiểm soát bệnh tật "
     "tỉnh và Chủ tịch UBND các huyện, thị xã chịu trách nhiệm thi hành Quyết định này./.",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Giáo dục và Đào tạo", "Trung tâm Kiểm soát bệnh tật tỉnh",
      "Ủy ban nhân dân các huyện, thị xã"]),
    ("Điều 2. Chánh Văn phòng Ủy ban nhân dân\nTỉnh, Giám đốc Sở Nội vụ\nchịu trách nhiệm thi hành Quyết định này.",
     ["Văn phòng Ủy ban nhân dân Tỉnh", "Sở Nội vụ"]),
])
def test_an_execution_list_cut_by_hard_wraps(tmp_path, article, expected):
    """An article cut mid-sentence goes on in the lines under it: the list of heads is read whole."""
    assert list(decision(tmp_path, article)) == expected


def test_an_article_that_ends_its_sentence_takes_no_next_line(tmp_path):
    """A closed article is not joined to the plain paragraph after it."""
    found = decision(tmp_path, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nGiao Sở Tài chính bố trí kinh "
                               "phí thực hiện.")
    assert "Sở Tài chính" in found


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Trưởng Phòng Tư pháp huyện chịu trách "
     "nhiệm thi hành Quyết định này.",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Phòng Tư pháp huyện"]),
    ("Điều 2. Giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã theo dõi, đôn đốc việc thực hiện.",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã"]),
    ("Điều 3. Chánh Văn phòng HĐND và UBND quận 5, Trưởng Phòng Y tế quận 5 chịu trách nhiệm thi hành Quyết định "
     "này.",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận 5", "Phòng Y tế quận 5"]),
    # two bodies: an office of one body, and another body
    ("Điều 2. Giao Văn phòng Ủy ban nhân dân tỉnh và Ủy ban nhân dân các huyện theo dõi việc thực hiện.",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các huyện"]),
    ("Điều 2. Giao Văn phòng Sở Y tế và Ủy ban nhân dân các huyện theo dõi việc thực hiện.",
     ["Văn phòng Sở Y tế", "Ủy ban nhân dân các huyện"]),
])
def test_the_office_of_two_councils_is_one_body(tmp_path, article, expected):
    """"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện" is one office, spelled out or abbreviated;
    an office of another body and a second body stay two."""
    assert list(decision(tmp_path, article, issuer="HUYỆN KIM BẢNG", place="Kim Bảng")) == expected


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Giám đốc các sở, Trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân huyện, thị xã chịu trách "
     "nhiệm thi hành Quyết định này.",
     ["các sở", "các ban, ngành tỉnh", "Ủy ban nhân dân huyện, thị xã"]),
    ("Điều 3. Trưởng Phòng Nội vụ,Trưởng các phòng, ban chuyên môn huyện chịu trách nhiệm thi hành Quyết định này.",
     ["Phòng Nội vụ", "các phòng, ban chuyên môn huyện"]),
])
def test_the_bare_title_head_of_each(tmp_path, article, expected):
    """"Trưởng các ban, ngành tỉnh": the bare title "Trưởng" heads each body named after it."""
    assert list(decision(tmp_path, article)) == expected


LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
TỈNH BÌNH DƯƠNG
Số: 512/SGDĐT-VP
Bình Dương, ngày 4 tháng 10 năm 2020
{front}
Kính gửi: {addressee}
Căn cứ diễn biến của mưa lũ, Sở Giáo dục và Đào tạo thông báo cho học sinh nghỉ học.
{asked}
Trân trọng./.
"""


@pytest.mark.parametrize("front", [
    "V/v cho học sinh nghỉ học\nKHẨN",
    "Về việc cho học sinh nghỉ học\nNgày 05/10/2020\nHỎA TỐC",
])
@pytest.mark.parametrize(("addressee", "asked", "expected"), [
    ("Chủ tịch Ủy ban nhân dân các huyện, thị xã.", "Đề nghị Chủ tịch UBND huyện, thị xã chỉ đạo thực hiện.",
     ["Ủy ban nhân dân các huyện, thị xã"]),
    ("Trưởng Phòng Giáo dục và Đào tạo các huyện, thành phố.",
     "Đề nghị Trưởng Phòng GDĐT huyện, thành phố chỉ đạo thực hiện.",
     ["Phòng Giáo dục và Đào tạo các huyện, thành phố"]),
])
def test_a_letters_addressee_after_its_subject_and_urgency(tmp_path, front, addressee, asked, expected):
    """"Kính gửi" after the subject, a date or "KHẨN" is the letter's addressee; the same body named again
    without "các" before its localities ("UBND huyện, thị xã") is the same body."""
    found = letter(tmp_path, LETTER.format(front=front, addressee=addressee, asked=asked))
    assert list(found) == expected


def test_plural_levels_share_a_key():
    """"các" before the localities a name closes with changes no body; another locality does."""
    assert body_key("Ủy ban nhân dân các quận, huyện") == body_key("Ủy ban nhân dân quận, huyện")
    assert body_key("Ủy ban nhân dân các xã") != body_key("Ủy ban nhân dân huyện")


PLAN = """ỦY BAN NHÂN DÂN
HUYỆN {issuer}
Số: 45/KH-UBND
{place}, ngày 5 tháng 3 năm 2022
KẾ HOẠCH
Tổ chức các hoạt động kỷ niệm năm 2022
{sections}
"""


def plan(tmp_path: Path, sections: str, issuer: str = "TÂN PHÚ", place: str = "Tân Phú") -> dict[str, str]:
    path = tmp_path / "kh.txt"
    path.write_text(PLAN.format(sections=sections, issuer=issuer, place=place), "utf-8")
    return {b.name: b.role for b in extract_bodies(build_doc(path))}


@pytest.mark.parametrize(("section", "expected"), [
    ("I. NỘI DUNG\n1. Hội nghị tổng kết\n1.1. Đơn vị thực hiện: Phòng Văn hóa và Thông tin huyện chủ trì xây dựng "
     "kế hoạch riêng.\n1.2. Thời gian: tháng 5 năm 2022.",
     {"Phòng Văn hóa và Thông tin huyện": "lead"}),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Hội thi văn nghệ\na) Cơ quan thực hiện: Trung tâm Văn hóa - Thể thao huyện chủ trì, "
     "phối hợp với Huyện Đoàn tổ chức.",
     {"Trung tâm Văn hóa - Thể thao huyện": "lead", "Huyện Đoàn": "coordinate"}),
    ("I. NỘI DUNG\n1. Lễ dâng hương\n- Đơn vị chủ trì: Phòng Nội vụ.\n- Đơn vị phối hợp: Công an huyện, Phòng Y tế.",
     {"Phòng Nội vụ": "lead", "Công an huyện": "coordinate", "Phòng Y tế": "coordinate"}),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Hội chợ xuân\n- Cơ quan chủ trì: Phòng Tài chính - Kế hoạch.\n- Cơ quan phối hợp: "
     "Chi cục Thuế huyện (đầu mối tổng hợp).",
     {"Phòng Tài chính - Kế hoạch": "lead", "Chi cục Thuế huyện": "coordinate"}),
])
def test_a_role_label_names_the_bodies_after_it(tmp_path, section, expected):
    """"Đơn vị thực hiện: X chủ trì ...", "Cơ quan phối hợp: X": the label gives the role of the bodies
    after its colon; the label's own "Đơn vị" is no body."""
    assert plan(tmp_path, section) == expected


def test_a_role_label_before_a_name_it_does_not_end_gives_nothing(tmp_path):
    """A name the parser cannot end ("Ủy ban về ..." runs on past its unit noun) is not cut to its unit noun."""
    found = plan(tmp_path, "I. NỘI DUNG\n1. Gặp mặt\n- Đơn vị thực hiện: Ban về công tác người cao tuổi huyện chủ trì.")
    assert "Ban" not in found and "Đơn vị" not in found


@pytest.mark.parametrize("heading", ["I. ĐẶC ĐIỂM TÌNH HÌNH", "I. TÌNH HÌNH ĐẶC ĐIỂM CỦA ĐỊA PHƯƠNG",
                                     "I. THỰC TRẠNG CÔNG TÁC VĂN HÓA", "I. KẾT QUẢ THỰC HIỆN NĂM 2021"])
def test_a_section_on_how_things_stand_assigns_nobody(tmp_path, heading):
    """The bodies a situation section describes (what they are, have or received) are not put in charge;
    the tasks section after it still is read."""
    found = plan(tmp_path, f"{heading}\n1. Thuận lợi\nTrung tâm Văn hóa huyện thuộc khu vực trung tâm, có 12 cán bộ.\n"
                           "Nhà văn hóa luôn nhận được sự quan tâm của cấp ủy.\n- Cổng thông tin điện tử: tanphu.gov.vn\n"
                           "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa và Thông tin huyện chủ trì tổ chức các hoạt động.")
    assert found == {"Phòng Văn hóa và Thông tin huyện": "lead"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Văn phòng Ủy ban nhân dân huyện truyền đạt ý kiến chỉ đạo của Chủ tịch đến các đơn vị biết, thực hiện.", {}),
    ("Hội đồng nhân dân huyện nhấn mạnh một số nhiệm vụ trọng tâm sau:", {}),
    ("Ủy ban nhân dân huyện ghi nhận kết quả của các xã trong năm qua.", {}),
    # a task after the statement is still read
    ("Hội đồng nhân dân huyện nhất trí với Tờ trình; giao Phòng Tài chính - Kế hoạch bố trí kinh phí.",
     {"Phòng Tài chính - Kế hoạch": "lead"}),
])
def test_what_a_body_states_or_relays_is_no_task(tmp_path, sentence, expected):
    """"X truyền đạt ý kiến", "X nhấn mạnh", "X ghi nhận": the subject states or relays; it is put in charge of
    nothing, and the statement verb ends its name ("... huyện truyền đạt" is no name word)."""
    assert plan(tmp_path, f"I. NHIỆM VỤ\n{sentence}") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Phòng Nội vụ yêu cầu Ủy ban nhân dân các xã rà soát danh sách trước ngày 15/4.",
     {"Ủy ban nhân dân các xã": "lead"}),
    ("Phòng Giáo dục - Đào tạo đề nghị Trung tâm Y tế huyện hỗ trợ các trường khám sức khỏe cho học sinh.",
     {"Trung tâm Y tế huyện": "lead"}),
])
def test_a_request_ends_the_name_of_who_asks(tmp_path, sentence, expected):
    """"X yêu cầu Y ...", "X đề nghị Y ...": the request ends X's name and charges Y, not X."""
    assert plan(tmp_path, f"I. NHIỆM VỤ\n{sentence}") == expected
