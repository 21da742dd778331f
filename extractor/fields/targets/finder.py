"""Targets over a whole document: which paragraphs may hold commitments, the year their headings
or lead-ins give them, and the ``Target`` records with their evidence.

The year of a heading reaches the paragraphs below it by the outline's context, and by a trail of
the headings as the text numbers them (``_Trail``): "2. Chỉ tiêu kế hoạch năm 2023" holds "2.1. Chỉ
tiêu cơ bản" although both are numbered items, and a document whose Roman sections were not found
(a Công văn, a page without its header) still has its "1. Mục tiêu" and "CÁC CHỈ TIÊU NĂM 2022:".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from ...document import Doc, Paragraph
from ...grammar import ENDED, SPACES, WORD_END, WORD_START, lowered, sentences, upper_share
from ...kinds import classify_by_rules
from ...normalise import fold
from ...records import Target
from ...segment import item_marker
from ..numbers import Quantity, find_quantities, may_hold_quantity
from ..tables import is_table_row
from .filter import target_veto
from .grammar import (
    APPENDIX_RE,
    COMMITMENT,
    GOAL_HEADING_RE,
    OPENING_RE,
    PAST_PARAGRAPH,
    PURPOSE_GOAL,
    PURPOSE_OPENING_RE,
    SITUATION,
)
from .matches import Reading, TargetContext, TargetMatch
from .phrases import heading_year, label_of, label_parts, year_cue
from .sentences import sentence_targets
from .tables import header_years, is_header_row, table_targets


def find_targets(text: str, context: Optional[TargetContext] = None,
                 quantities: Optional[list[Quantity]] = None) -> list[TargetMatch]:
    """Every target in one normalised paragraph (or markdown table row/rows); ``quantities``: the
    paragraph's (``find_quantities``), when they were already found."""
    ctx = context or TargetContext()
    if is_table_row(text):
        return table_targets(text, ctx)
    if quantities is None:
        quantities = find_quantities(text)
    if not quantities:
        return []
    out: list[TargetMatch] = []
    i = 0  # quantities and sentences are both in order: one pass over each
    for s_start, s_end in sentences(text):
        while i < len(quantities) and quantities[i].start < s_start:
            i += 1
        j = i
        while j < len(quantities) and quantities[j].start < s_end:
            j += 1
        if j > i:
            out.extend(sentence_targets(text, s_start, s_end, quantities[i:j], ctx))
        i = j
    return out


# Paragraph roles that never hold the plan's commitments.
_SKIP_ROLES = frozenset({"furniture", "header", "doc_type", "title", "authority", "addressee", "preamble", "closing",
                         "signature"})
# Section kinds whose percentages are not commitments: shares of money, evaluations.
_SKIP_KINDS = frozenset({"budget", "review"})

# A section reporting past results or the situation ("KẾT QUẢ THỰC HIỆN NĂM 2022",
# "THỰC TRẠNG") states achieved values, not commitments, unless it names results to reach.
PAST_SECTION_RE = re.compile(
    rf"{WORD_START}(?:kết{SPACES}quả|thực{SPACES}trạng|tình{SPACES}hình){WORD_END}(?!.*{WORD_START}(?:cần|phải|dự{SPACES}kiến|mong{SPACES}đợi)(?:{SPACES}\w+)?{SPACES}đạt)",
    re.IGNORECASE,
)


def ends_lead_in(text: str) -> bool:
    """A lead-in that opens a list of targets: "Phấn đấu đến năm 2025, đạt các chỉ tiêu sau:" (a colon,
    then only spaces, and perhaps one line break, to the end)."""
    return text.removesuffix("\n").rstrip(" \u00a0").endswith((":", "："))


@lru_cache(maxsize=4096)
def _past_heading(title: str) -> bool:
    """A heading over results or the situation ("KẾT QUẢ THỰC HIỆN"), not naming goals: each heading is asked once."""
    return bool(PAST_SECTION_RE.search(title) and not re.search(r"(?i)mục\s+tiêu|chỉ\s+tiêu", title))


@lru_cache(maxsize=4096)
def _past_or_money(title: str) -> bool:
    """A heading over results or the situation, or over money or review."""
    return _past_heading(title) or classify_by_rules(title) in _SKIP_KINDS


@lru_cache(maxsize=4096)
def _names_goals(title: str) -> bool:
    """A heading over goals ("MỤC TIÊU", "Chỉ tiêu cụ thể"): each heading of a stack is asked once."""
    return GOAL_HEADING_RE.search(title) is not None


