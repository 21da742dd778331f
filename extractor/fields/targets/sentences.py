"""Targets in one sentence: its values with their comparators (anchors), which of them put the
value last ("Giảm tỷ lệ X dưới 1%", "Tỷ lệ X: 95%") or first ("90% X được ..."), their groups
and predicates.

The shapes, each with its group:

* value first: ``90% cán bộ được tập huấn`` → "cán bộ" (up to the predicate); ``30% đối với trẻ
  nhà trẻ`` → "trẻ nhà trẻ"; a relative change ``Giảm 5-10% tỷ lệ mắc ... so với năm 2016`` → all
  after the rate noun, up to the baseline; a named rate ``111,2 số bé trai/100 bé gái sinh ra
  sống`` → the words that name it, ``305 phòng học/10.000 dân số`` → its counted noun "phòng học".
* value last: ``Giảm tỷ lệ X xuống dưới 1%`` → X; ``X đạt 90%`` → X; a label and a colon
  ``Tỷ lệ X: 95%``, ``Giảm số X: 15% so năm 2022`` → X; values in a list share the group before
  them (``X đạt 85% vào năm 2025 và 92% vào năm 2030``) and a bracketed qualifier after a value
  names its part (``dưới 15% (khu vực thành thị), 8% (khu vực nông thôn)``); a value closes its
  clause before a comma and the next clause's own verb (``X xuống dưới 120/100.000 người dân, giảm
  số Y …``) and takes the whole it is a share of (``khống chế X dưới 5% trong tổng số Y``).

A comparator written before the first value of a list holds for the values after it that have
none of their own ("thấp nhất là 30% đối với X, 97,5% đối với Y": both ``>=``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ... import grammar as vocabulary
from ...grammar import caseless_search
from ...records import Comparator
from ..numbers import Quantity
from .grammar import (
    BASELINE_BRIDGE_RE,
    BASELINE_TAIL_RE,
    CHANGE_VERB,
    CLAUSE_VERB_RE,
    COUNTED_RATE_RE,
    DEADLINE_YEAR,
    EXISTENTIAL_BEFORE,
    GROUP_LEAD_RE,
    ITEM_NUMBER_RE,
    LEADING_VERB_RE,
    LIST_JOIN_END,
    LIST_JOIN_START_RE,
    MAINTAIN_TAIL_RE,
    MONEY_GROUP_RE,
    NEW_CLAUSE_RE,
    NEXT_CLAUSE_RE,
    OF_TOTAL_AFTER_RE,
    PAST_PREDICATE_RE,
    PER_YEAR_AFTER_RE,
    PER_YEAR_BEFORE,
    PRICE_BASE_TAIL,
    QUALIFIER_AFTER_RE,
    RATE_AFTER_RE,
    RATE_BASE_RE,
    RATE_NOUN_RE,
    SHARE_BASE_RE,
    STRONG_CUE_RE,
    SUBLIST_BEFORE,
    TRAILING_YEAR,
    TRIM,
    VALUE_VERB_BEFORE,
    VALUE_VERB_TAIL,
    WEAK_CUE_RE,
    YEAR_AFTER_RE,
    tail,
)
from .matches import TargetContext, TargetMatch
from .phrases import (
    comparator_of,
    direction_of,
    is_statistic,
    may_be_target,
    trim,
    trim_group,
    year_cue,
)
from .predicates import pos_predicate_start, predicate_end


@dataclass(slots=True)
class _Anchor:
    """A value in a sentence with its comparator phrases and its place."""

    q: Quantity
    start: int  # comparator (or baseline) start
    end: int  # after suffix and year phrase
    comparator: Comparator
    explicit: bool = False  # the comparator is written ("thấp nhất là", "dưới"), not "=" by default
    statistic: bool = False  # the situation or a past result, not a commitment ("Hiện nay ... là 5,2%")
    year: Optional[int] = None  # written right after the value: "85% vào năm 2025"
    per_year: bool = False  # "hàng năm" written right after the value: "tăng 5% hàng năm"
    cue_year: Optional[int] = None  # named since the value before: "..., phấn đấu đến năm 2025 giảm xuống 3%"
    baseline: Optional[float] = None
    baseline_year: Optional[int] = None
    clause_start: int = 0
    words_start: int = 0  # value-last: where the words that belong to it may begin
    value_last: bool = False
    shares: bool = False  # value-first list "10% số X năm 2025 và 20% vào năm 2030": X's group
    own_clause: bool = False  # value-first, its group ends before the next value's own verb
    group: tuple[int, int] = (0, 0)
    qualifier: Optional[tuple[int, int]] = None  # "(khu vực thành thị)" after the value
    share_base: Optional[tuple[int, int]] = None  # "trong ngành nông nghiệp" after a share's value
    predicate: Optional[tuple[int, int]] = None  # own predicate, value-first
    indicator: Optional[tuple[int, int]] = None  # value-last: the verb phrase before the group
    strong_cue: Optional[int] = None
    region: tuple[int, int] = (0, 0)

    @property
    def lead(self) -> int:
        """Where a value-last target's words begin (its indicator or its group)."""
        return min(self.group[0], self.indicator[0]) if self.indicator else self.group[0]


