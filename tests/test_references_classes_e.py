"""Classes of phrasing first met in blind batch E, each on variants written for the test (never a
document's own sentence).

A basis hard-wrapped before a capital more than once ("... và" / "Luật sửa đổi, bổ sung ... của Luật
Tổ chức" / "Chính phủ và ..." / "ngày ...;") is one paragraph, and so is a proposal ("Xét đề nghị của
Giám đốc Sở" / "Y tế tại Tờ trình số ...,") that ends with its comma before "QUYẾT ĐỊNH:".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.references import extract_references
from extractor.pipeline import build_doc

HEADER = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\n\nSố: 27/QĐ-UBND\n\nAn Giang, ngày 05 tháng 3 năm 2024\n\n"
          "QUYẾT ĐỊNH\n\nVề việc ban hành Kế hoạch phòng, chống dịch bệnh năm 2024\n\n"
          "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n")


def _doc(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return build_doc(path)


def _refs(tmp_path: Path, text: str) -> dict:
    return {r.number or r.title: r for r in extract_references(_doc(tmp_path, text))}


# ---------------------------------------------------------------- a basis wrapped more than once


@pytest.mark.parametrize("lines, title", [
    (["Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013 và", "Luật sửa đổi, bổ sung một số điều của Luật Quy",
      "Hoạch và Luật Xây dựng ngày 20 tháng 11 năm 2018;"],
     "Luật sửa đổi, bổ sung một số điều của Luật Quy Hoạch và Luật Xây dựng"),
    (["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ngân", "Sách nhà nước và Luật Kế toán",
      "ngày 10 tháng 6 năm 2022;"],
     "Luật sửa đổi, bổ sung một số điều của Luật Ngân Sách nhà nước và Luật Kế toán"),
])
def test_a_basis_wrapped_before_capitals_twice_is_one_paragraph(tmp_path, lines, title):
    doc = _doc(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    texts = [p.text for p in doc.paragraphs]
    assert " ".join(lines[-3:]) in " ".join(texts) and any(p.endswith(lines[-1]) and lines[-3] in p for p in texts)
    refs = _refs(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    assert title in refs
    assert not any(k and k.endswith(("Luật Quy", "Luật Ngân")) for k in refs)


@pytest.mark.parametrize("lines, issuer", [
    (["Xét đề nghị của Giám đốc", "Sở Tài nguyên và Môi trường tại Tờ trình số 215/TTr-STNMT ngày 04/3/2024,"],
     "Giám đốc Sở Tài nguyên và Môi trường"),
    (["Theo đề nghị của Giám đốc Sở Khoa học và", "Công nghệ tại Tờ trình số 88/TTr-SKHCN ngày 01 tháng 3 năm 2024,"],
     "Giám đốc Sở Khoa học và Công nghệ"),
    (["- Xét đề nghị của Giám đốc Sở Giáo dục và", "Đào tạo tại Tờ trình số 31/TTr-SGDĐT ngày 02/3/2024,"],
     "Giám đốc Sở Giáo dục và Đào tạo"),
])
def test_a_proposal_wrapped_before_a_capital_keeps_its_proposer(tmp_path, lines, issuer):
    refs = _refs(tmp_path, HEADER + "\n".join(lines) + "\nQUYẾT ĐỊNH:\n")
    number = next(k for k in refs if k and "/TTr-" in k)
    assert refs[number].issuer == issuer


@pytest.mark.parametrize("lines", [
    ["Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2024 của UBND tỉnh", "Ủy ban nhân dân huyện xây dựng Kế hoạch,",
     "cụ thể như sau:"],
    ["Căn cứ tình hình thực tế của địa phương", "Ủy ban nhân dân xã ban hành Kế hoạch", "như sau:"],
    ["Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013", "Ủy ban nhân dân huyện giao các chỉ tiêu",
     "cho các xã", "và các cơ quan", "theo biểu đính kèm;"],
])
def test_a_basis_does_not_run_on_into_a_sentence_of_its_own(tmp_path, lines):
    doc = _doc(tmp_path, HEADER + "\n".join(lines) + "\n")
    assert lines[0] in [p.text for p in doc.paragraphs]
