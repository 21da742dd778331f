"""Vietnamese numerals as plans write them: percentages, ranges and x/y ratios.

Vietnamese writes a decimal comma and a thousands dot: ``4,9`` is 4.9, ``7.500``
is 7500, ``100.000`` is 100000, ``05`` is 5. Scanned text adds its own noise:
``90 %`` (a space before the sign) and ``9O%`` (the letter O read for a zero),
which is repaired and flagged.

``find_quantities(text)`` returns every percentage (``90%``, ``-0,2 điểm phần trăm``),
range (``5-10%``, ``từ 5 đến 10%``), per-mille rate (``0,1 ‰``, the typewriter ``0,1 %0``) and
ratio or rate (``150/200``, ``500/100.000``, ``111,2 số bé trai/100 bé gái``, ``14,3 bác sỹ/1 vạn
dân``) with its offsets.
A footnote mark glued to a value (``24%1``, ``1,2%[2]``) is part of the quantity's extent, never
of its value; a per-year suffix (``0,3%/năm``) is too, and the quantity says so. It knows nothing about targets: whether a quantity is a commitment,
and what it applies to, is ``targets.py``'s business.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Optional

from ..grammar import positions

# ---------------------------------------------------------------- grammar parts

# Not glued to a preceding word, number, decimal mark or slash (so not inside
# "KH-UBND5", "1.5", "27/5/2021" or "2.100").
_NOT_AFTER_NUMBERISH = r"(?<![\w/.,])"

# Plain digits with an optional decimal comma (or a converted document's decimal point).
_DECIMAL = r"\d+(?:[.,]\d{1,2})?(?!\d)"                      # 90, 4,9, 05, 4.9
# Digits grouped in thousands by dots: 7.500, 100.000.
_GROUPED = r"\d{1,3}(?:\.\d{3})+(?!\d)"
# Grouped by dots or (in rates) spaces: 100.000, 100 000.
_GROUPED_ANY = r"\d{1,3}(?:[.\u00a0 ]\d{3})+(?!\d)"

# Digits where the scanner read the letter O (or o) for a zero: 9O, 1OO. At least
# one real digit, first character a digit, so no word is ever taken for a number.
_OCR_NUMBER = r"\d[0-9Oo]*[Oo][0-9Oo]*(?:,\d{1,2})?(?![\w])"

# A number as written before a percent sign: the OCR form first, since the plain
# form would stop at the O.
_PERCENT_NUMBER = rf"""
    (?:
        {_OCR_NUMBER}                      # 9O, 1OO (repaired, flagged)
      | {_DECIMAL}                         # 90, 4,9, 05
    )
"""

# The percent sign, with OCR's stray space: "%", "90 %", fullwidth "％", or spelled out.
_PERCENT_SIGN = r"""
    (?:
        [ \u00a0]?[%％](?!0(?!\d)|(?-i:o)(?!\w))   # 90%, 90 %, 90％ (but not the typewriter per mille "%0", "%o")
      | [ \u00a0]+(?:điểm[ \u00a0]+)?phần[ \u00a0]+trăm\b     # 90 phần trăm, 0,2 điểm phần trăm
    )
"""
# The per-mille sign: "‰", or "%0" / "%o" as a typewriter writes it ("+0,1 %0 so với năm 2020",
# "giảm 0,5%o"): a zero or a lower-case o not glued to a word or a digit.
_PERMILLE_SIGN = r"[ \u00a0]?(?:‰|%0(?!\d)|%(?-i:o)(?!\w))"

# What may follow a value's sign and still belong to the quantity: a footnote mark glued to it
# ("24%1;", "18,5%[3]", "36%²") and a per-year suffix ("0,3%/năm").
_FOOTNOTE_MARK = r"(?:\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|(?<=[%％])[1-9]\d?(?!\w|[,.]\d))"
_PER_YEAR = r"[ \u00a0]?/[ \u00a0]?năm(?!\w)"

# Between the two ends of a range: a dash (any kind) or "đến"/"tới"/"-".
_RANGE_JOIN = r"""
    (?:
        [ \u00a0]*[-–—][ \u00a0]*          # 5-10%, 5 – 10%
      | [ \u00a0]+(?:đến|tới)[ \u00a0]+    # 5 đến 10%, 5 tới 10%
    )