def _anchors(text: str, s_start: int, s_end: int, quantities: list[Quantity], goal: bool = False) -> list[_Anchor]:
    """Values of one sentence with comparators; baselines merged into their targets,
    restating ratios ("100% (11/11) huyện") folded into the value before them."""
    anchors: list[_Anchor] = []
    floor = s_start
    clause_start, scanned = s_start, s_start  # the clause boundary found so far, and how far it was sought
    for k, q in enumerate(quantities):
        if anchors and _restates(text, anchors[-1], q):
            anchors[-1].end = floor = text.index(")", q.end) + 1
            continue
        # where q's clause begins, not before the value before it: each stretch of text is searched once
        found = vocabulary.clause_start(text, scanned, q.start)
        clause_start = max(found if found > scanned else clause_start, floor)
        scanned = max(scanned, q.start)
        if not may_be_target(text, q, clause_start, goal):
            continue
        comparator, start, end = comparator_of(text, q, max(clause_start, floor))
        end = _rate_base_end(text, q, end, quantities[k + 1].start if k + 1 < len(quantities) else s_end)
        explicit = comparator != "=" and q.min is None
        anchor = _Anchor(q=q, start=start, end=end, comparator=comparator, explicit=explicit,
                         clause_start=clause_start)
        year = YEAR_AFTER_RE.match(text, end)
        if year and year.end() <= s_end:
            anchor.year, anchor.end = int(year.group("year")), year.end()
        _closing_tail(text, anchor, s_end)
        if anchors and _merge_baseline(text, anchors[-1], anchor):
            anchors[-1] = anchor
        else:
            anchor.statistic = is_statistic(text, max(s_start, floor), anchor.start,
                                            after_statistic=bool(anchors) and anchors[-1].statistic)
            anchor.cue_year = year_cue(text[max(s_start, floor):anchor.start])
            anchors.append(anchor)
        floor = anchor.end
    _share_comparators(text, anchors)
    return anchors


def _closing_tail(text: str, a: _Anchor, s_end: int) -> None:
    """Words right after a value that close its clause and name no group: a rate per year ("tăng
    5% hàng năm", which keeps no due year) and the total a share is of ("15% trở lên/tổng số chi bộ")."""
    per_year = PER_YEAR_AFTER_RE.match(text, a.end, s_end)
    if per_year:
        a.per_year, a.end = True, per_year.end()
    total = OF_TOTAL_AFTER_RE.match(text, a.end, s_end)
    if total:
        a.end = total.end()


def _rate_base_end(text: str, q: Quantity, end: int, limit: int) -> int:
    """A rate's base after its denominator is part of the value ("xuống còn 500/100.000 trẻ em vào
    năm 2030") when only a year, a conjunction or the clause's end follows it."""
    if q.unit != "ratio" or q.named_unit or (q.denominator or 0) < 1000 or q.end != end:
        return end
    base = RATE_BASE_RE.match(text, end, limit)
    if not base:
        return end
    rest = text[base.end():vocabulary.clause_end(text, base.end(), limit)]
    if not rest.strip(TRIM + "()") or YEAR_AFTER_RE.match(rest) or BASELINE_TAIL_RE.match(rest) \
            or NEW_CLAUSE_RE.match(rest) or rest.lstrip(" \u00a0,").lower().startswith(("và ", "hoặc ")):
        return base.end()
    return end


