"""An Excel workbook of tables, one sheet each, streamed (openpyxl's write-only mode): a bold,
frozen header row, then one row per mapping. A cell may be coloured by the last word of its text
(the alignment verdicts: ``70 below``). Text is stored as text, never as a formula."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO


@dataclass
class Sheet:
    title: str
    columns: list[str]
    rows: Iterable[Mapping[str, object]]
    fills: dict[str, str] = field(default_factory=dict)  # the last word of a cell's text -> RGB fill colour


def write_xlsx(out: BinaryIO, sheets: list[Sheet]) -> None:
    """The workbook of ``sheets``, written to ``out``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        ws.freeze_panes = "A2"
        fills = {word: PatternFill("solid", fgColor=colour) for word, colour in sheet.fills.items()}
        header = []
        for name in sheet.columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([_cell(ws, row.get(c), fills) for c in sheet.columns])
    book.save(out)


def _cell(ws, value: object, fills: dict):
    """A cell: a text is always a string cell (openpyxl would store a text starting with ``=`` as a
    formula, one a plan could write), coloured by its last word when ``fills`` says so."""
    fill = fills.get(value.rsplit(" ", 1)[-1]) if fills and isinstance(value, str) else None
    if fill is None and not (isinstance(value, str) and value.startswith("=")):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # text, never a formula
    if fill is not None:
        cell.fill = fill
    return cell