"""

# The numerator of a ratio: whole numbers only ("144", "1.500").
_NUMERATOR = rf"(?:{_GROUPED}|\d+)"
# The denominator, grouped by dots or spaces in rates (500/100.000 dân).
_DENOMINATOR = rf"(?:{_GROUPED_ANY}|\d+)"

PERCENT_RE = re.compile(
    rf"""
    {_NOT_AFTER_NUMBERISH}
    (?:
        (?:từ[ \u00a0]+)?                     # "từ 5 đến 10%": the word is part of the range
        (?P<low>{_PERCENT_NUMBER})             # lower end of a range ...
        (?:{_PERCENT_SIGN})?                   # ... with or without its own sign (5% - 10%)
        {_RANGE_JOIN}
    )?
    (?P<number>{_PERCENT_NUMBER})              # the value
    (?:(?P<sign>{_PERCENT_SIGN}) | (?P<permille>{_PERMILLE_SIGN}))
    (?P<note>{_FOOTNOTE_MARK})?                # 24%1, 1,2%[2]: a footnote mark, not a value
    (?P<per_year>{_PER_YEAR})?                 # 0,3%/năm
    """,
    re.VERBOSE | re.IGNORECASE,
)

RATIO_RE = re.compile(
    rf"""
    {_NOT_AFTER_NUMBERISH}(?<!-)
    (?P<numerator>{_NUMERATOR})
    [ \u00a0]?/[ \u00a0]?
    (?P<denominator>{_DENOMINATOR})(?!\d)
    (?![ \u00a0]?/)                            # not a full date 27/5/2021 or a number 56/2017/NĐ-CP
    (?![^\W\d_])                               # not glued to letters (636/LĐTBXH-TE has none anyway)
    (?![.,]\d)                                 # not cut off inside a longer number
    """,
    re.VERBOSE,
)

# A rate whose counted noun stands between its value and its base, which is a power of ten:
# "111,2 số bé trai/100 bé gái", "10 bác sĩ/10.000 dân", "14,3 bác sỹ/1 vạn dân" (a base written as a
# word: vạn 10.000, nghìn 1.000, triệu 1.000.000). Not "2,1 con/phụ nữ" (no base) nor
# "2 buổi/ngày".
NAMED_RATE_RE = re.compile(
    rf"""
    {_NOT_AFTER_NUMBERISH}(?<!-)
    (?P<numerator>{_GROUPED}|{_DECIMAL})
    [ \u00a0]+(?P<noun>[^\W\d_]+(?:[ \u00a0][^\W\d_]+){{0,3}})     # số bé trai, bác sĩ
    [ \u00a0]?/[ \u00a0]?
    (?:(?P<denominator>1(?:0{{1,6}}|0{{0,2}}(?:\.000){{1,2}}))          # 100, 1.000, 100.000
      | (?:1[ \u00a0]+)?(?P<base_word>(?i:vạn|nghìn|ngàn|triệu))(?!\w))   # 1 vạn (10.000), nghìn, triệu
    (?=[ \u00a0]+[^\W\d_])                                           # ... bé gái, dân
    """,
    re.VERBOSE,
)
# A base written as a word: "14,3 bác sỹ/1 vạn dân" is per 10.000.
_BASE_WORDS = {"vạn": 10000.0, "nghìn": 1000.0, "ngàn": 1000.0, "triệu": 1000000.0}

_OCR_ZERO = re.compile(r"[Oo]")
_THOUSANDS = re.compile(r"\d{1,3}(?:[. ]\d{3})+")  # 7.500, 100 000

# A label number before a dash is not the low end of a range: "Chỉ tiêu 1 - 90%".
_LABEL_BEFORE_RE = re.compile(
    r"""
    (?<![\w])(?:mục[ \u00a0]+tiêu|chỉ[ \u00a0]+tiêu|nhiệm[ \u00a0]+vụ|tiêu[ \u00a0]+chí   # Chỉ tiêu 1 - 90%
      | điểm|khoản|mục|bước|điều)[ \u00a0]*$                                         # điểm 2 - 100%
    """,
    re.VERBOSE | re.IGNORECASE,
)

# ---------------------------------------------------------------- values


def parse_number(raw: str) -> tuple[float, bool]:
    """The value of a Vietnamese numeral, and whether an OCR confusion was repaired.

    ``"4,9"`` → 4.9, ``"7.500"`` → 7500, ``"05"`` → 5, ``"9O"`` → (90, True).
    A dot followed by exactly three digits groups thousands; with one or two it
    is read as a decimal point (``"4.9"``), as some converted documents write it.
    """
    text = raw.strip().replace("\u00a0", " ")
    repaired = "O" in text or "o" in text
    if repaired:
        text = _OCR_ZERO.sub("0", text)
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(".", "").replace(" ", "")), repaired
    text = text.replace(" ", "").replace(",", ".")
    return float(text), repaired


# ---------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Quantity:
    """One percentage, range or ratio found in a text, with offsets into that text."""

    start: int
    end: int
    text: str
    value: float
    unit: Literal["%", "ratio"]
    denominator: Optional[float] = None
    min: Optional[float] = None  # lower end of a range "5-10%"
    repaired: bool = False  # an OCR confusion (O for 0) was corrected
    per_year: bool = False  # a rate per year: "0,3%/năm"
    # the words after the value name what is counted and its base: "111,2 số bé trai/100 bé gái"
    named_unit: bool = False
    per_mille: bool = False  # written with a per-mille sign ("0,5‰", "0,5%0"), not as x/y

    @property
    def date_like(self) -> bool:
        """A ratio that could also be a day/month date ("20/11", "01/6")."""
        return (
            self.unit == "ratio"
            and self.denominator is not None
            and 1 <= self.value <= 31
            and 1 <= self.denominator <= 12
            and self.denominator == int(self.denominator)
        )


def _percent(text: str, m: re.Match[str], start: Optional[int] = None) -> Quantity:
    """The quantity of a ``PERCENT_RE`` match (from ``start``: the number alone when its range is not
    one); a minus sign written before a lone value is kept ("-0,2 điểm phần trăm")."""
    value, repaired = parse_number(m.group("number"))
    low: Optional[float] = None
    if start is None and m.group("low") is not None:
        low, low_repaired = parse_number(m.group("low"))
        repaired = repaired or low_repaired
    start = m.start() if start is None else start
    if low is None and _minus_before(text, start):
        start, value = start - 1, -value
    permille = m.group("permille") is not None
    return Quantity(start=start, end=m.end(), text=text[start:m.end()], value=value,
                    unit="ratio" if permille else "%", denominator=1000.0 if permille else None,
                    min=low, repaired=repaired, per_year=m.group("per_year") is not None, per_mille=permille)


# A minus glued to a value after a label or a word: "(-SRB): -0,2", "giảm -0,1". Not a list dash at
# the start of a line ("-90% trẻ em"), nor the dash of a range ("5 -7%").
_MINUS_CONTEXT_RE = re.compile(r"(?:[:(]|[^\W\d_])[ \u00a0]*$")


def _minus_before(text: str, start: int) -> bool:
    if start < 1 or text[start - 1] not in "-−":
        return False
    return bool(_MINUS_CONTEXT_RE.search(text, max(0, start - 12), start - 1))


def _split_bad_range(text: str, m: re.Match[str]) -> bool:
    """A "range" whose low end is not below the high end, or is a label's number, is no range."""
    if m.group("low") is None:
        return False
    low, _ = parse_number(m.group("low"))
    high, _ = parse_number(m.group("number"))
    return not low < high or bool(_LABEL_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()))