def _merge_baseline(text: str, prev: _Anchor, cur: _Anchor) -> bool:
    """"144/200 năm 2022 lên 150/200": ``prev`` becomes the baseline of ``cur``."""
    if prev.q.unit != cur.q.unit:
        return False
    bridge = BASELINE_BRIDGE_RE.match(text[prev.q.end:cur.start])
    if not bridge:
        return False
    cur.baseline = prev.q.value
    cur.baseline_year = int(bridge.group("year")) if bridge.group("year") else prev.year
    cur.start = prev.start
    cur.clause_start = prev.clause_start
    return True


def _restates(text: str, prev: _Anchor, q: Quantity) -> bool:
    """A value in brackets right after another restates it: "100% (11/11)", "11/11 (100%)"."""
    return (not text[prev.end:q.start].strip(" \u00a0(") and "(" in text[prev.end:q.start]
            and text[q.end:q.end + 3].lstrip().startswith(")"))


def _share_comparators(text: str, anchors: list[_Anchor]) -> None:
    """A written comparator holds for the values after it in the same list that have none of their
    own: "thấp nhất là 30% đối với X, 97,5% đối với Y", "dưới 15% (thành thị), 8% (nông thôn)"."""
    for prev, a in zip(anchors, anchors[1:]):
        between = text[prev.end:a.start]
        if (prev.explicit and not a.explicit and a.comparator == "=" and a.q.min is None
                and a.q.unit == prev.q.unit and ";" not in between and caseless_search(STRONG_CUE_RE, between) is None
                and ("," in between or " và " in f" {between} ")):
            a.comparator, a.explicit = prev.comparator, True


def _shape(text: str, anchors: list[_Anchor], s_start: int, s_end: int) -> None:
    """Mark value-last targets and their groups and indicators.

    Value last when a rate noun and some words stand before the value ("Giảm tỷ lệ X
    dưới 1%"), or when nothing (or only its baseline, "so với năm 2022") follows the value in its
    clause ("X đạt 90%", "Tỷ lệ X: 95%"). A list "X 70%, Y 30%" ends in such a value; the values
    before it are value-last too.
    """
    prev_end = s_start
    for i, a in enumerate(anchors):
        prev = anchors[i - 1] if i else None
        lo = max(a.clause_start, prev_end)
        next_start = anchors[i + 1].start if i + 1 < len(anchors) else s_end
        qualifier = QUALIFIER_AFTER_RE.match(text, a.end) if not a.q.named_unit else None
        after_start = qualifier.end() if qualifier else a.end
        if qualifier and a.year is None and (year := YEAR_AFTER_RE.match(text, after_start)) \
                and year.end() <= next_start:
            # "5% (khu vực ngoại thành) vào năm 2025"
            a.year, after_start = int(year.group("year")), year.end()
        share = _closing_share(text, a, lo, after_start, next_start) if qualifier is None else None
        if share:  # "dưới 5% trong tổng số Y (vào năm 2025)"
            year = YEAR_AFTER_RE.match(text, share.end(), next_start)
            after_start = year.end() if year else share.end()
        after = text[after_start:vocabulary.clause_end(text, after_start, next_start)]
        closes_clause = not a.q.named_unit and (
            not after.strip(TRIM + "()") or bool(BASELINE_TAIL_RE.match(after) or MAINTAIN_TAIL_RE.match(after))
            or (i + 1 < len(anchors) and NEXT_CLAUSE_RE.fullmatch(after) is not None)
            or NEW_CLAUSE_RE.match(after) is not None
            or (LIST_JOIN_START_RE.match(after) is not None and bool(tail(VALUE_VERB_BEFORE, text, lo, a.q.start))))
        in_list = prev is not None and prev.value_last and text[prev.end:a.start].strip(TRIM).lower() in ("", "và", "hoặc")
        if prev is not None and in_list and closes_clause:
            # "X đạt 85% vào năm 2025 và 92% vào năm 2030": the list shares the group before it
            a.value_last, a.group, a.indicator = True, prev.group, prev.indicator
            _qualify(a, qualifier)
            _share_year(anchors, i)
            prev_end = a.end
            continue
        conjunction = tail(LIST_JOIN_END, text, lo, a.start)
        if prev is not None and not prev.value_last and closes_clause and conjunction and a.clause_start <= prev.end:
            # "Giảm 10% số X năm 2025 và 20% vào năm 2030": the value shares the group before it
            a.shares, a.words_start = True, conjunction.start()
            prev_end = a.end
            continue
        if prev is not None and not prev.value_last and a.clause_start <= prev.end:
            # "97,5% đối với X, riêng Y đạt 99,8%": the value before runs its group up to the comma
            comma = text.rfind(",", lo, a.start)
            lo = comma + 1 if comma >= 0 else lo
        a.words_start = lo
        rate = None
        for m in RATE_NOUN_RE.finditer(text, lo, a.start):
            rate = m
        if rate and text[rate.end():a.start].strip(TRIM):
            a.value_last = True
            a.indicator = trim(text, _last_comma(text, lo, rate.start()), rate.end())
            a.group = _value_last_group(text, rate.end(), a.start, after_rate=True)
            _share_base(text, a, next_start)
        elif closes_clause and text[lo:a.start].strip(TRIM):
            a.value_last = True
            a.group = _value_last_group(text, lo, a.start)
            if share:
                _share_base(text, a, next_start)
            if a.group[0] >= a.group[1] and _after_label(text, a, lo, s_start):
                # "Thu ngân sách xã: tăng 10%/năm trở lên": only verbs after the label, which names the group
                _label_group(text, a, max(s_start, prev_end), lo - 1)
            elif a.group[0] >= a.group[1] and prev is not None and prev.value_last:
                # "X là 5,2%, phấn đấu đến năm 2025 giảm xuống còn 3%": the group is X's
                a.group, a.indicator = prev.group, prev.indicator
        elif closes_clause and _after_label(text, a, lo, s_start):
            _label_group(text, a, max(s_start, prev_end), lo - 1)
        if a.value_last:
            _qualify(a, qualifier)
            _year_from_group_end(text, a)
            _baseline_end(text, a, next_start)
        prev_end = a.end
    # "Trẻ em 80%, cha mẹ 70%": every value before a value-last one, separated by commas
    # and without a predicate, pairs with the words before it.
    for i in range(len(anchors) - 2, -1, -1):
        a, following = anchors[i], anchors[i + 1]
        between = text[a.end:following.start]
        lo = max(a.clause_start, anchors[i - 1].end if i else s_start)
        if (following.value_last and following.indicator is None and not a.value_last
                and between.lstrip(" \u00a0")[:1] in (",", ";") and caseless_search(STRONG_CUE_RE, between) is None
                and text[lo:a.start].strip(TRIM) and following.group[0] > a.end):
            a.value_last = True
            a.group = _value_last_group(text, lo, a.start)
            following.group = _value_last_group(text, a.end, following.start)


