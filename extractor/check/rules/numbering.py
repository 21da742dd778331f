"""Numbering as written: gaps and duplicates in the top-level numerals; gaps in a section's numbered
items, decimal subsections and labelled lists ("Chỉ tiêu 1", "Chỉ tiêu 3"); headings styled at the
other kind of heading's level, and items numbered like sections. The source's numbering is never
fixed, only reported."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Optional

from ...document import LOW_OCR_CONFIDENCE
from ...records import Finding, Item, Section, Span
from ...resources import data_json
from ...segment import number_value
from ...segment.headings import ROMAN
from ...tones import fold
from .context import Context


def section_numbering(ctx: Context) -> list[Finding]:
    """``section_number_duplicate`` for a numeral used twice, ``section_number_gap`` after a skip."""
    out: list[Finding] = []
    seen: set[int] = set()
    expected = 1
    for s in ctx.record.outline.sections:
        value = number_value(s.number)
        if value in seen:
            out.append(Finding(
                code="section_number_duplicate", severity="warning", section=s.number, evidence=[s.span],
                rule="check.rules.numbering.section_numbering",
                message_vi=f"Số mục {s.number} bị lặp lại (mục \"{s.title}\").",
                message_en=f"Section number {s.number} is used twice (\"{s.title}\").",
            ))
        elif value > expected:
            out.append(Finding(
                code="section_number_gap", severity="warning", section=s.number, evidence=[s.span],
                rule="check.rules.numbering.section_numbering",
                message_vi=f"Đánh số mục bị nhảy: thiếu mục trước mục {s.number}.",
                message_en=f"Section numbering skips before {s.number}.",
            ))
        seen.add(value)
        expected = max(expected, value + 1)
    return out


def _numbered_items(ctx: Context) -> list[tuple[Section, Item]]:
    """Every item with a numeric label ("1.", "2.3."), in document order, with its section."""
    return [(s, item) for s, items in ctx.section_items for item in items
            if item.marker and item.label and item.label[0].isdigit()]


def section_levels(ctx: Context) -> list[Finding]:
    """``section_level_inconsistent``: a heading numbered like a subsection but styled as a section,
    or the reverse.

    Styles are heading levels (markdown ``#`` count, DOCX heading level). The usual level of
    sections is the commonest level of top-level headings; a top-level heading at another level
    that subsections use is inconsistent, and so is a numbered subsection at the sections' level.
    """
    sections = ctx.record.outline.sections
    levels = [s.heading_level for s in sections if s.heading_level is not None]
    if not levels:
        return []
    section_level = Counter(levels).most_common(1)[0][0]
    numbered = _numbered_items(ctx)
    sub_levels = {item.heading_level for _, item in numbered if item.heading_level is not None}
    out: list[Finding] = []
    for s in sections:
        if s.heading_level is not None and s.heading_level != section_level and s.heading_level in sub_levels:
            out.append(_level_finding(s.number, s.span, f"mục {s.number}", f"section {s.number}",
                                      "được trình bày như mục con", "is styled like a subsection"))
    for s, item in numbered:
        if item.heading_level == section_level:
            out.append(_level_finding(item.label or "", item.span, f"mục con {item.label} của mục {s.number}",
                                      f"subsection {item.label} of section {s.number}",
                                      "được trình bày như mục lớn", "is styled like a top-level section"))
    return out


def _level_finding(label: str, span: Optional[Span], vi: str, en: str, vi_why: str, en_why: str) -> Finding:
    return Finding(
        code="section_level_inconsistent", severity="info", section=label,
        evidence=[span] if span else [], rule="check.rules.numbering.section_levels",
        message_vi=f"Tiêu đề {vi} {vi_why}.", message_en=f"The heading of {en} {en_why}.",
    )


# ---------------------------------------------------------------- numbering inside a section

_DECIMAL = re.compile(r"\d{1,2}(?:\.\d{1,2})*")  # an item's label: "1", "1.2", "2.3.1"


def _misread(item: Item) -> bool:
    """A label recognised by OCR with low confidence: its digits may be misread ("3" as "8")."""
    return item.span.ocr_confidence is not None and item.span.ocr_confidence < LOW_OCR_CONFIDENCE


def _gap(label: str, item: Item, section: str, vi: str, en: str, rule: str) -> Finding:
    return Finding(
        code="section_number_gap", severity="warning", section=label, evidence=[item.span],
        rule=f"check.rules.numbering.{rule}",
        message_vi=f"Đánh số bị nhảy trong mục {section}: {vi}.",
        message_en=f"Numbering skips in section {section}: {en}.",
    )


def _skips(numbers: list[tuple[int, Item]]) -> Iterator[tuple[Item, range]]:
    """The entries of one flat run of numbers after a missing number, the run read as lists that
    may nest and restart: a 1 opens a list (a sub-list restarting its count); a number that
    continues an open list returns to it; a number above what every open list expects skips. A
    number below what an open list expects is a sub-list numbered on, never a gap."""
    lists: list[int] = []  # the last number of each open list, innermost last
    for n, item in numbers:
        if n == 1 or not lists:
            lists.append(n)
            continue
        open_at = next((k for k in range(len(lists) - 1, -1, -1) if lists[k] + 1 == n), None)
        if open_at is not None:
            del lists[open_at + 1:]
            lists[-1] = n
        elif all(n > last + 1 for last in lists):
            yield item, range(lists[-1] + 1, n)
            lists[-1] = n
        else:
            lists.append(n)


def _written_otherwise(items: list[Item], label: str) -> bool:
    """Whether a paragraph of ``items`` (a section's, flattened) opens with ``label`` and another mark
    than an item's ("5, Xây dựng ...", "5, 95% cơ sở ...", "5 Xây dựng ..."; not "5,5% ..."): a typo,
    or OCR reading "5." as "5,"; the number is there, not skipped."""
    pattern = re.compile(rf"{re.escape(label)}(?:\s*[,;:·]\s+\S|\s+[^\W\d])")
    return any(pattern.match(item.text) for item in items)


def item_numbering(ctx: Context) -> list[Finding]:
    """``section_number_gap`` inside a section, located by the number after the gap: a skip in its
    numbered items ("1.", "2.", "4.") or among the subsections of one number ("1.1", "1.3"), and a
    decimal subsection whose parent number is missing ("I. MỤC TIÊU" then "1.1." with no "1.";
    under "PHẦN 1" the part's own number is the parent). A missing number that opens a paragraph
    with another mark ("5, Xây dựng") is there, not skipped; labels OCR read with low confidence
    are not trusted."""
    out: list[Finding] = []
    for s, items in ctx.section_items:
        numbered = [(item, tuple(int(x) for x in item.label.split("."))) for item in items
                    if item.marker and item.label and _DECIMAL.fullmatch(item.label) and not _misread(item)]
        seen: set[tuple[int, ...]] = {(int(d),) for d in re.findall(r"\b\d{1,2}$", s.number)}
        last: dict[tuple[int, ...], int] = {}  # the highest child number of each decimal parent
        for item, label in numbered:
            parent, label_text = label[:-1], item.label or ""
            if parent and parent not in seen:
                missing = ".".join(map(str, parent))
                out.append(_gap(label_text, item, s.number, f"mục {label_text} không có mục {missing}. ở trên",
                                f"{label_text} has no {missing}. above it", "item_numbering"))
                seen.add(parent)
            elif parent and label[-1] > last.get(parent, 0) + 1 and not all(
                    _written_otherwise(items, ".".join(map(str, parent + (k,))))
                    for k in range(last.get(parent, 0) + 1, label[-1])):
                out.append(_gap(label_text, item, s.number, f"thiếu mục trước mục {label_text}",
                                f"it skips before {label_text}", "item_numbering"))
            if parent:
                last[parent] = max(last.get(parent, 0), label[-1])
            seen.add(label)
        for item, skipped in _skips([(label[0], item) for item, label in numbered if len(label) == 1]):
            if all(_written_otherwise(items, str(k)) for k in skipped):
                continue
            out.append(_gap(item.label or "", item, s.number, f"thiếu mục trước mục {item.label}",
                            f"it skips before {item.label}", "item_numbering"))
    return out


@lru_cache(maxsize=1)
def _labelled_entry() -> re.Pattern[str]:
    """An item's text that opens, after its marker and the spaces after it (matched from the
    marker's end), with a list noun and its number: "Chỉ tiêu 1:", "Nhiệm vụ 3.", "Bước 2 -",
    "Giai đoạn 1 (2021 - 2023):", "Nội dung số 4:". A look-ahead at the nouns' first letters fails
    most paragraphs before the nouns are tried."""
    nouns = data_json("labelled_lists.json")["nouns"]
    initials = "".join(sorted({re.escape(n[:1]) for n in nouns}))
    return re.compile(rf"\s*(?=[{initials}])(?P<label>(?P<noun>{'|'.join(re.escape(n) for n in nouns)})\s+"
                      rf"(?:số\s+)?(?P<n>\d{{1,2}}))\s*(?:[.:)(]|[-–—]\s)", re.IGNORECASE)


def _labelled(text: str, marker: str) -> Optional[re.Match[str]]:
    """The labelled entry (``_labelled_entry``) an item's text opens with after its marker; a text
    that does not open with its marker is read as it stands, its spaces not skipped."""
    if text.startswith(marker):
        return _labelled_entry().match(text, len(marker))
    return None if text[:1].isspace() else _labelled_entry().match(text)


def labelled_numbering(ctx: Context) -> list[Finding]:
    """``section_number_gap`` in a labelled list ("Chỉ tiêu 1", then "Chỉ tiêu 3"; "Nhiệm vụ 1" then
    "Nhiệm vụ 3"), located by the label after the gap ("Chỉ tiêu 3"). Each noun's numbers run as
    one list through a section and may restart at 1 ("Mục tiêu 1: Chỉ tiêu 1, 2, 3; Mục tiêu 2:
    Chỉ tiêu 1, 2"); a number at or below the last one is a restatement, and the first entry in a
    section is never a gap (it may continue a list of an earlier section, or one the text does not
    show). A section that takes up entries an earlier section listed ("Mục tiêu 1", "Mục tiêu 3"
    again under the tasks) skips none: the missing ones stand there."""
    out: list[Finding] = []
    earlier: dict[str, set[int]] = {}  # the numbers of each noun in the sections before
    for s, items in ctx.section_items:
        last: dict[str, int] = {}
        here: dict[str, set[int]] = {}
        for item in items:
            m = _labelled(item.text, item.marker)
            if not m or _misread(item):
                continue
            noun, n = fold(m.group("noun")), int(m.group("n"))
            skipped = set(range(last[noun] + 1, n)) if noun in last else set()
            if skipped and not skipped <= earlier.get(noun, set()):
                label = " ".join(m.group("label").split())
                out.append(_gap(label, item, s.number, f"thiếu mục trước \"{label}\"", f"it skips before \"{label}\"",
                                "labelled_numbering"))
            last[noun] = n
            here.setdefault(noun, set()).add(n)
        for noun, numbers in here.items():
            earlier.setdefault(noun, set()).update(numbers)
    return out


_ROMAN_ITEM = re.compile(rf"^(?P<num>{ROMAN})(?<=[IVX])\s*[.)]\s+\S")


def roman_items(ctx: Context) -> list[Finding]:
    """``section_level_inconsistent``: a paragraph inside a Roman section numbered with a Roman
    numeral like a top-level section although it is one of the section's items (under "II. MỤC
    TIÊU CỤ THỂ", a sentence numbered "I."). Only numerals up to the enclosing section's own: a
    higher one may be the next section with a heading not recognised. Text OCR read is left alone
    ("1." and "I." look alike to it)."""
    out: list[Finding] = []
    for s, items in ctx.section_items:
        if not s.number or not re.fullmatch(ROMAN, s.number):
            continue
        for item in items:
            m = _ROMAN_ITEM.match(item.text) if item.text[:1] in "IVX" else None
            if not m or item.span.ocr_confidence is not None or number_value(m.group("num")) > number_value(s.number):
                continue
            num = m.group("num")
            out.append(Finding(
                code="section_level_inconsistent", severity="info", section=num, evidence=[item.span],
                rule="check.rules.numbering.roman_items",
                message_vi=f"Đoạn đánh số \"{num}.\" trong mục {s.number} được đánh số La Mã như một mục lớn "
                           "nhưng là một ý của mục này.",
                message_en=f"The paragraph numbered \"{num}.\" in section {s.number} is numbered in Roman like a "
                           "top-level section but is an item of it.",
            ))
    return out