# Where a spelled-out percent sign stands.
_WORD_SIGN_RE = re.compile(r"phần[ \u00a0]+trăm", re.IGNORECASE)
# How far before its sign a percentage (with a range "từ 5 đến 10 %") may start, and how far after
# it the quantity may run ("%0", "[12]", " / năm").
_LOOKBACK = 48
_LOOKAHEAD = 12


def _sign_start(m: re.Match[str]) -> int:
    return m.start("sign") if m.group("sign") is not None else m.start("permille")


def _sign_end(m: re.Match[str]) -> int:
    return m.end("sign") if m.group("sign") is not None else m.end("permille")


def _signs(text: str) -> list[tuple[int, int]]:
    """Where percent (and per-mille) signs stand: the full grammar runs only just before each one."""
    signs = [(i, i + 1) for sign in "%％‰" for i in positions(text, sign)]
    if "trăm" in text or "TRĂM" in text:
        signs += [(m.start(), m.end()) for m in _WORD_SIGN_RE.finditer(text)]
    return sorted(signs)


# Where a percentage may begin: a run of digits (whose later digits its look-behind refuses), or
# the "từ" of "từ 5 đến 10%" (any other "t" is passed by the engine, not looked at one by one). Not
# IGNORECASE and opening with a class, so that the engine scans for these characters instead of
# trying the whole grammar at every position.
_PERCENT_START_RE = re.compile(r"[\dtT](?:(?<=\d)\d*|[ừỪ])")