def _baseline_end(text: str, a: _Anchor, limit: int) -> None:
    """A value-last target's baseline after its value is its own ("X tăng 4% so với cùng kỳ năm
    trước, Y tăng 15% ..."): it runs to the next comma, and the next group begins after it."""
    baseline = BASELINE_TAIL_RE.match(text, a.end, limit)
    if not baseline:
        return
    end = vocabulary.clause_end(text, baseline.end(), limit)
    comma = text.find(",", baseline.end(), end)
    a.end = comma if comma >= 0 else end


def _closing_share(text: str, a: _Anchor, lo: int, start: int, limit: int) -> Optional[re.Match[str]]:
    """The whole a value is a share of, closing its clause after a written comparator or verb and a
    group: "khống chế X dưới 5% trong tổng số Y", "X đạt 30% trong tổng số Y" (not "90% trong tổng
    số Y được ...", a value-first group)."""
    if a.q.named_unit or not (a.explicit or tail(VALUE_VERB_BEFORE, text, lo, a.q.start)):
        return None
    base = SHARE_BASE_RE.match(text, start, limit)
    g_start, g_end = _value_last_group(text, lo, a.start)
    return base if base is not None and g_start < g_end else None


def _share_base(text: str, a: _Anchor, limit: int) -> None:
    """"tỷ trọng chăn nuôi đạt 31,5% trong ngành nông nghiệp năm 2017": the whole the rate is a share
    of joins its group, and the year after it dates the value."""
    if a.qualifier is not None:
        return
    base = SHARE_BASE_RE.match(text, a.end, limit)
    if not base:
        return
    a.share_base, a.end = base.span("base"), base.end()
    year = YEAR_AFTER_RE.match(text, a.end, limit)
    if year and a.year is None:
        a.year, a.end = int(year.group("year")), year.end()


