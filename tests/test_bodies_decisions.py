"""Responsible bodies in decisions and letters, one test per class of phrasing, each on variants
written for the test (issuers, fields and orders changed): execution articles naming heads,
elliptic lists, collective lists, appositions and brackets, and which generic bodies count."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.bodies import extract_bodies
from extractor.pipeline import build_doc

DECISION = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: 12/QĐ-UBND
{place}, ngày 3 tháng 4 năm 2020
QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống dịch bệnh năm 2020
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 45/TTr-SYT ngày 01/4/2020,
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2020.
{articles}
"""


def bodies(tmp_path: Path, articles: str, province: str = "NAM ĐỊNH", place: str = "Nam Định") -> dict[str, str]:
    path = tmp_path / "qd.txt"
    path.write_text(DECISION.format(articles=articles, province=province, place=place), "utf-8")
    return {b.name: b.role for b in extract_bodies(build_doc(path))}


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Lao động - Thương binh và Xã hội, Giám đốc Sở Kế hoạch và "
     "Đầu tư, Giám đốc Sở Tài chính, Thủ trưởng các Sở, ban, ngành cấp tỉnh, Chủ tịch UBND huyện, thị xã căn cứ "
     "quyết định thi hành./.",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Lao động - Thương binh và Xã hội", "Sở Kế hoạch và Đầu tư", "Sở Tài chính",
      "các Sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân huyện, thị xã"]),
    ("Điều 3. Chánh Văn phòng UBND thành phố, Giám đốc Sở Kế hoạch và Đầu tư, Thủ trưởng các cơ quan, đơn vị liên "
     "quan chịu trách nhiệm thi hành quyết định này./.",
     ["Văn phòng Ủy ban nhân dân thành phố", "Sở Kế hoạch và Đầu tư", "các cơ quan, đơn vị liên quan"]),
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Ngân hàng Nhà nước Chi nhánh tỉnh Nam Định, Chủ tịch UBND các "
     "huyện, thành phố, Chi cục trưởng Chi cục Thủy sản và Thủ trưởng các sở, ban, ngành liên quan chịu trách "
     "nhiệm thi hành Quyết định này.",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Ngân hàng Nhà nước Chi nhánh tỉnh Nam Định",
      "Ủy ban nhân dân các huyện, thành phố", "Chi cục Thủy sản", "các sở, ban, ngành liên quan"]),
])
def test_a_heads_title_ends_the_name_before_it(tmp_path, article, expected):
    """"Sở Tài chính, Giám đốc Sở ...", "Chi cục Thủy sản và Thủ trưởng ...": the title opens the next item."""
    assert list(bodies(tmp_path, article)) == expected


@pytest.mark.parametrize(("article", "expected"), [
    # the list's own separator is ";": an item keeps its commas
    ("Điều 4. Các Ông (Bà): Chánh Văn phòng Bộ; Cục trưởng các Cục: Y tế dự phòng; Quản lý Dược; Quản lý Khám, "
     "chữa bệnh; Vụ trưởng Vụ Kế hoạch - Tài chính; Giám đốc Sở Y tế các tỉnh, thành phố chịu trách nhiệm thi hành "
     "Quyết định này.",
     ["Văn phòng Bộ", "Cục Y tế dự phòng", "Cục Quản lý Dược", "Cục Quản lý Khám, chữa bệnh", "Vụ Kế hoạch - Tài chính",
      "Sở Y tế các tỉnh, thành phố"]),
    # the separator is ",", a ";" ends the list, and "và" inside an item is no separator
    ("Điều 3. Viện trưởng các Viện: Vệ sinh dịch tễ Trung ương, Kiểm định Quốc gia vắc xin và Sinh phẩm Y tế; "
     "Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.",
     ["Viện Vệ sinh dịch tễ Trung ương", "Viện Kiểm định Quốc gia vắc xin và Sinh phẩm Y tế",
      "các đơn vị có liên quan"]),
    # known fields are read whole (with their commas and "và"), an abbreviation expanded, and an item that
    # opens with a head's title or a unit noun of its own ends the list
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Y tế, Văn hóa, Thể thao và Du lịch, Nông nghiệp và PTNT, "
     "Tài chính và Giáo dục và Đào tạo; Giám đốc Đài Phát thanh - Truyền hình tỉnh chịu trách nhiệm thi hành Quyết "
     "định này.",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài chính", "Sở Giáo dục và Đào tạo",
      "Đài Phát thanh - Truyền hình tỉnh"]),
    ("Điều 3. Giám đốc các Sở: Lao động - Thương binh và Xã hội, Nội vụ, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh "
     "chịu trách nhiệm thi hành Quyết định này.",
     ["Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", "Bộ Chỉ huy Quân sự tỉnh"]),
])
def test_elliptic_lists_split_by_their_own_separator(tmp_path, article, expected):
    assert list(bodies(tmp_path, article)) == expected