def _skip(p: Paragraph, loose: bool) -> bool:
    """Paragraphs that never hold the plan's commitments. A *loose* paragraph stands outside the
    outline the segmenter found: everything after the title of a document without Roman sections
    (which the segmenter calls the preamble), and the appendices after the signature ("PHỤ LỤC",
    which it calls the closing). Of those only the opening paragraphs ("Căn cứ ...", "Thực hiện
    ...", "Kính gửi ...", "(Kèm theo Kế hoạch số ...)") are skipped. Of a preamble only a paragraph
    that commits is read (``_preamble_commitment``)."""
    if loose:
        return bool(OPENING_RE.match(p.body))
    if p.role == "preamble":
        return not _preamble_commitment(p)
    if p.role in _SKIP_ROLES or p.section_kind in _SKIP_KINDS:
        return True
    title = p.context[0] if p.section and p.context else ""
    return bool(title) and _past_heading(title)


def _preamble_commitment(p: Paragraph) -> bool:
    """A preamble paragraph that states the plan's commitments ahead of its sections (a page's lead
    repeating the main targets: "GRDP bình quân hàng năm tăng 7,0 - 7,5%; ..."): nothing of the past
    or the situation ("đã", "những năm qua", "hiện nay", "kết quả"), and either not an opening and
    a verb of commitment, or an opening of purpose ("Để ...", "Nhằm ...") that names a goal with its
    value ("góp phần hoàn thành mục tiêu tỷ trọng chăn nuôi đạt 31,5% ... năm 2017")."""
    text, end = p.text, len(p.text)
    low = lowered(text)  # four patterns read the paragraph: it is lower-cased once
    if PAST_PARAGRAPH.search_lowered(text, low, 0, end) or SITUATION.search_lowered(text, low, 0, end):
        return False
    if PURPOSE_OPENING_RE.match(p.body):  # "Để ..., góp phần hoàn thành mục tiêu X đạt 31,5% năm 2017"
        return bool(PURPOSE_GOAL.search_lowered(text, low, 0, end))
    return not OPENING_RE.match(p.body) and bool(COMMITMENT.search_lowered(text, low, 0, end))


# A heading-like paragraph for the trail: short, with no quantity.
_HEADING_MAX = 160


class _Trail:
    """The headings above the current paragraph by depth, as the text numbers them: a Roman
    section or an uppercase line 0, "2." 1, "2.1." 2, "a)" 5. Dashes and pluses are items, not
    headings. An uppercase line that names goals ("CÁC CHỈ TIÊU CHỦ YẾU CỦA NĂM 2022:") is a heading
    whatever role the segmenter gave it; a title or a header line is not. So is a line that heads
    goals with their year however it is marked or cased ("15 chỉ tiêu trọng tâm năm 2023", "2- Các
    chỉ tiêu chủ yếu (giai đoạn 2021-2025)"): a portal page's list below it takes its year."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        self._past_or_money: Optional[bool] = None  # of the stack as it stands, worked out when first asked

    def visit(self, p: Paragraph, loose: bool, holds: bool) -> Optional[list[Quantity]]:
        """Take ``p`` into the trail if it heads what follows. ``holds``: whether it may hold a
        quantity (``may_hold_quantity``); the quantities of a short one that does are looked for
        and returned, so that its reading need not find them again (None when not looked for)."""
        if p.role == "section_heading" or (loose and APPENDIX_RE.match(p.text)):
            self.stack, self._past_or_money = [(0, p.text)], None
            return None
        text = p.text.strip()
        if len(text) > _HEADING_MAX:
            return None
        quantities = find_quantities(p.text) if holds else None  # the same as the stripped text's, shifted
        if quantities:
            return quantities
        self._take(p, text, loose)
        return quantities

    def _take(self, p: Paragraph, text: str, loose: bool) -> None:
        """Push ``p`` (``text``, stripped) at its depth when it is a heading."""
        _, label, kind = item_marker(text)
        if kind == "num" and label:
            depth = 1 + label.count(".")
        elif kind == "letter":
            depth = 5
        elif not kind and _is_unmarked_heading(p, text, loose):
            depth = 0
        else:
            return
        while self.stack and self.stack[-1][0] >= depth:
            self.stack.pop()
        self.stack.append((depth, text))
        self._past_or_money = None

    def year(self) -> Optional[int]:
        return heading_year(tuple(text for _, text in self.stack))

    def goal(self) -> bool:
        return any(_names_goals(text) for _, text in self.stack)

    def past_or_money(self) -> bool:
        if self._past_or_money is None:
            self._past_or_money = any(_past_or_money(text) for _, text in self.stack)
        return self._past_or_money


def _is_unmarked_heading(p: Paragraph, text: str, loose: bool) -> bool:
    """A heading without a marker: an uppercase line (of the body, or loose, or naming goals), or a
    line of the body or loose that heads goals with their year (``_is_goal_year_line``)."""
    if _is_upper_line(text) and (loose or p.role == "body" or GOAL_HEADING_RE.search(text)):
        return True
    return (loose or p.role == "body") and _is_goal_year_line(text)


def _is_goal_year_line(text: str) -> bool:
    """A line that heads a list of goals with their year, however it is marked or cased: "15 chỉ
    tiêu trọng tâm năm 2023", "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)", "2- Các chỉ tiêu chủ yếu
    (giai đoạn 2021-2025)". Not a sentence (it does not end in a full stop or a semicolon) and not a
    table's header row ("| Chỉ tiêu | Năm 2026 | Năm 2027 |", whose years are its columns)."""
    return (not text.rstrip().endswith((".", ";")) and not is_table_row(text) and GOAL_HEADING_RE.search(text) is not None
            and heading_year((text,)) is not None)


