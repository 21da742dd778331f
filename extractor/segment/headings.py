"""Top-level headings and item markers: the grammar of "I. MỤC TIÊU", "PHẦN I. ...", "Phần thứ
hai", "Chương II", "A. MỤC ĐÍCH, YÊU CẦU", and of "1.", "1.2.", "a)", "-", "+".

Which kind is the top level is decided per document (``top_level``): parts or chapters when the
plan has them (their Roman headings are then sub-sections), lettered parts when Roman headings
stand under them, else the Roman numerals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..document import Paragraph
from .lines import DOC_TYPE_LINE, SUBJECT, upper_share

ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3})|X{1,3}V?I{0,3})"
# A Roman heading: numeral, a separator (OCR may drop the space: "I.MỤC TIÊU"), then the title.
_ROMAN_HEADING = re.compile(
    rf"""^(?P<num>{ROMAN})(?<=\S)        # I  II  IV  VI ... (non-empty)
        \s*(?:[.)/:]|\s-\s?|[-–]\s|\s)\s*   # separator: '.', ')', ':', ' - ', '- ' or a space
        (?P<title>\S.*?)[\s.:]*$          # title, trailing dots and colons dropped
    """,
    re.VERBOSE,
)
# Ordinal words of "Phần thứ nhất", "PHẦN THỨ HAI".
ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
            "mười": 10}
_PART_HEADING = re.compile(
    rf"""^(?P<num>(?:PHẦN|Phần|CHƯƠNG|Chương)\s+
           (?:(?:THỨ|thứ)\s+(?P<ord>[^\W\d_]+)|(?P<roman>{ROMAN})(?<=[IVXLC])|(?P<digits>\d{{1,2}})
              |(?P<letter>[A-H])(?![^\W\d_])))                                  # Phần A
        \s*(?:[.:)]|\s[-–]\s?)?\s*
        (?P<title>\S.*?)?[\s.:]*$
    """, re.VERBOSE)
# A lettered part: "A. MỤC ĐÍCH, YÊU CẦU", "B - NỘI DUNG", "A . MỤC ĐÍCH, YÊU CẦU:"
_LETTER_HEADING = re.compile(r"^(?P<num>[A-H])\s*(?:[.)]|\s[-–])\s*(?P<title>\S.*?)[\s.:]*$")

# A list number a web page's markup set before a lettered heading: "1. A. NHIỆM VỤ", "1. B. CÁC NHIỆM VỤ".
_LIST_NUMBER_BEFORE = re.compile(r"\d{1,2}\.\s+(?=[A-H]\s*[.)]\s*[A-ZĐÀ-Ỹ]{2})")

# Item markers, in the order the stack meets them.
_ITEM_MARKER = re.compile(
    r"""^(?:
        (?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[.)](?!\d)   # 1.  1.2.  2)
      | (?P<letter>[a-zđ])\s*\)                      # a)  đ)
      | (?P<dash>[-–—•*])(?=\s|[^\d\s])              # - item   (not '-5%')
      | (?P<plus>\+)
    )\s*""",
    re.VERBOSE,
)


def roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


def to_roman(value: int) -> str:
    out = ""
    for n, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out, value = out + numeral, value - n
    return out


def number_value(number: str) -> int:
    """The position a top-level number says: "IV" → 4, "PHẦN II" → 2, "Phần thứ ba" → 3, "B" → 2."""
    m = _PART_HEADING.match(number)
    if m:
        if m.group("ord"):
            return ORDINALS.get(m.group("ord").lower(), 0)
        if m.group("letter"):
            return ord(m.group("letter")) - ord("A") + 1
        return roman_value(m.group("roman")) if m.group("roman") else int(m.group("digits"))
    if re.fullmatch(ROMAN, number) and number:
        return roman_value(number)
    if re.fullmatch(r"[A-H]", number):
        return ord(number) - ord("A") + 1
    return 0


@dataclass(frozen=True)
class Heading:
    """A candidate top-level heading: its kind, its number as written, its title and its position."""

    kind: str  # roman, part, letter
    number: str
    title: str
    marker: str  # the text before the title: "II.", "PHẦN I."
    value: int
    strict: bool  # upper-case or styled; a sentence-case heading counts only where its numeral fits


def _styled(p: Paragraph) -> bool:
    return p.heading_level is not None or p.bold


# The letters a heading of any kind opens with: a part or chapter (P, C), a lettered part (A-H), a Roman
# numeral (I, V, X); or a digit, of a page's list number before a lettered part.
_HEADING_INITIALS = frozenset("ABCDEFGHIPVX")


def read_heading(p: Paragraph) -> Optional[Heading]:
    """The heading ``p`` could be, of any kind, or None."""
    text = p.text
    if not (text[:1] in _HEADING_INITIALS or text[:1].isdecimal()):
        return None  # most paragraphs: no pattern below can match
    if DOC_TYPE_LINE.match(text.strip()) or SUBJECT.match(text):
        return None  # a title line; a subject "V/V BAN HÀNH ..." (về việc), not section V
    m = _PART_HEADING.match(text)
    if m and number_value(m.group("num")) and upper_share(m.group("num")) > 0 and not (m.group("title") or "").strip(" .:"):
        # "Phần thứ nhất" alone: its title on the lines below. A chapter alone ("Chương 1:") opens a
        # charter's or a regulation's articles, not a plan's part.
        if not m.group("num").upper().startswith("PHẦN"):
            return None
        number = " ".join(m.group("num").split())
        return Heading("part", number, "", text.strip(), number_value(number), True)
    if m and number_value(m.group("num")) and upper_share(m.group("num")) > 0:
        number = " ".join(m.group("num").split())
        title = (m.group("title") or "").strip()
        return Heading("part", number, title, text[: m.start("title")].strip() if m.group("title") else text,
                       number_value(number), True)
    skip = m.end() if (m := _LIST_NUMBER_BEFORE.match(text)) else 0  # "1. A. NHIỆM VỤ": a page's list markup
    m = _LETTER_HEADING.match(text[skip:])
    if m and upper_share(m.group("title")) >= 0.6 and len(m.group("title")) <= 150:
        return Heading("letter", m.group("num"), m.group("title").strip(), text[: skip + m.start("title")].strip(),
                       number_value(m.group("num")), True)
    m = _ROMAN_HEADING.match(text)
    if not m or not m.group("num"):
        return None
    title = m.group("title")
    strict = (upper_share(title) >= 0.6 and len(title) <= 200) or (_styled(p) and len(title) <= 150
                                                                    and title[:1].isupper())
    sentence_case = title[:1].isupper() and len(title) <= 100 and not title.rstrip().endswith((".", ";", ","))
    if not strict and not sentence_case:
        return None
    return Heading("roman", m.group("num"), title.strip(), text[: m.start("title")].strip(),
                   roman_value(m.group("num")), strict)


def match_section_heading(p: Paragraph) -> Optional[re.Match[str]]:
    """A strict Roman-numeral heading (upper-case title, or styled and short), as a match."""
    heading = read_heading(p)
    if heading is None or heading.kind != "roman" or not heading.strict:
        return None
    return _ROMAN_HEADING.match(p.text)


def top_level(candidates: list[tuple[int, Heading]]) -> str:
    """The kind of heading that opens the top-level sections of a document."""
    kinds = [h.kind for _, h in candidates]
    if "part" in kinds:
        return "part"
    if "letter" in kinds:
        first_letter = kinds.index("letter")
        letters = [h for _, h in candidates if h.kind == "letter"]
        if "roman" in kinds[first_letter:] or "roman" not in kinds or (len(letters) >= 2 and letters[1].value == 2):
            return "letter"
    return "roman"


def item_marker(text: str) -> tuple[str, Optional[str], str]:
    """(marker as written, label, kind) or ('', None, '') when the paragraph has no marker."""
    m = _ITEM_MARKER.match(text)
    if not m:
        return "", None, ""
    marker = m.group(0).rstrip()
    for kind in ("num", "letter", "dash", "plus"):
        if m.group(kind) is not None:
            label = m.group(kind) if kind in ("num", "letter") else None
            return marker, label, kind
    return "", None, ""


def ocr_numeral_slip(numeral: str, expected: int) -> bool:
    """OCR merges and drops the strokes of I's ('III' read as 'II' or 'IIII'): a recognised numeral
    that breaks the sequence but equals the expected one up to its I's is a misreading. Numerals
    typed in a text layer are never repaired; their mistakes are the author's and are reported."""
    want = to_roman(expected)
    # Only numerals of I's alone (I, II, III): a V or an X is a stroke OCR does not lose, so "V"
    # after "V" or "VI" after "IV" are the author's, and stay as written.
    return roman_value(numeral) != expected and set(numeral) == set(want) == {"I"}
