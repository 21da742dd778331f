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
