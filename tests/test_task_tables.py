"""Task tables ("Danh mục nhiệm vụ": who leads, who coordinates, by when): the bodies with their
tasks and the deadlines, from a plan written here as text, as a DOCX with a real table and as a PDF
with a ruled table, with the header's wording, merged cells and time cells varied."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.bodies.tables import header_columns
from extractor.pipeline import extract
from extractor.records import PlanRecord

FRONT = """ỦY BAN NHÂN DÂN
HUYỆN ĐẠI LỘC
Số: 45/KH-UBND
Đại Lộc, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Triển khai chuyển đổi số năm 2024
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Đẩy mạnh chuyển đổi số trên địa bàn huyện.
II. NHIỆM VỤ VÀ GIẢI PHÁP
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.
III. TỔ CHỨC THỰC HIỆN
Phòng Văn hóa và Thông tin chủ trì theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
PHỤ LỤC
DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2024
(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2024 của UBND huyện Đại Lộc)"""

HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROWS = [
    ["I", "Phát triển chính quyền số", "", "", ""],
    ["1", "Triển khai hệ thống quản lý văn bản điều hành", "Văn phòng HĐND và UBND huyện",
     "Các phòng, ban chuyên môn", "Quý II/2024"],
    ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Phòng Nội vụ", "UBND các xã, thị trấn",
     "Tháng 12/2024"],
    ["II", "Phát triển xã hội số", "", "", ""],
    ["3", "Tuyên truyền về chuyển đổi số", "Phòng Văn hóa và Thông tin",
     "Trung tâm Văn hóa - Thể thao và Truyền thông huyện; Huyện Đoàn", "Thường xuyên"],
    ["4", "Bồi dưỡng kỹ năng số cho người dân", "Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
     "Hội Liên hiệp Phụ nữ huyện", "Trước ngày 30/9/2024"],
]

LEADS = {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện": ["Triển khai hệ thống quản lý văn bản điều hành"],
         "Phòng Nội vụ": ["Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"],
         "Phòng Văn hóa và Thông tin": ["Tuyên truyền về chuyển đổi số"],
         "Trung tâm Văn hóa - Thể thao và Truyền thông huyện": ["Bồi dưỡng kỹ năng số cho người dân",
                                                               "Tuyên truyền về chuyển đổi số"]}
COORDINATES = {"các phòng, ban chuyên môn", "Ủy ban nhân dân các xã, thị trấn", "Huyện Đoàn",
               "Hội Liên hiệp Phụ nữ huyện"}
DEADLINES = [  # (task, month, year, frequency, by)
    ("Triển khai hệ thống quản lý văn bản điều hành", 6, 2024, "once",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]),
    ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 12, 2024, "once", ["Phòng Nội vụ"]),
    ("Tuyên truyền về chuyển đổi số", None, None, "periodic", ["Phòng Văn hóa và Thông tin"]),
    ("Bồi dưỡng kỹ năng số cho người dân", 9, 2024, "once", ["Trung tâm Văn hóa - Thể thao và Truyền thông huyện"]),
]


def markdown(header: list[str] = HEADER, rows: list[list[str]] = ROWS) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return FRONT + "\n" + "\n".join(lines) + "\n"


def as_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in FRONT.split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=len(HEADER))
    for row in [HEADER, *ROWS]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    document.save(path)
    return path


def as_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("DejaVuSans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVuSans", size=10)
    pdf.add_page()
    for line in FRONT.split("\n"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 80, 60, 70, 40), first_row_as_headings=False) as table:
        for row in [HEADER, *ROWS]:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.output(str(path))
    return path


def record_of(path: Path) -> PlanRecord:
    record = extract(path)
    assert isinstance(record, PlanRecord), record
    return record


def check_tables(record: PlanRecord) -> None:
    leads = {b.name: sorted(t.text for t in b.tasks) for b in record.bodies if b.role == "lead"}
    for name, tasks in LEADS.items():
        assert set(tasks) <= set(leads.get(name, [])), (name, leads.get(name))
    assert {b.name for b in record.bodies if b.role == "coordinate"} >= COORDINATES
    tabled = [(d.what, d.due_month, d.due_year, d.frequency, d.by) for d in record.deadlines if d.kind == "task"]
    assert tabled == DEADLINES
    for d in record.deadlines:  # each deadline's evidence is its row's text
        assert d.what in d.span.text


def test_a_task_table_in_text(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(markdown(), "utf-8")
    check_tables(record_of(path))


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_task_table_in_any_format(tmp_path, kind):
    path = as_docx(tmp_path / "plan.docx") if kind == "docx" else as_pdf(tmp_path / "plan.pdf")
    check_tables(record_of(path))


@pytest.mark.parametrize(("header", "expected"), [
    (["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
     {"task": 1, "lead": 2, "coordinate": 3, "time": 4}),
    (["TT", "Nhiệm vụ, giải pháp", "Chủ trì", "Phối hợp", "Tiến độ", "Sản phẩm"],
     {"task": 1, "lead": 2, "coordinate": 3, "time": 4}),
    (["TT", "Hoạt động", "Đơn vị thực hiện", "Thời hạn hoàn thành", "Kinh phí"],
     {"task": 1, "lead": 2, "time": 3}),
    (["TT", "Tên nhiệm vụ", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện", "Thời gian"],
     {"task": 1, "lead": 2, "coordinate": 3, "time": 4}),
    # no lead column: no task table (a table of targets, of budget ...)
    (["TT", "Chỉ tiêu", "Năm 2024", "Năm 2025"], None),
    (["STT", "Nội dung", "Kinh phí (triệu đồng)", "Nguồn vốn"], None),
])
def test_the_header_names_the_columns(header, expected):
    assert header_columns("| " + " | ".join(header) + " |") == expected


def test_a_merged_lead_cell_leads_the_rows_below_it_within_its_group(tmp_path):
    rows = [
        ["I", "Tuyên truyền", "", "", ""],
        ["1", "Biên soạn tài liệu tuyên truyền", "Sở Thông tin và Truyền thông", "Sở Tư pháp", "Quý I/2025"],
        ["2", "Tổ chức hội nghị phổ biến", "", "Sở Nội vụ", "Quý II/2025"],
        ["II", "Kiểm tra, giám sát", "", "", ""],
        ["3", "Kiểm tra việc thực hiện", "", "Sở Tài chính", "Năm 2025"],
    ]
    path = tmp_path / "plan.md"
    path.write_text(markdown(rows=rows), "utf-8")
    record = record_of(path)
    leads = {b.name: sorted(t.text for t in b.tasks) for b in record.bodies if b.role == "lead"}
    assert leads["Sở Thông tin và Truyền thông"] == ["Biên soạn tài liệu tuyên truyền", "Tổ chức hội nghị phổ biến"]
    by = {d.what: (d.by, d.due_month, d.due_year) for d in record.deadlines if d.kind == "task"}
    assert by["Tổ chức hội nghị phổ biến"] == (["Sở Thông tin và Truyền thông"], 6, 2025)
    assert by["Kiểm tra việc thực hiện"] == ([], None, 2025)  # the merge does not run across a group's label
    assert "Sở Tài chính" in {b.name for b in record.bodies if b.role == "coordinate"}
