"""The words around one value: trimming a phrase, the comparator a value takes, whether a
quantity may be a target at all, its direction, its due year and the plan's own label."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Optional

from ...grammar import lowered
from ...records import Comparator
from ..numbers import Quantity
from .grammar import (
    COMMITMENT,
    COMMITMENT_CUE,
    COMPARATOR_AFTER_RE,
    COMPARATOR_BEFORE,
    COPULA_BEFORE,
    DECREASE,
    GROUP_LEAD_RE,
    HEADING_YEAR_RE,
    KEEP,
    KEEP_RE,
    LABEL_RE,
    LEAD_YEAR_RE,
    PAST_BEFORE_RE,
    RATIO_CUE_BEFORE,
    RATIO_NOT_AFTER_RE,
    RATIO_NOT_BEFORE_RE,
    SITUATION,
    STATISTIC_YEAR,
    TRAILING_CONJ,
    TRIM,
    YEAR_CUE_RE,
    tail,
)
from .matches import Direction


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces and punctuation at both ends."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    # an unmatched bracket at either end
    if end > start and text[end - 1] in "([" :
        end -= 1
    if end > start and text[start] in ")]":
        start += 1
    return start, end


def trim_group(text: str, start: int, end: int) -> tuple[int, int]:
    """A value-first group trimmed: no dangling conjunction at its end, no "đối với" at its start."""
    start, end = trim(text, start, end)
    m = tail(TRAILING_CONJ, text, start, end)
    if m and m.end() == end:
        end = m.start()
    lead = GROUP_LEAD_RE.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    return trim(text, start, end)


_COMPARATORS: dict[str, Comparator] = {"le": "<=", "ge": ">=", "gt": ">", "lt": "<", "eq": "=", "from": ">="}


def comparator_of(text: str, q: Quantity, floor: int) -> tuple[Comparator, int, int]:
    """The comparator of ``q`` from the words around it, and the extent they give it.

    A range is ``<=`` its upper end, whatever follows it; "từ X" alone is a lower bound (a
    baseline when "lên Y" follows, which ``_merge_baseline`` sees); a suffix "trở lên" wins.
    """
    start, end = q.start, q.end
    comparator: Comparator = "<=" if q.min is not None else "="
    before = tail(COMPARATOR_BEFORE, text, max(floor, q.start - 40), q.start)
    if before and q.min is None:
        start = before.start()
        comparator = _COMPARATORS[before.lastgroup or "eq"]
    after = COMPARATOR_AFTER_RE.match(text, q.end)
    if after:
        end = after.end()
        if q.min is None and (after.group("ge") or after.group("le")):
            # a range keeps its form: "từ 0,2 đến 0,3%/năm trở lên" is <= 0.3, min 0.2
            comparator = ">=" if after.group("ge") else "<="
    return comparator, start, end


def may_be_target(text: str, q: Quantity, clause_start: int, goal: bool = False) -> bool:
    """Whether a quantity may be a target at all (not a date, age, phone or past result). A share
    ("chiếm 50%") is one under a goal heading or after a commitment verb in its sentence."""
    before = text[max(clause_start, q.start - 30):q.start]
    if PAST_BEFORE_RE.search(before) and not (
            "chiếm" in before.lower() and (goal or COMMITMENT.search(text, clause_start, q.start))):
        return False
    if q.unit == "%" or q.per_mille:  # a sign, not x/y: never a date, a number or a phone
        return True
    if q.named_unit:  # "111,2 số bé trai/100 bé gái": a rate by shape, over its base or not
        return True
    if q.denominator is not None and q.value > q.denominator:
        return False
    if RATIO_NOT_AFTER_RE.search(before) or RATIO_NOT_BEFORE_RE.match(text, q.end):
        return False
    if q.date_like:
        # "20/11" is a date unless the words before make it a ratio ("tỷ lệ ...", "đạt 10/12")
        return bool(RATIO_CUE_BEFORE.search(text[clause_start:q.start]))
    return True


def is_statistic(text: str, start: int, end: int, after_statistic: bool = False) -> bool:
    """Whether the words before a value (``text[start:end]``, since the value before it) make it a
    statistic of the situation or a past result: "Hiện nay, tỷ lệ hộ nghèo là 5,2%", "Năm 2020,
    tỷ lệ hộ nghèo là 6,1%". A commitment cue among them ("phấn đấu", "đến năm 2025") makes it a
    target; a value right after a statistic, with no such cue, is one too ("... là 12,3%, giảm
    1,2% so với năm 2021")."""
    low = lowered(text[start:end])  # up to three patterns read the words: they are lower-cased once
    if COMMITMENT_CUE.search_lowered(text, low, start, end) or LEAD_YEAR_RE.match(text, start, end):
        return False
    if after_statistic or SITUATION.search_lowered(text, low, start, end):
        return True
    return bool(tail(COPULA_BEFORE, text, start, end) and STATISTIC_YEAR.search_lowered(text, low, start, end))


def year_cue(text: str) -> Optional[int]:
    """The last due year named in ``text`` ("đến năm 2025", "giai đoạn 2021-2025")."""
    if "20" not in text and "19" not in text:  # every cue names a YEAR (19xx, 20xx): most texts, none
        return None
    year = None
    for m in YEAR_CUE_RE.finditer(text):
        year = int(m.group("year") or m.group("end") or m.group("lead"))
    return year


# How many enclosing headings may give a target its year: the sub-heading right above its list
# and the one above that ("1. Mục tiêu đến năm 2025" > "a) Mục tiêu 1: ..." > "- 90% ..."), not a
# section title further up ("I. Mục tiêu và định hướng đến năm 2030" > "1." > "a)" > "-").
HEADING_YEAR_REACH = 2


@lru_cache(maxsize=256)
def heading_year(context: tuple[str, ...]) -> Optional[int]:
    """The due year given by the innermost enclosing heading that names one, within
    ``HEADING_YEAR_REACH``: "Mục tiêu đến năm 2025", "Giai đoạn 2018-2020", "Chỉ tiêu kế hoạch năm
    2023"."""
    for heading in list(reversed(context))[:HEADING_YEAR_REACH]:
        year = year_cue(heading)
        if year:
            return year
        m = HEADING_YEAR_RE.search(heading)
        if m:
            return int(m.group("year"))
    return None


def plan_label(context: Iterable[str], text: str = "") -> Optional[str]:
    """The plan's own numbering of a target: 'Mục tiêu 2 / Chỉ tiêu 1'."""
    return label_of(label_parts(context), text)


def label_of(parts: list[str], text: str) -> Optional[str]:
    """``plan_label`` of a paragraph ``text`` under headings whose ``label_parts`` are ``parts``."""
    return " / ".join(parts + label_parts((text,))) or None


def label_parts(headings: Iterable[str]) -> list[str]:
    """The numbering each of ``headings`` writes ("Mục tiêu 2"), in order."""
    parts = []
    for heading in headings:
        m = LABEL_RE.match(heading)
        if m:
            kind = re.sub(r"\s+", " ", m.group("kind"))
            parts.append(f"{kind[0].upper()}{kind[1:].lower()} {m.group('n')}")
    return parts


def direction_of(before: str, predicate: str, comparator: str, is_range: bool = False) -> Direction:
    """keep for "duy trì", decrease for "giảm"/"xuống" or a bare upper bound, else increase."""
    low = lowered(before)  # two patterns read the words: they are lower-cased once
    if KEEP.search_lowered(before, low, 0, len(before)):
        return "keep"
    if DECREASE.search_lowered(before, low, 0, len(before)):
        return "decrease"
    if KEEP_RE.match(predicate.lstrip()):
        return "keep"
    if comparator in ("<", "<=") and not is_range:
        return "decrease"
    return "increase"