def test_a_standing_organ_is_kept_and_a_collective_list_is_one_body(tmp_path):
    found = bodies(tmp_path, "Điều 3. Chánh Văn phòng UBND tỉnh, Thường trực Ban Chỉ đạo phòng, chống tội phạm tỉnh, "
                             "thủ trưởng các sở, ban ngành, đoàn thể tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố "
                             "chịu trách nhiệm thi hành Quyết định này.")
    assert list(found) == ["Văn phòng Ủy ban nhân dân tỉnh", "Thường trực Ban Chỉ đạo phòng, chống tội phạm tỉnh",
                           "các sở, ban ngành, đoàn thể tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"]


@pytest.mark.parametrize(("clause", "expected"), [
    ("Sở Y tế chủ trì, phối hợp với các Sở, Ban, ngành và UBND các huyện, thành phố tổ chức thực hiện.",
     {"Sở Y tế": "lead", "các Sở, Ban, ngành": "coordinate", "Ủy ban nhân dân các huyện, thành phố": "coordinate"}),
    ("Sở Tư pháp chủ trì, phối hợp với các Sở, Ngành, đoàn thể và UBND các xã tổ chức thực hiện.",
     {"Sở Tư pháp": "lead", "các Sở, Ngành, đoàn thể": "coordinate", "Ủy ban nhân dân các xã": "coordinate"}),
    # a capitalised unit noun with a name after it is a body of its own, not part of the collective
    ("Sở Nội vụ chủ trì, phối hợp với các sở, Ban Dân tộc tỉnh tổ chức thực hiện.",
     {"Sở Nội vụ": "lead", "các sở": "coordinate", "Ban Dân tộc tỉnh": "coordinate"}),
])
def test_collective_lists_of_bare_unit_nouns(tmp_path, clause, expected):
    assert bodies(tmp_path, "Điều 2. " + clause) == expected


@pytest.mark.parametrize(("article", "expected"), [
    # a bracket between the body and its predicate
    ("Điều 2. Giao Công an tỉnh (Thường trực Ban Chỉ đạo phòng, chống tội phạm) chịu trách nhiệm hướng dẫn, đôn đốc "
     "các ngành, đoàn thể, địa phương tổ chức, triển khai thực hiện.", {"Công an tỉnh": "lead"}),
    ("Điều 2. Giao Trung tâm Y tế huyện (cơ quan thường trực) chủ trì, phối hợp các đơn vị liên quan triển khai "
     "thực hiện.", {"Trung tâm Y tế huyện": "lead", "các đơn vị liên quan": "coordinate"}),
    # an apposition after a dash is no part of the name
    ("Điều 2. Sở Kế hoạch và Đầu tư - cơ quan thường trực Ban Chỉ đạo tỉnh chủ trì tổ chức triển khai Kế hoạch.",
     {"Sở Kế hoạch và Đầu tư": "lead"}),
])
def test_brackets_and_appositions_after_a_name(tmp_path, article, expected):
    assert bodies(tmp_path, article) == expected


@pytest.mark.parametrize(("article", "expected"), [
    # assigned: the object of a directive that opens its clause, and what is given "cho" them
    ("Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2025 cho các sở, ngành, UBND các huyện, thành "
     "phố, thị xã, các cơ quan, đơn vị.",
     {"các sở, ngành": "lead", "Ủy ban nhân dân các huyện, thành phố, thị xã": "lead", "các cơ quan, đơn vị": "lead"}),
    ("Điều 2. Giao nhiệm vụ cho các cơ quan, đơn vị có liên quan tổ chức thực hiện Kế hoạch.",
     {"các cơ quan, đơn vị có liên quan": "lead"}),
    # not assigned: the subject of a clause, the objects of a verb after a predicate, the verb "tổ chức",
    # and a generic body that points to the list after it
    ("Điều 2. Trên cơ sở kế hoạch này, các đơn vị, địa phương tổ chức triển khai thực hiện đảm bảo quy định.", {}),
    ("Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm tổ chức thực hiện Kế hoạch:", {}),
    ("Điều 2. Sở Y tế chủ trì tham mưu, chỉ đạo tổ chức triển khai Kế hoạch.", {"Sở Y tế": "lead"}),
])
def test_which_generic_bodies_a_decision_assigns(tmp_path, article, expected):
    assert bodies(tmp_path, article) == expected


def test_the_items_after_an_article_that_announces_them_are_its_addressees(tmp_path):
    found = bodies(tmp_path, "Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm tổ chức thực hiện Kế hoạch:\n"
                             "1. Sở Kế hoạch và Đầu tư - cơ quan thường trực Ban vì sự tiến bộ phụ nữ tỉnh giúp Ban "
                             "tham mưu Ủy ban nhân dân tỉnh tổ chức sơ kết hằng năm.\n"
                             "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.")
    assert found == {"Sở Kế hoạch và Đầu tư": "lead", "Sở Tài chính": "lead"}