def _share_year(anchors: list[_Anchor], i: int) -> None:
    """A year written after the last value of a list of parts dates the parts before it that have
    none: "dưới 10% (khu vực nội thành), 5% (khu vực ngoại thành) vào năm 2025" → both 2025."""
    a = anchors[i]
    if a.year is None or a.qualifier is None:
        return
    for prev in reversed(anchors[:i]):
        if prev.year is not None or prev.qualifier is None or not prev.value_last or prev.group != a.group:
            break
        prev.year = a.year


def _year_from_group_end(text: str, a: _Anchor) -> None:
    """"Giảm tỷ suất X năm 2025 xuống còn ...", "90% X được tiêm năm 2025 và ...": a year that ends
    the group (or a value-first predicate) leaves it and dates the value."""
    m = tail(TRAILING_YEAR, text, *a.group)
    if m and m.start() > a.group[0]:
        a.group = trim(text, a.group[0], m.start())
        a.year = a.year or int(m.group("year"))
    m = tail(TRAILING_YEAR, text, *a.predicate) if a.predicate and not a.value_last else None
    if m and a.predicate and m.start() > a.predicate[0]:
        a.predicate = trim(text, a.predicate[0], m.start())
        a.year = a.year or int(m.group("year"))


def _qualify(a: _Anchor, qualifier) -> None:
    if qualifier is not None:
        a.qualifier, a.end = qualifier.span("q"), qualifier.end()


def _after_label(text: str, a: _Anchor, lo: int, s_start: int) -> bool:
    """The value's words begin its clause right after a label's colon: "Tỷ lệ X: 95%", "X: tăng 10%"."""
    return lo == a.clause_start and lo > s_start and text[lo - 1] == ":"


def _label_group(text: str, a: _Anchor, floor: int, colon: int) -> None:
    """"Tỷ lệ gia đình đạt chuẩn văn hóa: 95,2%", "Giảm số X: 15% so năm 2022": the label before
    the colon names the group, less its verb and its rate noun (the indicator)."""
    start, end = trim(text, vocabulary.clause_start(text, floor, colon), colon)
    number = ITEM_NUMBER_RE.match(text, start, end)
    start = number.end() if number else start
    if start >= end:
        return
    verb = LEADING_VERB_RE.match(text, start, end)
    g_start = verb.end() if verb else start
    rate = RATE_NOUN_RE.match(text, g_start, end)
    if rate and text[rate.end():end].strip(TRIM):
        g_start = rate.end()
    a.value_last = True
    a.group = _value_last_group(text, g_start, end, after_rate=g_start > start)
    a.indicator = trim(text, start, g_start) if g_start > start else None


def _last_comma(text: str, lo: int, hi: int) -> int:
    """Start of the verb phrase before a rate noun: after the last comma, if any."""
    comma = text.rfind(",", lo, hi)
    return comma + 1 if comma >= 0 else lo


