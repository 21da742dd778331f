"""Responsible bodies on documents of any issuer, third round (district and commune letters as portals render
them, departments' letters, provincial decisions): one test per class of how Vietnamese writes them, each on
variants written for the test (issuers, fields, localities and orders changed), never a document's own
sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.bodies import canonical, extract_bodies
from extractor.pipeline import build_doc

# A district's letter as its portal renders it: no header, no "Kính gửi", the directions under a formula.
PORTAL_LETTER = """Tin chỉ đạo điều hành
  12/05/2022

Triển khai {subject}

Thực hiện Hướng dẫn số 07-HD/HU ngày 3/5/2022 của Huyện ủy về {subject}; Ủy ban nhân dân huyện {district} có ý kiến như sau:

{items}

(Nguồn: Công văn số 812/UBND-VP ngày 12/05/2022)
"""

LETTER = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: 733/UBND-VX
V/v {subject}
{place}, ngày 4 tháng 6 năm 2012
Kính gửi:
{addressees}
{body}"""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: 27/QĐ-UBND
{place}, ngày 9 tháng 1 năm 2024
QUYẾT ĐỊNH
Về việc {subject}
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Nghị định số 10/2023/NĐ-CP ngày 3 tháng 4 năm 2023 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {subject}.
{articles}
Nơi nhận:
- Như Điều 3;
"""

SUBJECT = "tuyên truyền kỷ niệm ngày thành lập tỉnh"


def bodies_of(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return {b.name.casefold(): b.role for b in extract_bodies(build_doc(path))}


def portal_letter(tmp_path: Path, items: str, district: str = "Phú Quý") -> dict[str, str]:
    return bodies_of(tmp_path, PORTAL_LETTER.format(subject=SUBJECT, district=district, items=items))


def letter(tmp_path: Path, addressees: str, body: str, province: str = "QUẢNG TRỊ",
           place: str = "Quảng Trị") -> dict[str, str]:
    return bodies_of(tmp_path, LETTER.format(province=province, place=place, subject=SUBJECT,
                                             addressees=addressees, body=body))


def decision(tmp_path: Path, articles: str, province: str = "HÀ TĨNH", place: str = "Hà Tĩnh") -> dict[str, str]:
    return bodies_of(tmp_path, DECISION.format(province=province, place=place, subject=SUBJECT, articles=articles))


@pytest.mark.parametrize(("heading", "expected"), [
    ("2. Trung tâm Văn hóa - Thể thao và Truyền thanh huyện", "trung tâm văn hóa - thể thao và truyền thanh huyện"),
    ("2. Phòng Giáo dục và Đào tạo:", "phòng giáo dục và đào tạo"),
    ("2. Đài Truyền thanh - Truyền hình huyện", "đài truyền thanh - truyền hình huyện"),
    ("2. Ban Chỉ huy Quân sự huyện", "ban chỉ huy quân sự huyện"),
])
def test_an_item_that_names_a_unit_heads_the_tasks_below_it(tmp_path, heading, expected):
    """"2. Trung tâm ... huyện" alone, its tasks as dashes below and no verb: the unit is the addressee of
    the item, in a letter without a Tổ chức thực hiện section too."""
    items = (f"1. Phòng Tư pháp chủ trì tổ chức tuyên truyền.\n\n{heading}\n\n- Tăng cường các tin, bài tuyên truyền."
             "\n\n- Tổ chức các hoạt động cổ động trực quan.")
    found = portal_letter(tmp_path, items)
    assert found.get(expected) == "lead"
    assert found.get("phòng tư pháp") == "lead"


def test_a_level_over_its_items_names_no_body_outside_tổ_chức_thực_hiện(tmp_path):
    """"2. Cấp huyện, thành phố" over its items says where, not who: only the bodies its items name count."""
    items = ("1. Phòng Tư pháp chủ trì tổ chức tuyên truyền.\n\n2. Cấp huyện, thành phố\n\n"
             "- Căn cứ tình hình thực tế, bố trí kinh phí.")
    found = portal_letter(tmp_path, items)
    assert not any(name.startswith("cấp") for name in found)


@pytest.mark.parametrize(("clause", "expected"), [
    ("1. Phòng Văn hóa và Thông tin chủ trì, phối hợp Hội Cựu chiến binh huyện và các cơ quan, đơn vị có liên quan "
     "tổ chức tuyên truyền.", "các cơ quan, đơn vị có liên quan"),
    ("1. Phòng Nội vụ chủ trì tham mưu:\n\n- Chủ động cung cấp danh mục điển hình để phối hợp với Hội Cựu chiến binh "
     "huyện, các cơ quan có liên quan định hướng công tác tuyên truyền.", "các cơ quan có liên quan"),
    ("1. Trung tâm Y tế huyện chủ trì, phối hợp với các đơn vị liên quan triển khai thực hiện.",
     "các đơn vị liên quan"),
])
def test_a_letter_without_kính_gửi_counts_its_coordinating_groups(tmp_path, clause, expected):
    """A letter's directions ("... có ý kiến như sau:") put the generic groups it asks to coordinate in charge,
    as a letter with its "Kính gửi" does; a lowercase word after "có liên quan" is no part of the name."""
    found = portal_letter(tmp_path, clause)
    assert found.get(expected) == "coordinate"


@pytest.mark.parametrize(("clause", "expected"), [
    ("2. Phòng Văn hóa và Thông tin đăng tải Đề cương lên trang thông tin điện tử huyện.", "phòng văn hóa và thông tin"),
    ("2. Sở Thông tin và Truyền thông đưa tin Đề cương trên cổng thông tin.", "sở thông tin và truyền thông"),
    ("2. Sở Khoa học và Công nghệ công bố Đề cương trên cổng thông tin.", "sở khoa học và công nghệ"),
])
def test_a_field_of_several_parts_closes_the_name_before_an_unfamiliar_verb(tmp_path, clause, expected):
    """"Phòng Văn hóa và Thông tin đăng tải ...": the field names the body whole, so the lowercase word after
    it starts the predicate even when the verb is not one the reader knows."""
    found = portal_letter(tmp_path, "1. Phòng Tư pháp chủ trì tổ chức tuyên truyền.\n\n" + clause)
    assert found.get(expected) == "lead"


@pytest.mark.parametrize(("written", "expected"), [
    ("Phòng Nội vụ - Lao động Thương binh và Xã hội", "Phòng Nội vụ - Lao động - Thương binh và Xã hội"),
    ("Sở Lao động Thương binh và Xã hội tỉnh Nam Định", "Sở Lao động - Thương binh và Xã hội tỉnh Nam Định"),
    ("Phòng Lao động-Thương binh và Xã hội huyện", "Phòng Lao động - Thương binh và Xã hội huyện"),
    ("các UBND huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
    ("các Ủy ban nhân dân xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("các HĐND huyện", "Hội đồng nhân dân các huyện"),
])
def test_canonical_names_restore_the_law_s_spelling(written, expected):
    """A field written whole but for its hyphen gets it back; a body each locality has, written in the plural
    before its abbreviation ("các UBND huyện"), is named through its localities."""
    assert canonical(written, {}) == expected


@pytest.mark.parametrize("written", [
    "Trung tâm Văn hóa Thông tin Thể thao huyện",  # "Văn hóa - Thông tin" or "Văn hóa và Thông tin": kept
    "Trung tâm Văn hóa - Thông tin và Thể thao",
    "các Ủy ban nhân dân cấp xã",
])
def test_canonical_names_keep_what_the_law_does_not_decide(written):
    assert canonical(written, {}) == written


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Giám đốc Sở, Thủ trưởng các cơ quan thuộc UBND tỉnh, Chủ tịch UBND các huyện, thành phố căn cứ "
     "Quyết định thi hành./.", "các sở"),
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở; Chủ tịch UBND các huyện chịu trách nhiệm thi hành "
     "Quyết định này./.", "các sở"),
])
def test_a_title_over_a_bare_unit_noun_heads_every_such_unit(tmp_path, article, expected):
    """"Giám đốc Sở," with no field after it: the head of each Sở."""
    found = decision(tmp_path, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n" + article)
    assert found.get(expected) == "lead"
    assert found.get("ủy ban nhân dân các huyện, thành phố", found.get("ủy ban nhân dân các huyện")) == "lead"


@pytest.mark.parametrize("task", [
    "triển khai giao chỉ tiêu kế hoạch chi tiết cho các đơn vị trực thuộc theo quy định",
    "tổ chức giao nhiệm vụ cụ thể cho các đơn vị trực thuộc",
    "chủ động giao dự toán chi tiết cho các trường học trực thuộc",
])
def test_what_a_body_assigns_to_its_own_units_puts_them_in_charge_of_nothing(tmp_path, task):
    """"X triển khai giao chỉ tiêu ... cho các đơn vị trực thuộc": the recipients of X's own task, not
    bodies; "Giao ... cho X" opening its clause still assigns."""
    articles = ("Điều 2. Giao chỉ tiêu kế hoạch năm 2024 cho các cơ quan, đơn vị, UBND các huyện, thành phố.\n"
                f"Điều 3. Các cơ quan, đơn vị, UBND huyện, thành phố {task}.")
    found = decision(tmp_path, articles)
    assert "các đơn vị trực thuộc" not in found and "các trường học trực thuộc" not in found
    assert found.get("các cơ quan, đơn vị") == "lead"


@pytest.mark.parametrize(("effect", "closing"), [
    ("Quyết định này có hiệu lực kể từ ngày ký", "chịu trách nhiệm thi hành Quyết định này./."),
    ("Quyết định này có hiệu lực thi hành kể từ ngày ký", "chịu trách nhiệm thi hành Quyết định này./."),
    ("Quyết định này có hiệu lực kể từ ngày ký", "chịu tránh nhiệm thi hành Quyết định này./."),
])
def test_an_execution_list_run_on_from_the_effect_clause_keeps_its_first_head(tmp_path, effect, closing):
    """"Điều 2. Quyết định này có hiệu lực kể từ ngày ký" with no full stop, then the execution list on the next
    line: the list starts after the effect clause (and "chịu tránh nhiệm", a common misspelling, ends it)."""
    articles = (f"Điều 2. {effect}\nChánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Trưởng các ban, ngành cấp tỉnh "
                f"và Thủ trưởng các đơn vị có liên quan {closing}")
    found = decision(tmp_path, articles)
    assert found.get("văn phòng ủy ban nhân dân tỉnh") == "lead"
    assert found.get("sở tài chính") == "lead"
    assert found.get("các đơn vị có liên quan") == "lead"


@pytest.mark.parametrize(("addressee", "expected"), [
    ("- Thủ trưởng các cơ quan Trung ương đóng trên địa bàn;", "các cơ quan trung ương đóng trên địa bàn"),
    ("- Thủ trưởng các đơn vị Trung ương đóng chân trên địa bàn tỉnh;",
     "các đơn vị trung ương đóng chân trên địa bàn tỉnh"),
    ("- Chủ tịch UBND các huyện, thị và thành phố Đông Hà;", "ủy ban nhân dân các huyện, thị và thành phố đông hà"),
    ("- Chủ tịch UBND các huyện, thị xã và thành phố Đông Hà;",
     "ủy ban nhân dân các huyện, thị xã và thành phố đông hà"),
])
def test_list_items_keep_their_tails(tmp_path, addressee, expected):
    """A stationed body keeps where it is stationed ("đóng trên địa bàn"), and a list of localities goes on past
    a clipped level word ("thị" for thị xã) and its "và"."""
    found = letter(tmp_path, "- Giám đốc Sở Y tế;\n" + addressee,
                   "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai thực hiện./.")
    assert found.get(expected) == "lead"


def test_bodies_a_cut_text_names_before_their_task_are_not_taken(tmp_path):
    """"2. Chủ tịch UBND các huyện chỉ đạo UBND các xã, phường, th" at the end of an excerpt: what the communes
    are to do is cut off, and they are reached only through the addressee."""
    body = ("Chủ tịch UBND tỉnh có ý kiến như sau:\n1. Chủ tịch UBND các huyện triển khai tuyên truyền tại trụ sở.\n"
            "2. Chủ tịch UBND các huyện chỉ đạo UBND các xã, phường, th")
    found = letter(tmp_path, "- Chủ tịch UBND các huyện;", body)
    assert found.get("ủy ban nhân dân các huyện") == "lead"
    assert not any("các xã" in name for name in found)


@pytest.mark.parametrize("basis", [
    "Thực hiện Quyết định số 2411/QĐ-UBND ngày 05/6/2015 ban hành Quy định phân công trách nhiệm quản lý về an toàn "
    "thực phẩm trên địa bàn của UBND thành phố Đà Nẵng;",
    "Thực hiện Thông tư liên tịch số 13/2014/TTLT-BYT-BNNPTNT-BTC ngày 09/4/2014 hướng dẫn trách nhiệm quản lý "
    "của Bộ Y tế;",
    "Thực hiện Kế hoạch số 88/KH-UBND ngày 2/3/2016 về trách nhiệm phối hợp của Sở Công Thương;",
])
def test_a_preamble_citing_an_act_charges_no_body_with_its_subject(tmp_path, basis):
    """"Thực hiện Quyết định số ... phân công trách nhiệm ... của UBND thành phố": the cited act's subject and
    issuer, no body this plan puts in charge."""
    text = ("ỦY BAN NHÂN DÂN\nQUẬN THANH KHÊ\nSố: 145/KH-UBND\nThanh Khê, ngày 3 tháng 6 năm 2016\nKẾ HOẠCH\n"
            f"Triển khai công tác an toàn thực phẩm năm 2016\n{basis}\nI. MỤC ĐÍCH, YÊU CẦU\n"
            "1. Nâng cao nhận thức về an toàn thực phẩm.\n")
    found = bodies_of(tmp_path, text)
    assert not any(name.startswith(("ủy ban nhân dân thành phố", "bộ y tế", "sở công thương")) for name in found)
