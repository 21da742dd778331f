"""The header block read as the table it is: the issuer's column (one line per body, the issuing body
last under its parent), the national motto, the number line, the place-date line and a letter's
subject. Cells are cut at ``|`` (flattened tables), at the motto (two columns side by side on one
line) and at the place-date inside a number line; a cell cut by a wrap ("Lào" / "Cai, ngày …",
"ỦY" / "BAN NHÂN DÂN") is joined again.

Offsets are into ``Doc.text``, so every value keeps its evidence span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Doc
from ..segment.lines import MOTTO, PLACE_DATE, PLACE_DATE_START, SYMBOL_CELL, cell_kind

_BAR = re.compile(r"\|")
# Inside a cell of a header flattened into one line ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN ------- Số:
# 4653/QĐ-BNN-KHCN | CỘNG HÒA …"): the rule under the issuer, and the number label after it.
_RULE_RUN = re.compile(r"(?<!\S)[-–—_=*]{3,}(?!\S)")
_NUMBER_LABEL = re.compile(r"(?<!\w)S[ốô]\s*:")


@dataclass(frozen=True)
class Piece:
    kind: str  # issuer, motto, number, place_date, subject, rule, other
    text: str
    start: int  # offsets into Doc.text
    end: int


@dataclass
class Header:
    issuer_lines: list[Piece] = field(default_factory=list)  # the left column, top to bottom
    number: Piece | None = None
    place_date: Piece | None = None
    subject: Piece | None = None


def _pieces(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Cut one header paragraph at bars, at the motto, at a rule, before a number label and before a place-date."""
    mottos = [m.span() for m in MOTTO.finditer(text)]
    cuts = sorted({0, len(text)} | {m.start() for m in _BAR.finditer(text)} | {m.end() for m in _BAR.finditer(text)}
                  | {x for span in mottos for x in span}
                  | {m.start("place") for m in PLACE_DATE.finditer(text)
                     if m.start("place") > 0 and not any(a < m.start("place") < b for a, b in mottos)}
                  | {x for m in _RULE_RUN.finditer(text) for x in (m.start(), m.end())}
                  | {m.start() for m in _NUMBER_LABEL.finditer(text)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        stripped = piece.strip(" |")
        if stripped:
            lead = piece.index(stripped[0])
            out.append((stripped, offset + a + lead, offset + a + lead + len(stripped)))
    return out


_BLANK_LABEL = re.compile(r"^\s*S[ốoô]\s*[:.]?\s*$")  # "Số:" with nothing after it


def read_header(doc: Doc) -> Header:
    """The header of ``doc`` (the paragraphs segmentation gave the role "header")."""
    pieces = [Piece(cell_kind(t), t, a, b) for p in doc.paragraphs if p.role == "header"
              for t, a, b in _pieces(p.text, p.start)]
    pieces = _rejoin(doc, pieces)
    header = Header()
    for piece in pieces:
        if piece.kind == "issuer":
            header.issuer_lines.append(piece)
        elif piece.kind == "number" and header.number is None:
            header.number = piece
        elif piece.kind == "number" and header.number is not None and _BLANK_LABEL.match(header.number.text) \
                and (symbol := SYMBOL_CELL.match(piece.text)):
            # "Số:" and, lines below, "/KH-UBND" (the columns interleaved line by line): one cell
            header.number = Piece("number", f"Số: {symbol.group(0)}", piece.start, piece.start + symbol.end())
        elif piece.kind == "place_date" and (header.place_date is None or not PLACE_DATE.search(header.place_date.text)) \
                and (PLACE_DATE.search(piece.text) or (header.place_date is None and PLACE_DATE_START.match(piece.text))):
            header.place_date = piece  # dated, or "Tân Thanh Tây, ngày" with its date left blank until one is
        elif piece.kind == "subject" and header.subject is None:
            header.subject = piece
    return header


def _rejoin(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """Join what a wrap cut: a place name before its ", ngày", a place-date's tail, a unit noun's head."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, piece):
            text = doc.text[prev.start:piece.end]
            joined = " ".join(text.replace("|", " ").split())
            kind = "place_date" if "place_date" in (prev.kind, piece.kind) else prev.kind
            out[-1] = Piece(kind, joined, prev.start, piece.end)
            continue
        out.append(piece)
    return out


def _continues(prev: Piece, piece: Piece) -> bool:
    if piece.kind == "place_date" and PLACE_DATE_START.match(piece.text) and prev.kind in ("other", "issuer") \
            and len(prev.text.split()) <= 5 and not any(c in prev.text for c in ",.:;"):
        return not PLACE_DATE.search(prev.text)  # "Lào" / "Cai, ngày 24 tháng 9 năm 2019"
    if prev.kind == "place_date" and not PLACE_DATE.search(prev.text):
        return piece.kind in ("other", "place_date") and (piece.text[:1].isdigit() or piece.text[:1].islower())
    return False
