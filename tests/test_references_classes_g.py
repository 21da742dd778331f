"""Classes of phrasing first met in blind batch G, each on variants written for the test (never a
document's own sentence).

An issuer written after the citation's subject, in its own clause ("... hướng dẫn về “...” do Bộ Y tế
ban hành"), is the citation's issuer, a joint one as written ("do Bộ Tài chính, Bộ Y tế ban hành");
a "do" that is no issuing ("do Sở Y tế tham mưu") names none.

Numbers: a unit in parentheses glued to a symbol part ("415/PC45(TH)") is the number's; after a type
word, a stray slash before a party number's dash ("05/-CT /TW") is no end of it.

Attached: "(Kèm theo Kế hoạch số ... của Giám đốc Sở ...)" in a decision of another body is the plan the
decision approves, a reference; "(Ban hành kèm theo Quyết định số ...)" and a text of the document's own
body attached stay the document itself.

Issuers cut by a line break the normaliser kept ("... ngày 07/10/2021 của" / "UBND tỉnh và ...", "của Ban
Văn hóa" / "- Xã hội HĐND tỉnh; ...") are read across it; a body opening the next line after a whole
issuer is no part of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.references import extract_references, find_references
from extractor.pipeline import build_doc

HEADER = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\n\nSố: 27/QĐ-UBND\n\nAn Giang, ngày 05 tháng 3 năm 2024\n\n"
          "QUYẾT ĐỊNH\n\nVề việc phê duyệt Kế hoạch phòng, chống dịch bệnh năm 2024\n\n"
          "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n")
DECIDES = "QUYẾT ĐỊNH:\n\n"


def _doc_refs(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "plan.txt"
    path.write_text(HEADER + text, encoding="utf-8")
    return {r.number or r.title: r for r in extract_references(build_doc(path))}


def _by_number(text: str) -> dict:
    return {m.number: m for m in find_references(text)}


# ---------------------------------------------------------------- "do ... ban hành" after the subject


@pytest.mark.parametrize("text, number, issuer", [
    ("Căn cứ Quyết định số 1520/QĐ-BYT, ngày 04 tháng 5 năm 2021 hướng dẫn về “Phòng chống dịch” do Bộ Y tế "
     "ban hành;", "1520/QĐ-BYT", "Bộ Y tế"),
    ("Căn cứ Thông tư số 08/2019/TT-BTC quy định chế độ công tác phí do Bộ trưởng Bộ Tài chính ký ban hành;",
     "08/2019/TT-BTC", "Bộ trưởng Bộ Tài chính"),
    ("Căn cứ Thông tư liên tịch số 21/2018/TTLT-BTC-BNV ngày 3/4/2018 về chế độ chi do Bộ Tài chính, Bộ Nội "
     "vụ đã ban hành.", "21/2018/TTLT-BTC-BNV", "Bộ Tài chính, Bộ Nội vụ"),
    ("Thực hiện Kế hoạch số 77/KH-SYT ngày 2/3/2022 về tiêm chủng mở rộng do Sở Y tế ban hành, Phòng Y tế "
     "xây dựng kế hoạch.", "77/KH-SYT", "Sở Y tế"),
])
def test_issuer_written_after_the_subject(text: str, number: str, issuer: str) -> None:
    assert _by_number(text)[number].issuer == issuer


@pytest.mark.parametrize("text, number", [
    ("Căn cứ Quyết định số 45/QĐ-UBND ngày 2/3/2020 về kế hoạch do Sở Y tế tham mưu, UBND tỉnh ban hành.",
     "45/QĐ-UBND"),
    ("Căn cứ Quyết định số 46/QĐ-UBND ngày 2/3/2020 về kế hoạch tiêm chủng; Kế hoạch do Sở Y tế ban hành.",
     "46/QĐ-UBND"),
])
def test_do_that_issues_nothing_here(text: str, number: str) -> None:
    assert _by_number(text)[number].issuer is None


# ---------------------------------------------------------------- numbers cut short


@pytest.mark.parametrize("text, number, date", [
    ("theo đề nghị của Công an tỉnh tại Công văn số 415/PC45(TH) ngày 3/9/2019, UBND tỉnh giao", "415/PC45(TH)",
     "2019-09-03"),
    ("Căn cứ Kế hoạch số 27/KH-PV05(ĐT) ngày 12/4/2021 của Công an tỉnh;", "27/KH-PV05(ĐT)", "2021-04-12"),
])
def test_unit_in_parentheses_glued_to_the_symbol(text: str, number: str, date: str) -> None:
    assert _by_number(text)[number].date == date


@pytest.mark.parametrize("text, number", [
    ("Thực hiện Chỉ thị số 05/-CT /TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập;", "05-CT/TW"),
    ("Căn cứ Nghị quyết số 12/-NQ/TU ngày 3/2/2018 của Ban Thường vụ Tỉnh ủy về phát triển;", "12-NQ/TU"),
    ("Căn cứ Kết luận số 7/ - KL/TW ngày 3/2/2018 của Bộ Chính trị về phát triển;", "7-KL/TW"),
])
def test_stray_slash_before_a_party_number_dash(text: str, number: str) -> None:
    m = _by_number(text)[number]
    assert m.date is not None and m.issuer is not None


def test_strict_numbers_take_no_stray_slash() -> None:
    from extractor.fields.docnumbers import find_numbers
    assert [n.canonical for _, _, n in find_numbers("mã 49/-CT /TW")] == []


# ---------------------------------------------------------------- an approved plan in parentheses


@pytest.mark.parametrize("article, number, issuer", [
    ("Điều 1. Phê duyệt Kế hoạch của Sở Y tế về phòng, chống dịch bệnh năm 2024.\n\n(Kèm theo Kế hoạch số "
     "112/KH-SYT, ngày 20/2/2024 của Giám đốc Sở Y tế).", "112/KH-SYT", "Giám đốc Sở Y tế"),
    ("Điều 1. Phê duyệt Đề án của Hội Nông dân tỉnh.\n\n(Kèm theo Đề án số 09/ĐA-HNDT ngày 1/2/2024 của Hội "
     "Nông dân tỉnh)", "09/ĐA-HNDT", "Hội Nông dân tỉnh"),
])
def test_approved_plan_of_another_body(tmp_path: Path, article: str, number: str, issuer: str) -> None:
    ref = _doc_refs(tmp_path, DECIDES + article + "\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")[number]
    assert ref.issuer == issuer


@pytest.mark.parametrize("line, number", [
    ("(Ban hành kèm theo Quyết định số 27/QĐ-UBND ngày 05/3/2024 của Chủ tịch UBND tỉnh)", "27/QĐ-UBND"),
    ("(Kèm theo Quyết định số 31/QĐ-UBND ngày 05/3/2024 của Chủ tịch UBND tỉnh)", "31/QĐ-UBND"),
    ("(Kèm theo Kế hoạch số 30/KH-UBND ngày 05/3/2024 của UBND tỉnh)", "30/KH-UBND"),
])
def test_the_document_itself_attached(tmp_path: Path, line: str, number: str) -> None:
    text = DECIDES + "Điều 1. Phê duyệt Kế hoạch phòng, chống dịch bệnh năm 2024.\n\n" + line + "\n\nĐiều 2. Hiệu lực.\n"
    assert number not in _doc_refs(tmp_path, text)


# ---------------------------------------------------------------- an issuer cut by a line break


def _preamble_refs(tmp_path: Path, lines: list[str]) -> dict:
    return _doc_refs(tmp_path, "\n".join(lines) + "\n\n" + DECIDES + "Điều 1. Phê duyệt Kế hoạch.\n\nĐiều 2. Hiệu lực.\n")


@pytest.mark.parametrize("lines, number, issuer", [
    (["Căn cứ Kế hoạch số 45/KH-UBND ngày 07/10/2021 của", "UBND tỉnh và tình hình thực tế, UBND huyện ban hành Kế hoạch như sau:"],
     "45/KH-UBND", "Ủy ban nhân dân tỉnh"),
    (["Căn cứ Công văn số 88/SKHĐT-TH ngày 2/3/2022 của", "Sở Kế hoạch và Đầu tư về việc lập kế hoạch, Sở Y tế xây dựng Kế hoạch như sau:"],
     "88/SKHĐT-TH", "Sở Kế hoạch và Đầu tư"),
    (["Xét Báo cáo thẩm tra số 61/BC-HĐND ngày 3 tháng 12 năm 2021 của Ban Văn hóa",
      "- Xã hội Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu."], "61/BC-HĐND",
     "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh"),
])
def test_issuer_across_a_line_break(tmp_path: Path, lines: list[str], number: str, issuer: str) -> None:
    assert _preamble_refs(tmp_path, lines)[number].issuer == issuer


def test_body_opening_the_next_basis_is_no_part_of_the_issuer(tmp_path: Path) -> None:
    refs = _preamble_refs(tmp_path, ["Căn cứ Quyết định số 52/QĐ-BYT ngày 2/3/2022 của Bộ Y tế",
                                     "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"])
    assert refs["52/QĐ-BYT"].issuer == "Bộ Y tế"
