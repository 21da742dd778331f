"""Funding sources: each source the Kinh phí section names, its kind, level and cited decisions.

A paragraph of the budget section is cut into *source clauses* (``CLAUSE_BREAK``: at ';' and
before "và các nguồn ..."); a clause that does not open a new source ("Quyết định số 8668/...")
continues the one before. Each clause is classified by the first ``KINDS`` pattern found in
it before its citations ("tại Quyết định số ... về việc giao dự toán ngân sách ..." names the
decision, not the source):

* ``state_budget``: "Ngân sách Nhà nước bố trí trong dự toán hằng năm", "ngân sách cấp huyện",
  "kinh phí được UBND tỉnh giao trong dự toán";
* ``programme``: "nguồn kinh phí Chương trình ...", "vốn Đề án ...";
* ``socialised``: "Nguồn xã hội hóa", "đóng góp, hỗ trợ hợp pháp", "huy động, vận động hợp pháp";
* ``other``: a clause that opens with "Từ nguồn ..." but fits none of them.

The level comes from a "1. Cấp tỉnh" heading above the paragraph, else from the clause
("ngân sách cấp huyện"). Decision numbers are read with ``fields.docnumbers``.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import grammar
from ..document import Doc, Paragraph
from ..records import BudgetSource
from .docnumbers import find_numbers

# ---------------------------------------------------------------- grammar

NGAN_SACH = r"[Nn]gân\s+sách"
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("programme", re.compile(
        r"""(?:nguồn\s+)?(?:kinh\s+phí|vốn)\s+(?:của\s+|thuộc\s+|từ\s+)?   # nguồn kinh phí (của) ...
            (?:các\s+)?(?:Chương\s+trình|Đề\s+án|Dự\s+án|chương\s+trình\s+mục\s+tiêu)""",
        re.VERBOSE)),
    ("state_budget", re.compile(
        rf"""{NGAN_SACH}(?:\s+(?:[Nn]hà\s+nước|[Tt]rung\s+ương|địa\s+phương|tỉnh|huyện|xã|cấp\s+\w+))?  # ngân sách nhà nước
          | dự\s+toán\s+(?:chi\s+thường\s+xuyên|ngân\s+sách|năm|hằng\s+năm|hàng\s+năm)       # dự toán chi thường xuyên
          | giao\s+trong\s+dự\s+toán""",
        re.VERBOSE)),
    ("socialised", re.compile(
        r"""xã\s+hội\s+hóa                                   # nguồn xã hội hóa
          | đóng\s+góp | tài\s+trợ | viện\s+trợ | ủng\s+hộ  # đóng góp, hỗ trợ hợp pháp
          | (?:huy\s+động|vận\s+động)(?:,\s*(?:huy\s+động|vận\s+động))?(?:\s+hợp\s+pháp|\s+từ|\s+các\s+nguồn)""",
        re.VERBOSE | re.IGNORECASE)),
)
# Where a clause may be cut: ';', or before a coordinated "(các) nguồn ...".
CLAUSE_BREAK = re.compile(r"\s*;\s*|,?\s+và\s+(?=(?:các\s+)?nguồn\b)|,\s+(?=(?:các\s+)?nguồn\b)")
# A clause that opens a new source (others continue the previous clause).
OPENS_SOURCE = re.compile(
    r"(?:[-+•]\s*)?(?:Từ\b|[Nn]guồn\b|(?:các\s+)?nguồn\b|[Kk]inh\s+phí\b|[Nn]gân\s+sách\b|[Hh]uy\s+động\b|[Vv]ận\s+động\b|[Cc]ăn\s+cứ\b|[A-ZĐ]\w*\s)"
)
# A citation inside a clause: what follows names a decision, not a source.
CITATION = re.compile(r"\b(?:tại|theo)\s+(?:Quyết\s+định|Kế\s+hoạch|Nghị\s+quyết|Thông\s+tư|Công\s+văn|Văn\s+bản)\b")
CONTINUES = re.compile(r"(?:Quyết\s+định|Kế\s+hoạch|Nghị\s+quyết|Thông\s+tư|Công\s+văn)\s+số\b")
LEVEL_HEADING = re.compile(grammar.LEVEL_HEADING)
LEVEL_IN_TEXT = re.compile(r"ngân\s+sách\s+(?:cấp\s+)?(?P<level>trung\s+ương|tỉnh|huyện|xã)\b", re.I)
BUDGET_OPENING = re.compile(r"^(?:[-+•]\s*|\d{1,2}\.\s*)?Kinh\s+phí\b")


def extract_budget(doc: Doc) -> list[BudgetSource]:
    """Every funding source of the plan, in document order; one record per source in a clause list."""
    out: list[BudgetSource] = []
    for p in doc.paragraphs:
        if p.role not in ("item", "body"):
            continue
        if p.section_kind != "budget" and not BUDGET_OPENING.match(p.text):
            continue
        level = _heading_level(doc, p)
        for start, end in _clauses(p.body):
            offset = len(p.text) - len(p.body)
            clause = p.body[start:end]
            kind = _kind(clause)
            if kind is None:
                continue
            out.append(BudgetSource(
                source=_tidy(clause), kind=kind, level=level or _text_level(clause),
                references=_references(clause),
                span=doc.span(p.start + offset + start, p.start + offset + end),
            ))
    return out


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the source clauses of a paragraph body."""
    pieces: list[list[int]] = []
    at = 0
    for m in list(CLAUSE_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        piece_start = at
        at = m.end() if m else len(text)
        if end <= piece_start:
            continue
        piece = text[piece_start:end]
        if pieces and (CONTINUES.match(piece) or not OPENS_SOURCE.match(piece)):
            pieces[-1][1] = end  # "Quyết định số 8668/..." continues the source before it
        else:
            pieces.append([piece_start, end])
    return [(a, b) for a, b in pieces]


def _kind(clause: str) -> Optional[str]:
    """The kind of the first source pattern written before any citation; 'other' for a bare 'Từ nguồn'."""
    citation = CITATION.search(clause)
    head = clause[: citation.start()] if citation else clause
    best: Optional[tuple[int, str]] = None
    for kind, pattern in KINDS:
        m = pattern.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    if best:
        return best[1]
    return "other" if re.match(r"\s*(?:Từ\s+)?(?:các\s+)?nguồn\b", head, re.I) else None


def _references(clause: str) -> list[str]:
    out: list[str] = []
    for _, _, number in find_numbers(clause):
        if number.canonical not in out:
            out.append(number.canonical)
    return out


def _heading_level(doc: Doc, p: Paragraph) -> Optional[str]:
    """The level of a 'Cấp tỉnh' / 'Cấp huyện, thành phố' heading above the paragraph."""
    seen, at = 0, p.parent
    while at is not None and seen < 8:
        m = LEVEL_HEADING.match(doc.paragraphs[at].body)
        if m:
            return grammar.level_of(m.group("level"))
        at = doc.paragraphs[at].parent
        seen += 1
    return None


def _text_level(clause: str) -> Optional[str]:
    m = LEVEL_IN_TEXT.search(clause)
    return grammar.level_of(m.group("level")) if m else None


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;.")