def _percent_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``PERCENT_RE.finditer(text, start, end)``, the pattern tried only where a match may begin."""
    pos = start
    for first in _PERCENT_START_RE.finditer(text, start, end):
        at = first.start()
        if at < pos:
            continue
        m = PERCENT_RE.match(text, at, end)
        if m:
            yield m
            pos = m.end()


def find_percentages(text: str) -> list[Quantity]:
    """Every percentage and percentage range in ``text``, in order."""
    found: list[Quantity] = []
    last_start = 0
    for sign_start, sign_end in _signs(text):
        m = None
        # the match may run past its sign: "%0" (per mille), a footnote mark, "/năm"
        for candidate in _percent_matches(text, max(last_start, sign_start - _LOOKBACK), sign_end + _LOOKAHEAD):
            if _sign_start(candidate) > sign_start:
                break
            m = candidate
        if m is None or not _sign_start(m) <= sign_start < _sign_end(m):
            continue
        if found and m.start() < found[-1].end:
            found.pop()  # "5% - 10%": the range swallows the percentage before it
        last_start = m.start()
        if _split_bad_range(text, m):
            # "2023 - 90%" or "Chỉ tiêu 1 - 90%": keep only the percentage itself
            found.append(_percent(text, m, m.start("number")))
            continue
        found.append(_percent(text, m))
    return found


def _slash_shapes(text: str) -> tuple[list[int], bool]:
    """Where the slashes of ``text`` stand as a ratio's do (a digit on either side, one space between
    at most), and whether one stands as a named rate's (a letter before it; after it a 1 or the base
    words vạn, nghìn, ngàn, triệu): ``RATIO_RE`` and ``NAMED_RATE_RE`` can match nowhere else, and a
    plan's slashes are mostly its dates' and its document numbers' ("12/KH-UBND")."""
    ratios: list[int] = []
    named = False
    for i in positions(text, "/"):
        b = i - 2 if i >= 2 and text[i - 1] in " \u00a0" else i - 1
        a = i + 2 if text[i + 1:i + 2] in (" ", "\u00a0") else i + 1
        before, after = text[b] if b >= 0 else "", text[a:a + 1]
        if before.isdecimal() and after.isdecimal():
            ratios.append(i)
        named = named or (before.isalnum() and not before.isdecimal()
                          and (after == "1" or text[a:a + 2].lower() in ("vạ", "ng", "tr")))
    return ratios, named


def _ratio_matches(text: str, slashes: list[int]) -> Iterator[re.Match[str]]:
    """``RATIO_RE.finditer(text)``, given the slashes that stand as a ratio's: the pattern is tried only
    at the start of the digits and dots before each (its look-behind refuses any later place in them)."""
    last_end = 0
    for i in slashes:
        start = _digits_start(text, i - 2 if text[i - 1] in " \u00a0" else i - 1)
        if start < last_end:
            continue
        m = RATIO_RE.match(text, start)
        if m:
            yield m
            last_end = m.end()


def _digits_start(text: str, end: int) -> int:
    """Where the run of digits and dots ending at ``end`` (inclusive) begins."""
    while end >= 0 and (text[end].isdecimal() or text[end] == "."):
        end -= 1
    return end + 1


def find_ratios(text: str) -> list[Quantity]:
    """Every x/y ratio or rate in ``text`` (dates and document numbers excluded by shape)."""
    found: list[Quantity] = []
    slashes, named = _slash_shapes(text)
    for m in _ratio_matches(text, slashes):
        numerator, _ = parse_number(m.group("numerator"))
        denominator, _ = parse_number(m.group("denominator"))
        if denominator == 0:
            continue
        found.append(Quantity(start=m.start(), end=m.end(), text=m.group(0), value=numerator,
                              unit="ratio", denominator=denominator))
    for m in NAMED_RATE_RE.finditer(text) if named else ():
        numerator, _ = parse_number(m.group("numerator"))
        word = m.group("base_word")
        denominator = _BASE_WORDS[word.lower()] if word else parse_number(m.group("denominator"))[0]
        found.append(Quantity(start=m.start(), end=m.end("numerator"), text=m.group("numerator"),
                              value=numerator, unit="ratio", denominator=denominator, named_unit=True))
    return sorted(found, key=lambda q: q.start)


def may_hold_quantity(text: str) -> bool:
    """A cheap test before the grammar runs: a percent or per-mille sign, a slash or the word "trăm"."""
    return "%" in text or "/" in text or "％" in text or "‰" in text or "trăm" in text or "TRĂM" in text


def find_quantities(text: str) -> list[Quantity]:
    """Percentages, ranges and ratios in ``text``, in order, never overlapping."""
    if not may_hold_quantity(text):
        return []
    percentages = find_percentages(text)
    ratios = find_ratios(text) if "/" in text else []
    candidates = sorted(percentages + ratios, key=lambda q: (q.start, -q.end))
    result: list[Quantity] = []
    for q in candidates:
        if result and q.start < result[-1].end:
            continue  # overlaps an earlier, longer match
        result.append(q)
    return result
