"""Targets in tables: a ruled table in a PDF and a table in a DOCX feed the target extractor."""

from __future__ import annotations

from pathlib import Path

from extractor.pipeline import extract

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans"
ROWS = [("Chỉ tiêu", "Năm 2024", "Năm 2025"),
        ("Trẻ em được cung cấp thông tin, kiến thức về phòng ngừa lao động trẻ em", "80%", "90%"),
        ("Cha mẹ, người chăm sóc trẻ em được tập huấn kỹ năng", "60%", "70%")]
BEFORE = ["KẾ HOẠCH", "Thực hiện công tác trẻ em năm 2024",
          "Căn cứ Quyết định số 782/QĐ-TTg ngày 27/5/2021 của Thủ tướng Chính phủ, UBND huyện ban hành Kế hoạch.",
          "I. MỤC TIÊU", "1. Các chỉ tiêu cụ thể như sau:"]
AFTER = ["II. TỔ CHỨC THỰC HIỆN", "1. Phòng Lao động - Thương binh và Xã hội chủ trì thực hiện."]
WANT = [(80.0, 2024, "Trẻ em"), (90.0, 2025, "Trẻ em"),
        (60.0, 2024, "Cha mẹ, người chăm sóc trẻ em"), (70.0, 2025, "Cha mẹ, người chăm sóc trẻ em")]


def table_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("D", "", f"{FONT}.ttf")
    pdf.add_font("D", "B", f"{FONT}-Bold.ttf")
    pdf.set_font("D", size=11)
    pdf.add_page()
    for line in BEFORE:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for row in ROWS:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    for line in AFTER:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def table_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in BEFORE:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=3)
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    for line in AFTER:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_ruled_pdf_table_rows_become_targets_with_column_years(tmp_path):
    record = extract(table_pdf(tmp_path / "table.pdf"))
    assert [(t.value, t.year, t.group) for t in record.targets] == WANT
    assert record.targets[0].indicator.startswith("được cung cấp thông tin")
    assert [s.number for s in record.outline.sections] == ["I", "II"]
    assert "80%" in record.targets[0].span.text


def test_docx_table_rows_become_targets_with_column_years(tmp_path):
    record = extract(table_docx(tmp_path / "table.docx"))
    assert [(t.value, t.year, t.group) for t in record.targets] == WANT
    assert [b.name for b in record.bodies] == ["Phòng Lao động - Thương binh và Xã hội"]