def _predicates(text: str, anchors: list[_Anchor], s_end: int, cut: bool = False) -> None:
    """Groups and predicates of value-first targets.

    A group runs from its value to the first strong cue (its own predicate), else to
    the next value, whose predicate it shares; the last group of a chain without a
    strong cue ends at a weak cue or at the first verb the POS tagger finds (not after an existential
    "có": "có từ 33% người dân tập luyện thể dục thể thao" counts those who do), unless the clause runs
    into the end of a ``cut`` text right after a comma: cut inside a list, whose predicate would
    follow it, the group is all up to the cut ("60% số cơ quan, tổ chức, cơ sở trợ giúp xã hội,
    ..., xã,", where the tagger reads "trợ giúp" as a verb). A relative change ("Giảm 15%
    số X") and a named rate ("111,2 số bé trai/100 bé gái") keep all their clause.
    """
    for i, a in enumerate(anchors):
        if a.value_last or a.shares:
            continue
        if i + 1 < len(anchors):
            nxt = anchors[i + 1]
            if nxt.value_last:
                r_end = next((b for b in (nxt.words_start, nxt.lead) if b > a.end), nxt.start)
            elif nxt.shares:
                r_end = nxt.words_start
            else:
                r_end = _before_clause_verb(text, a.end, nxt.start)
                a.own_clause = r_end < nxt.start
        else:
            r_end = s_end
        a.region = (a.end, r_end)
        a.strong_cue = caseless_search(STRONG_CUE_RE, text, a.end, r_end)
    shared: Optional[tuple[int, int]] = None
    for a in reversed(anchors):
        if a.value_last or a.shares:
            shared = None
            continue
        r_start, r_end = a.region
        whole = _whole_clause_group(text, a, r_start, r_end)
        if whole is not None:
            a.group, shared = whole, None
            continue
        if a.strong_cue is not None:
            a.predicate = (a.strong_cue, predicate_end(text, a.strong_cue, r_end))
            a.group = trim_group(text, r_start, a.strong_cue)
            shared = a.predicate
            continue
        if shared is not None and not a.own_clause:
            a.group = trim_group(text, r_start, r_end)
            a.predicate = shared
            continue
        clause_end = vocabulary.clause_end(text, r_start, r_end)
        weak = WEAK_CUE_RE.search(text, r_start, clause_end)
        if tail(EXISTENTIAL_BEFORE, text, a.clause_start, a.start):
            cue: Optional[int] = None  # "có từ 33% người dân tập luyện ...": who they are is all the clause
        elif weak:
            cue = weak.start()
        elif cut and not text[clause_end:].strip() and text.rstrip().endswith(","):
            cue = None  # cut inside a list: the predicate after it is past the cut
        else:
            cue = pos_predicate_start(text, r_start, clause_end)
        if cue is not None and text[r_start:cue].strip(TRIM):
            a.predicate = (cue, predicate_end(text, cue, r_end))
            a.group = trim_group(text, r_start, cue)
            shared = a.predicate
        else:
            a.group = trim_group(text, r_start, clause_end)
            shared = None
    for i, a in enumerate(anchors):
        if a.shares and i:
            a.group, a.predicate = anchors[i - 1].group, anchors[i - 1].predicate
        elif not a.value_last:
            _year_from_group_end(text, a)


def _before_clause_verb(text: str, start: int, end: int) -> int:
    """A group running up to the next value stops where that value's own clause begins: at the
    comma before its verb ("100% X đến lớp, huy động ít nhất 98% Y") or at "trong đó" ("100% X
    tổ chức giám sát ... trong đó 70% X báo cáo đúng hạn")."""
    sub = tail(SUBLIST_BEFORE, text, start, end)
    if sub:
        return sub.start()
    comma = text.rfind(",", start, end)
    if comma >= 0 and CLAUSE_VERB_RE.fullmatch(text, comma + 1, end):
        return comma
    return end


def _whole_clause_group(text: str, a: _Anchor, r_start: int, r_end: int) -> Optional[tuple[int, int]]:
    """The group of a relative change or a named rate: the rest of the clause, up to its baseline. A
    named rate of a thing per people ("305 phòng học/10.000 dân số ...", "12 bác sĩ/10.000 dân") is
    its counted noun; its base is the denominator. One counted with "số" names both its populations
    ("111,2 số bé trai/100 bé gái sinh ra sống") and keeps them."""
    start = r_start
    if a.q.named_unit and not COUNTED_RATE_RE.match(text, r_start):
        slash = text.find("/", r_start, r_end)
        if slash > r_start:
            return trim_group(text, r_start, slash)
    if not a.q.named_unit:
        rate = RATE_AFTER_RE.match(text, r_start, r_end)
        if not (rate and tail(CHANGE_VERB, text, a.clause_start, a.start)):
            return None
        start = rate.end() if rate.group("rate") else rate.start()
    end = vocabulary.clause_end(text, start, r_end)
    baseline = BASELINE_TAIL_RE.search(text, start, end)
    return trim_group(text, start, baseline.start() if baseline else end)


def sentence_targets(text: str, s_start: int, s_end: int, quantities: list[Quantity],
                      ctx: TargetContext) -> list[TargetMatch]:
    anchors = _anchors(text, s_start, s_end, quantities, ctx.goal)
    if not anchors:
        return []
    _shape(text, anchors, s_start, s_end)
    _predicates(text, anchors, s_end, ctx.cut)
    sentence_year = year_cue(text[s_start:anchors[0].start])
    if sentence_year is None and len(anchors) == 1:  # "100% các xã ... trước ngày 30/4/2022"
        deadline = DEADLINE_YEAR.search(text, anchors[0].end, s_end)
        sentence_year = int(deadline.group("year")) if deadline else None
    return [_match(text, a, ctx, sentence_year) for a in anchors
            if a.group[1] > a.group[0] and not MONEY_GROUP_RE.match(text, a.group[0])
            and not a.statistic and not (a.predicate and PAST_PREDICATE_RE.match(text, a.predicate[0]))]