@pytest.mark.parametrize(("article", "expected"), [
    ("Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân "
     "dân tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này.",
     ["các Bộ", "các cơ quan ngang bộ", "các cơ quan thuộc Chính phủ", "Ủy ban nhân dân tỉnh, thành phố"]),
    ("Điều 4. Các Cục trưởng, Vụ trưởng, Thủ trưởng đơn vị trực thuộc Bộ chịu trách nhiệm thi hành Quyết định này.",
     ["các Cục", "các Vụ", "các đơn vị trực thuộc Bộ"]),
    # without "Các" too: a title alone is the head of each unit, a kind of body after a title is each of them
    ("Điều 3. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố và Thủ trưởng cơ "
     "quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
     ["các Bộ", "các cơ quan ngang Bộ", "Ủy ban nhân dân tỉnh, thành phố", "các cơ quan, đơn vị có liên quan"]),
    # a title with its unit's name names that one
    ("Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi "
     "hành Quyết định này.", ["Văn phòng Bộ", "Vụ Pháp chế", "các đơn vị có liên quan"]),
    # the bodies under one title share the localities the last of them names
    ("Điều 3. Chánh Văn phòng Bộ; Giám đốc Sở Y tế, Trung tâm Kiểm soát bệnh tật các tỉnh, thành phố trực thuộc "
     "Trung ương chịu trách nhiệm thi hành Quyết định này.",
     ["Văn phòng Bộ", "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
      "Trung tâm Kiểm soát bệnh tật các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ huyện, Trưởng ban Dân tộc tỉnh và Thủ "
     "trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Phòng Nội vụ huyện", "Ban Dân tộc tỉnh",
      "các cơ quan liên quan"]),
])
def test_a_plural_list_of_titles_names_every_unit(tmp_path, article, expected):
    assert list(bodies(tmp_path, article)) == expected


def test_an_item_labelled_by_a_head_is_addressed_to_the_body(tmp_path):
    found = bodies(tmp_path, "Điều 2. Tổ chức thực hiện\n1. Thông báo chỉ tiêu kế hoạch\n"
                             "a) Giám đốc Sở Kế hoạch và Đầu tư:\n"
                             "- Chủ trì, phối hợp Cục Thống kê, các sở, ngành liên quan đánh giá tình hình thực hiện.\n"
                             "b) Giám đốc Sở Tài chính:\n- Bố trí kinh phí thực hiện.")
    assert found == {"Sở Kế hoạch và Đầu tư": "lead", "Sở Tài chính": "lead", "Cục Thống kê": "coordinate",
                     "các sở, ngành liên quan": "coordinate"}


LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
TỈNH {province}
Số: 215/SGDĐT-GDTrH
V/v triển khai công tác phòng, chống dịch
{place}, ngày 3 tháng 4 năm 2020
Kính gửi: Hiệu trưởng các trường trung học phổ thông.
{body}
"""


@pytest.mark.parametrize(("body", "expected"), [
    # the sender asks: the object of a request counts when it says which bodies it means
    ("Thực hiện Kế hoạch số 89/KH-UBND ngày 24/5/2020 của UBND tỉnh, Sở Giáo dục và Đào tạo yêu cầu các trường học "
     "trực thuộc thực hiện các nội dung sau:", {"các trường học trực thuộc": "lead"}),
    ("Thực hiện Kế hoạch số 89/KH-UBND ngày 24/5/2020 của UBND tỉnh, Sở Giáo dục và Đào tạo đề nghị Ủy ban nhân dân "
     "các huyện, thị xã chỉ đạo thực hiện.", {"Ủy ban nhân dân các huyện, thị xã": "lead"}),
    # "các đơn vị" alone points back to the addressees
    ("Sở Giáo dục và Đào tạo đề nghị các đơn vị tham gia ý kiến về dự thảo.", {}),
    # coordinating bodies count, generic ones too
    ("1. Giao Trung tâm Y tế huyện chủ trì, phối hợp các đơn vị liên quan triển khai thực hiện.",
     {"Trung tâm Y tế huyện": "lead", "các đơn vị liên quan": "coordinate"}),
])
def test_a_letters_requests_and_coordination(tmp_path, body, expected):
    path = tmp_path / "cv.txt"
    path.write_text(LETTER.format(province="NAM ĐỊNH", place="Nam Định", body=body), "utf-8")
    found = {b.name: b.role for b in extract_bodies(build_doc(path))}
    assert found.pop("các trường trung học phổ thông") == "lead"  # the addressee, named through its head
    assert found == expected


@pytest.mark.parametrize(("article", "expected"), [
    # heads named after a directive, and as the subject of "chịu trách nhiệm"
    ("Điều 2. Giao Thủ trưởng các Sở, ban, ngành, đơn vị có liên quan, Chủ tịch UBND các huyện, thị xã, thành phố "
     "căn cứ Kế hoạch này tổ chức triển khai thực hiện.",
     {"các Sở, ban, ngành, đơn vị có liên quan": "lead", "Ủy ban nhân dân các huyện, thị xã, thành phố": "lead"}),
    ("Điều 2. Căn cứ vào mục tiêu của Kế hoạch, Giám đốc các Sở, Thủ trưởng các Ban ngành tỉnh và doanh nghiệp có "
     "liên quan, Chủ tịch UBND huyện, thị xã, thành phố chịu trách nhiệm xây dựng các đề án cụ thể.",
     {"các Sở": "lead", "các Ban ngành tỉnh": "lead", "doanh nghiệp có liên quan": "lead",
      "Ủy ban nhân dân huyện, thị xã, thành phố": "lead"}),
])
def test_bodies_named_through_their_heads_in_running_text(tmp_path, article, expected):
    assert bodies(tmp_path, article) == expected


def test_a_decision_run_together_on_one_line_is_read_as_its_parts(tmp_path):
    glued = ("QUYẾT ĐỊNH Ban hành Kế hoạch phát triển kinh tế - xã hội năm 2016 ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH "
             "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Nghị quyết số "
             "09/2015/NQ-HĐND ngày 10/12/2015 của Hội đồng nhân dân tỉnh về nhiệm vụ kinh tế - xã hội năm 2016; "
             "Xét đề nghị của Giám đốc Sở Kế hoạch và Đầu tư tại Tờ trình số 07/TTr-SKHĐT ngày 05/01/2016, "
             "QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển kinh tế - xã hội năm 2016. "
             "Điều 2. Căn cứ vào mục tiêu của Kế hoạch, Giám đốc Sở Tài chính chịu trách nhiệm bố trí kinh phí. "
             "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Kế hoạch và Đầu tư chịu trách nhiệm thi hành Quyết "
             "định này.")
    path = tmp_path / "qd.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 91/QĐ-UBND\nNam Định, ngày 18 tháng 01 năm 2016\n"
                    + glued + "\n", "utf-8")
    doc = build_doc(path)
    articles = [p.text[:8] for p in doc.paragraphs if p.role == "article"]
    assert articles == ["Điều 1. ", "Điều 2. ", "Điều 3. "]
    assert sum(p.text.startswith("Căn cứ") for p in doc.paragraphs if p.role == "preamble") == 2
    assert {b.name: b.role for b in extract_bodies(doc)} == {
        "Sở Tài chính": "lead", "Văn phòng Ủy ban nhân dân tỉnh": "lead", "Sở Kế hoạch và Đầu tư": "lead"}


def test_kinds_of_school_are_written_out_in_a_plural_mention(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(LETTER.format(province="NAM ĐỊNH", place="Nam Định", body="") .replace(
        "Kính gửi: Hiệu trưởng các trường trung học phổ thông.",
        "Kính gửi:\n|\n- Hiệu trưởng các trường MN - MG,\n- Hiệu trưởng các trường TH, THCS;\n"
        "- Giám đốc Trung tâm GDTX huyện.\n|\nPhòng Giáo dục và Đào tạo đề nghị các đơn vị thực hiện."), "utf-8")
    found = {b.name for b in extract_bodies(build_doc(path))}
    assert {"các trường mầm non - mẫu giáo", "các trường tiểu học, trung học cơ sở"} <= found


PLAN = """ỦY BAN NHÂN DÂN
QUẬN HẢI CHÂU
Số: 12/KH-UBND
Hải Châu, ngày 3 tháng 4 năm 2023
KẾ HOẠCH
Phòng ngừa lao động trẻ em
I. MỤC ĐÍCH
Các cơ sở giáo dục (sau đây gọi tắt là CSGD) trực thuộc xây dựng kế hoạch cụ thể.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục và Đào tạo
- {line}
"""


@pytest.mark.parametrize(("line", "counts"), [
    ("Chỉ đạo các CSGD triển khai thực hiện có hiệu quả Kế hoạch.", True),  # directed at a clause's opening
    ("Chủ trì tham mưu triển khai Kế hoạch; hướng dẫn các CSGD xây dựng kế hoạch của đơn vị.", False),  # guided
    ("Phối hợp với các CSGD tổ chức tuyên truyền.", True),  # coordinating
])
def test_a_plans_abbreviation_for_a_kind_of_body_counts_where_it_is_assigned(tmp_path, line, counts):
    path = tmp_path / "kh.txt"
    path.write_text(PLAN.format(line=line), "utf-8")
    names = {b.name for b in extract_bodies(build_doc(path))}
    assert ("các cơ sở giáo dục" in names) is counts, names
