"""Task tables: the tables (often an appendix "Danh mục nhiệm vụ") whose header names who leads
each task.

    | TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
    | 1  | Số hóa hồ sơ ... | Phòng Nội vụ | UBND các xã, thị trấn | Quý II/2024 |

A header row is a table row with a cell that names the lead column ("Cơ quan chủ trì", "Đơn vị
thực hiện", "Chủ trì"); its other cells name the task, coordinating, time and other columns
(``COLUMNS``). Each row below it, up to the end of the table or the next header, is a task: its
task cell, the bodies of its lead and coordinating cells, and its time cell. A row that only
labels a group of tasks ("| I | Phát triển chính quyền số | | |") has no body cell and gives no
task; a blank lead cell under a filled one is a vertically merged cell (DOCX and PDF tables write it
blank) and takes the lead of the row above, within the group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...document import Doc
from ...tones import unaccent
from ..tables import cells, is_table_row, stripped

Cell = tuple[int, int]  # offsets into the paragraph text

# What each column of a task table's header says, folded (no diacritics, lower case).
COLUMNS = {
    "lead": re.compile(r"^(?:(?:co quan|don vi|bo phan|to chuc)\s+)?(?:chu tri|thuc hien(?: chinh)?|chiu trach nhiem)"
                       r"(?:\s+thuc hien)?$|^(?:trach nhiem|phan cong)(?:\s+thuc hien)?$|^chu tri$"),
    "coordinate": re.compile(r"^(?:(?:co quan|don vi|bo phan)\s+)?phoi hop(?:\s+thuc hien)?$"),
    "time": re.compile(r"^(?:thoi gian|thoi han|tien do|thoi diem|moc thoi gian)\b"),
    "task": re.compile(r"^(?:ten\s+)?(?:nhiem vu|noi dung|hoat dong|cong viec|giai phap|de an|du an|chuong trinh)\b"),
}
_NUMBERING = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$")  # "I", "1", "1.2", "a"
_GROUP = re.compile(r"^(?:[IVXLC]+|[A-H])[.)]?$")  # "II", "B": the number of a group of tasks


@dataclass
class TaskRow:
    """One task of a task table: where its cells are in paragraph ``paragraph``."""

    paragraph: int
    task: Cell
    leads: list[Cell] = field(default_factory=list)
    coordinates: list[Cell] = field(default_factory=list)
    time: Cell | None = None
    lead_paragraph: int = -1  # where the lead cells are: this row's, or a row above (a merged cell)

    def __post_init__(self) -> None:
        if self.lead_paragraph < 0:
            self.lead_paragraph = self.paragraph


def header_columns(text: str) -> dict[str, int] | None:
    """The columns of a task table's header row (kind → cell index), or None when ``text`` is not one."""
    found: dict[str, int] = {}
    for index, (a, b) in enumerate(cells(text)):
        words = " ".join(unaccent(text[a:b]).replace("/", " ").split()).strip(" .:*")
        for kind, pattern in COLUMNS.items():
            if kind not in found and pattern.search(words):
                found[kind] = index
                break
    return found if "lead" in found else None


def task_rows(doc: Doc) -> Iterator[TaskRow]:
    """Every task of the document's task tables, in order."""
    columns: dict[str, int] | None = None
    above: TaskRow | None = None  # the row above with a lead cell, for a merged one
    previous = -2
    for index, p in enumerate(doc.paragraphs):
        if not is_table_row(p.text):
            continue
        if index != previous + 1:
            columns = None  # another table
        previous = index
        header = header_columns(p.text)
        if header is not None:
            columns, above = header, None
            continue
        if columns is None:
            continue
        row = _row(p.text, index, columns, above)
        if row is None:
            above = None  # a group's label: merged cells do not run across it
            continue
        above = row if row.leads else above
        yield row


def _row(text: str, index: int, columns: dict[str, int], above: TaskRow | None) -> TaskRow | None:
    spans = [stripped(text, a, b) for a, b in cells(text)]

    def cell(kind: str) -> Cell | None:
        at = columns.get(kind)
        if at is None or at >= len(spans) or spans[at][0] == spans[at][1]:
            return None
        return spans[at]

    task = cell("task") or _widest(text, spans, columns)
    lead, coordinate = cell("lead"), cell("coordinate")
    if task is None:
        return None
    if lead is None and coordinate is None:
        first = text[spans[0][0]:spans[0][1]] if spans else ""
        if not above or _GROUP.match(first):
            return None  # "| II | Chuyển đổi số | | |": a group's label
    if lead is None and above is not None:  # a merged cell: the lead of the row above
        return TaskRow(index, task, list(above.leads), [coordinate] if coordinate else [], cell("time"),
                       lead_paragraph=above.lead_paragraph)
    return TaskRow(index, task, [lead] if lead else [], [coordinate] if coordinate else [], cell("time"))


def _widest(text: str, spans: list[Cell], columns: dict[str, int]) -> Cell | None:
    """The task cell of a header that does not name it: the longest cell outside the named columns."""
    named = set(columns.values())
    free = [s for i, s in enumerate(spans) if i not in named and not _NUMBERING.match(text[s[0]:s[1]])]
    best = max(free, key=lambda s: s[1] - s[0], default=None)
    return best if best is not None and best[1] > best[0] else None