def _is_upper_line(text: str) -> bool:
    return sum(map(str.isalpha, text)) >= 6 and upper_share(text) >= 0.8


def read_paragraphs(doc: Doc) -> Iterator[Reading]:
    """Every paragraph that may hold a quantity, in document order, with the rules' targets.

    The due year comes from the target's own sentence, else from the innermost heading
    that names one ("Mục tiêu đến năm 2025"), else from a lead-in paragraph ending in
    ":" that names one, for the items that follow it.
    """
    column_years: tuple[Optional[int], ...] = ()
    lead_year: Optional[int] = None
    lead_depth = 0
    sectionless = not doc.outline.sections
    appendix = False
    trail = _Trail()
    previous: list[TargetMatch] = []  # the matches of the paragraph right before, a sibling item
    for p in doc.paragraphs:
        siblings, previous = previous, []
        if lead_year is not None and (p.role == "section_heading" or len(p.path) < lead_depth):
            lead_year = None
        appendix = appendix or (p.role in ("closing", "signature") and bool(APPENDIX_RE.match(p.text)))
        loose = (sectionless and p.role == "preamble") or (appendix and p.role in ("closing", "signature"))
        holds = may_hold_quantity(p.text)
        quantities = trail.visit(p, loose, holds)
        if not holds and not column_years and not is_table_row(p.text) and not ends_lead_in(p.text):
            continue  # nothing to read and nothing for the paragraphs after it, skipped or not
        if _skip(p, loose) or trail.past_or_money():
            if holds:
                yield Reading(p, loose, True, [])
            continue
        if is_table_row(p.text):
            years = header_years(p.text)
            if years:
                column_years = years
                yield Reading(p, loose, True, [])
                continue
            if is_header_row(p.text):  # a new table, whose header names no years
                column_years = ()
        else:
            column_years = ()
        if not holds:
            if ends_lead_in(p.text):
                lead_year, lead_depth = year_cue(p.text), len(p.path)
            continue
        cut = p is doc.paragraphs[-1] and not ENDED.search(p.text)
        ctx = TargetContext(year=heading_year(tuple(p.context)) or trail.year() or lead_year,
                            column_years=column_years, goal=p.section_kind == "objectives" or trail.goal(),
                            cut=cut)
        matches = find_targets(p.text, ctx, quantities)
        if cut:
            text_end = len(p.text.rstrip(_TRIM_END))
            closed = p.text.rstrip().endswith((",", ";"))
            kept: list[TargetMatch] = []
            for m in matches:
                if not _cut_off(m, text_end, closed):
                    kept.append(m)
                elif (whole := _sibling_group(m, siblings + kept)) is not None:
                    kept.append(whole)
            matches = kept
        previous = matches
        yield Reading(p, loose, False, matches)


def _cut_off(m: TargetMatch, text_end: int, closed: bool = False) -> bool:
    """A value-first target whose group runs into the end (``text_end``) of a text cut mid-sentence
    ("- 70% trẻ" as the last words of a page's opening) is incomplete: its group may be cut too. A
    group that lists its items shows the first of them whole ("60% số cơ quan, tổ chức, ..., xã,"),
    and one the cut text ``closed`` with a comma after it ("có trên 50% thôn phát động ... trở lên,")
    is whole: kept."""
    return (m.indicator is None and m.value_start < m.group_start and m.group_end >= text_end
            and "," not in m.group and not closed)


_TRIM_END = " \u00a0\t\n,;-–"


def _sibling_group(m: TargetMatch, siblings: list[TargetMatch]) -> Optional[TargetMatch]:
    """A value-first target cut at the end of the text, whose group a sibling item before it shows
    whole: "- 70% trường học bảo đảm ..." then "- 85% trường học t" (cut inside its predicate). Its
    group is the sibling's ("trường học") and the words after it the cut predicate; the match so
    trimmed, or None when no sibling's group opens it (the group itself may be cut: dropped)."""
    spans = [w.span() for w in re.finditer(r"\S+", m.group)]
    for s in siblings:
        head = [fold(w) for w in s.group.split()]
        if s.indicator is None or s.value_start >= s.group_start or not head or len(head) > len(spans):
            continue  # a sibling shows where its group ends only by a predicate after it, value first
        if [fold(m.group[a:b]) for a, b in spans[:len(head)]] != head:
            continue
        end = spans[len(head) - 1][1]
        rest = m.group[end:].strip()
        return replace(m, group=m.group[:end], group_end=m.group_start + end, indicator=rest or None)
    return None


