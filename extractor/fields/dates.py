"""Vietnamese dates as written: numeric, long form, blank-day forms and day/month deadlines.

``DATE`` is the pattern source of the grammar, without capturing groups, for embedding
in other regexes. ``parse_date`` turns a written date into a ``DateValue`` as precise
as the text ("năm 2022" → ``"2022"``, "ngày tháng 8 năm 2021" → ``"2021-08"``);
an impossible date ("31/02/2021") is parsed and marked ``valid=False``, never raised.
OCR-tolerant: accents may be missing ("ngay", "thang", "nam"), glyph loss may drop the accented
vowel ("ngy", "thng", "nm") or damage a breve into a diaeresis ("näm"), and spaces may surround the separators ("27 / 5 / 2021") or be lost
("ngày31/8/2012").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional

# ---------------------------------------------------------------- words and parts

NGAY = r"(?i:ng[àa]?y)"                 # "ngày", "Ngày", "NGÀY", OCR "ngay", glyph-lost "ngy"
THANG = r"(?i:th[áa]?ng)"               # "tháng", OCR "thang", glyph-lost "thng"
BREVE_A = "[ăä]"                        # "ă", or its breve damaged into a diaeresis ("näm")
NAM = rf"(?i:n(?:{BREVE_A}|a)?m)"       # "năm", OCR "nam", glyph-lost "nm", damaged "näm"
DAY = r"(?:0?[1-9]|[12]\d|3\d)"          # 1-39: an impossible day is parsed, then flagged
MONTH = r"(?:0?[1-9]|1\d)"               # 1-19: idem for months
YEAR = r"(?:1[89]\d\d|2[01]\d\d)"        # 1800-2199, four digits
SEP = r"\s?[/.\-]\s?"                    # "/", "-" or "." with at most one stray space
BLANK = r"[\s._…]*"                      # a day or month left blank: spaces, dots, ellipses
NOT_BEFORE = r"(?<![\d/.\-])"            # not inside a longer number (e.g. "56/2017/...")
NOT_AFTER = r"(?![\d]|[/\-]\d)"          # not followed by more digits or a symbol part


def _grammar(capture: bool) -> str:
    """The date grammar; named groups only when ``capture`` (each alternative has its own)."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if capture else f"(?:{body})"

    return rf"""
    (?:
        # "ngày 27 tháng 5 năm 2021"; glued "ngày12tháng 7 năm 2013"; without "ngày" after a
        # document number ("Tờ trình số 1167/TTr-SLĐTBXH 13 tháng 5 năm 2021")
        (?:{NGAY}\s*)?{NOT_BEFORE}{g('ld', DAY)}\s*{THANG}\s+{g('lm', MONTH)}\s*,?\s*{NAM}\s+{g('ly', YEAR)}
      | # blank month: "ngày 16 tháng năm 2013" (the year alone is sure)
        {NGAY}\s*{NOT_BEFORE}{DAY}\s*{THANG}{BLANK}\s{NAM}\s+{g('xy', YEAR)}
      | # blank day: "ngày   tháng 8 năm 2021", "ngày … tháng … năm 2022"
        {NGAY}{BLANK}\s{THANG}(?:{BLANK}\s{g('bm', MONTH)})?{BLANK}\s{NAM}\s+{g('by', YEAR)}
      | # numeric: "ngày 27/5/2021", "27-5-2021", "05 / 8 / 2016", glued "ngày31/8/2012"
        (?:{NGAY}\s*)?{NOT_BEFORE}{g('nd', DAY)}{SEP}{g('nm', MONTH)}{SEP}{g('ny', YEAR)}{NOT_AFTER}
      | # month and year: "tháng 8 năm 2021", "tháng 8/2021"
        {THANG}\s+{g('mm', MONTH)}\s*(?:,?\s+{NAM}\s+|/){g('my', YEAR)}{NOT_AFTER}
      | # year alone: "năm 2022"
        {NAM}\s+{g('yy', YEAR)}{NOT_AFTER}
      | # day and month after "ngày": "trước ngày 5/7", "ngày 01/6"
        {NGAY}\s*{g('dd', DAY)}{SEP}{g('dm', MONTH)}{NOT_AFTER}
      | # day and month recurring every year: "20/11 hàng năm"
        {NOT_BEFORE}{g('rd', DAY)}{SEP}{g('rm', MONTH)}(?=\s+h[àằ]n?g\s+{NAM})
    )"""


#: The date grammar as pattern source, without capturing groups, for use inside other regexes.
DATE = _grammar(capture=False)
DATE_RE = re.compile(DATE, re.VERBOSE)
_PARTS_RE = re.compile(_grammar(capture=True), re.VERBOSE)

# Group names (day, month, year) per alternative.
_ALTERNATIVES = (
    ("ld", "lm", "ly"), (None, None, "xy"), (None, "bm", "by"), ("nd", "nm", "ny"),
    (None, "mm", "my"), (None, None, "yy"), ("dd", "dm", None), ("rd", "rm", None),
)
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateValue:
    """A date as precise as written; ``iso`` is None when there is no year or no date."""

    iso: Optional[str] = None
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    valid: bool = False
    text: str = ""

    @property
    def precision(self) -> Optional[str]:
        """'day', 'month', 'year', 'day-month' (no year) or None."""
        if self.year is None:
            return "day-month" if self.day is not None else None
        return "day" if self.day is not None else "month" if self.month is not None else "year"


def _is_valid(year: Optional[int], month: Optional[int], day: Optional[int]) -> bool:
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if month is None:
        return False
    last = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: 29 Feb allowed
    return 1 <= day <= last


def _iso(year: Optional[int], month: Optional[int], day: Optional[int]) -> Optional[str]:
    if year is None:
        return None
    parts = [f"{year:04d}"] + [f"{v:02d}" for v in (month, day) if v is not None]
    return "-".join(parts)


# The same as indices into ``Match.groups()`` (None for a part the alternative has not).
_ALTERNATIVE_INDICES = tuple(tuple(_PARTS_RE.groupindex[n] - 1 if n else None for n in names)
                             for names in _ALTERNATIVES)


def _value(m: re.Match[str]) -> DateValue:
    groups = m.groups()
    for indices in _ALTERNATIVE_INDICES:
        parts = [groups[i] if i is not None else None for i in indices]
        if parts == [None, None, None]:
            continue
        day, month, year = (int(part) if part else None for part in parts)
        return DateValue(_iso(year, month, day), year, month, day, _is_valid(year, month, day), m.group(0))
    return DateValue(text=m.group(0))  # unreachable: every match takes one alternative


def parse_date(text: str) -> DateValue:
    """The first date written in ``text`` (the whole text when it is one date); empty when none."""
    m = _PARTS_RE.fullmatch(text.strip()) or _PARTS_RE.search(text)
    return _value(m) if m else DateValue(text=text)


def find_dates(text: str) -> list[tuple[int, int, DateValue]]:
    """Every date in ``text`` as (start, end, value), left to right, longest form first."""
    return [(m.start(), m.end(), _value(m)) for m in _PARTS_RE.finditer(text)]