def _value_last_group(text: str, start: int, end: int, after_rate: bool = False) -> tuple[int, int]:
    """The words before a value, less the item's number ("(3)", "3/"), the verbs that lead to it
    ("đạt", "tăng bình quân"), a price base ("(theo giá so sánh 2020)") and the words that open an
    item rather than name a group ("phấn đấu đến năm 2025 giảm", "riêng"). Right
    after a rate noun a verb names the rate: "Tỷ lệ tăng dân số tự nhiên" keeps "tăng"."""
    g_start, g_end = trim(text, start, end)
    number = ITEM_NUMBER_RE.match(text, g_start, g_end)
    g_start = number.end() if number else g_start
    verbs = tail(VALUE_VERB_TAIL, text, g_start, g_end)
    if verbs:
        g_end = verbs.start()
    price = tail(PRICE_BASE_TAIL, text, g_start, g_end)
    if price and price.start() > g_start:
        g_end = price.start()
    for lead_re in (GROUP_LEAD_RE,) if after_rate else (LEADING_VERB_RE, GROUP_LEAD_RE):
        lead = lead_re.match(text, g_start, g_end)
        if lead and lead.end() < g_end:
            g_start = lead.end()
        elif lead and lead.end() == g_end and lead_re is LEADING_VERB_RE:
            return g_end, g_end  # only such words: no group of its own
    return trim(text, g_start, g_end)


def _per_year(text: str, a: _Anchor) -> bool:
    """A rate per year ("0,3%/năm", "bình quân hàng năm tăng 7%", "tăng 5% hàng năm", "Tỷ lệ X hàng
    năm: 90%") has no due year of its own: "hàng năm" may stand in its clause, its label or after it."""
    start = min(a.clause_start, a.lead) if a.value_last else a.clause_start
    return a.q.per_year or a.per_year or bool(PER_YEAR_BEFORE.search(text, start, a.q.start))


def _match(text: str, a: _Anchor, ctx: TargetContext, sentence_year: Optional[int]) -> TargetMatch:
    g_start, g_end = a.group
    ind = a.indicator if a.value_last else a.predicate
    if a.value_last:
        start = a.lead
        end = a.end
        # the verbs around the group say the direction: "Giảm tỷ lệ X", "X giảm xuống dưới 20%"
        before = (text[ind[0]:ind[1]] if ind else "") + " " + text[g_end:a.start]
        predicate = ""
    else:
        start = a.start
        end = max(g_end, ind[1]) if ind else g_end
        before = text[a.clause_start:a.start]
        predicate = text[ind[0]:ind[1]] if ind else ""
    indicator = text[ind[0]:ind[1]].strip(TRIM) if ind else None
    group = text[g_start:g_end]
    if a.qualifier:
        group = f"{group} ({text[a.qualifier[0]:a.qualifier[1]].strip()})"
    elif a.share_base:
        group = f"{group} {text[a.share_base[0]:a.share_base[1]].strip()}"
    year = a.year or (None if _per_year(text, a) else a.cue_year or sentence_year or ctx.year)
    return TargetMatch(
        value=a.q.value, comparator=a.comparator, unit=a.q.unit, group=group,
        start=start, end=end, group_start=g_start, group_end=g_end, indicator=indicator or None,
        denominator=a.q.denominator, baseline=a.baseline, baseline_year=a.baseline_year, min=a.q.min,
        year=year,
        direction=direction_of(before, predicate, a.comparator, is_range=a.q.min is not None),
        flags=_flags(a.q), value_start=a.q.start,
    )


def _flags(q: Quantity) -> list[str]:
    """What a reader of the value should know: an OCR repair; a change written with its sign
    ("-0,2 điểm phần trăm", below zero by nature); a named rate ("111,2 số bé trai/100 bé gái",
    which may exceed its base)."""
    return [flag for flag, on in (("ocr_repaired", q.repaired), ("signed_change", q.value < 0),
                                  ("named_rate", q.named_unit)) if on]