def extract_targets(doc: Doc) -> list[Target]:
    """Every target of the plan, in document order, with section, label, year and evidence: the
    rules' targets, less those the target filter vetoes when training chose a model for it
    (``filter.chosen_method``), one record per (value, group)."""
    targets: list[Target] = []
    veto = target_veto()
    context: Optional[list[str]] = None
    heads: list[str] = []  # the numbering of the headings of ``context``, read once for the paragraphs under them
    for r in read_paragraphs(doc):
        if not r.matches:
            continue
        if r.paragraph.context != context:
            context, heads = r.paragraph.context, label_parts(r.paragraph.context)
        label = label_of(heads, r.paragraph.body)
        for m in r.matches:
            if veto is None or not veto(r, m):
                targets.append(target_record(doc, r.paragraph, m, label))
    return [targets[i] for i in one_per_value_and_group(targets)]


def one_per_value_and_group(targets: list[Target]) -> list[int]:
    """One record per (value, group): a target stated twice (a page's lead paragraph repeating its
    list, a summary and its detail) is kept once, where a section holds it if one does. Groups are
    the same when the words of one are all among the other's ("Tổng sản phẩm địa phương" and
    "Tổng sản phẩm địa phương GRDP"), and so must their indicators be: "100% trẻ em được cung cấp
    thông tin" and "100% trẻ em được tham gia" are two targets. Returns the indexes kept."""
    kept: list[int] = []  # indexes into targets, in order
    by_value: dict[tuple, list[int]] = {}  # into kept
    words: dict[int, tuple[frozenset[str], Optional[frozenset[str]]]] = {}  # made only for targets sharing a value

    def words_of(index: int) -> tuple[frozenset[str], Optional[frozenset[str]]]:
        if index not in words:
            t = targets[index]
            words[index] = (_word_set(t.group), None if t.indicator is None else _word_set(t.indicator))
        return words[index]

    for index, t in enumerate(targets):
        key = (t.value, t.unit, t.comparator, t.min, t.denominator, t.year)
        twin = next((i for i in by_value.get(key, []) if _same(words_of(index), words_of(kept[i]))), None)
        if twin is None:
            by_value.setdefault(key, []).append(len(kept))
            kept.append(index)
        elif targets[kept[twin]].section is None and t.section is not None:
            kept[twin] = index
    return kept


_WORD = re.compile(r"\w+")
# The marks a word of a group is most often written with: "huyện, thành phố".
_CLAUSE_MARKS = ",;:."


def _word_set(text: str) -> frozenset[str]:
    """The words (``\\w+``) of ``text`` folded: its tokens between spaces, a token of letters and digits
    then one clause mark less its mark, the pattern run only on any other token that is not all
    letters and digits (no word runs across a space)."""
    words: list[str] = []
    for token in fold(text).split():
        if token.isalnum():
            words.append(token)
        elif token[-1] in _CLAUSE_MARKS and token[:-1].isalnum():
            words.append(token[:-1])  # "huyện,": the pattern would find the word before its comma
        else:
            words.extend(_WORD.findall(token))
    return frozenset(words)


def _nested(x: frozenset[str], y: frozenset[str]) -> bool:
    return x <= y or y <= x


def _same(a: tuple[frozenset[str], Optional[frozenset[str]]], b: tuple[frozenset[str], Optional[frozenset[str]]]) -> bool:
    """Two targets' (group, indicator) words: the same target when each holds the other's or is held by it."""
    (group_a, indicator_a), (group_b, indicator_b) = a, b
    if not _nested(group_a, group_b) or (indicator_a is None) != (indicator_b is None):
        return False
    return indicator_a is None or indicator_b is None or _nested(indicator_a, indicator_b)


def target_record(doc: Doc, p: Paragraph, m: TargetMatch, label: Optional[str]) -> Target:
    """The ``Target`` record of one match, with its section, path, label and evidence span."""
    span = doc.span(p.start + m.start, p.start + m.end)
    # built without re-validation (a record per target): every value is typed by its match
    return Target.built(
        value=m.value, comparator=m.comparator, unit=m.unit, denominator=m.denominator,
        baseline=m.baseline, baseline_year=m.baseline_year, min=m.min, group=m.group,
        indicator=m.indicator, year=m.year, section=p.section, section_path=list(p.path),
        label=label, direction=m.direction, span=span, flags=list(m.flags),
    )
