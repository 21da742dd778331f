"""Slots: the places where a plan's grammar puts an organisation in charge."""

from __future__ import annotations

import re

from ... import grammar
from ...tones import at_word_start

LEAD_IN = r"(?:Đề\s+nghị|Giao(?:\s+cho)?|Yêu\s+cầu|Đối\s+với|Trách\s+nhiệm\s+của)"
# A role label: the kind of body, then its role in the task ("Đơn vị thực hiện:", "Cơ quan phối hợp:")
LABEL_KIND = r"(?:[Đđ]ơn\s+vị|[Cc]ơ\s+quan)"
LABEL_LEAD = r"(?:thực\s+hiện|chủ\s+trì|tham\s+mưu|đầu\s+mối|được\s+giao)"
LABEL_COORDINATE = r"(?:phối\s+hợp)"
# The word slots (all but "subject") open with a cue word (``SLOT_CUES``) at a word start; their
# patterns are tried where a cue stands (``word_slot_starts``), the word start checked in code.
SLOTS = {
    # "Giao X tham mưu", "chỉ đạo X thực hiện", "Đề nghị X ...", "Chỉ đạo, hướng dẫn X ..."
    "directive": re.compile(
        r"""(?:[Cc]hỉ\s+đạo | [Gg]iao(?:\s+cho)? | [Đđ]ề\s+nghị | [Yy]êu\s+cầu | [Hh]ướng\s+dẫn | [Pp]hân\s+công)
            (?:\s*,\s*(?:hướng\s+dẫn|đôn\s+đốc|chỉ\s+đạo|giao))*    # a second directive verb
            \s+""",
        re.VERBOSE,
    ),
    # "phối hợp với X", "Phối hợp ngành X", "phối hợp, kết nối với X", "phối hợp chặt chẽ với X"
    "coordinate": re.compile(
        r"""[Pp]hối\s+(?:kết\s+)?hợp
            (?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?){0,2}?             # ", kết nối", ", hợp tác"
            (?:\s+chặt\s+chẽ)?
            (?:\s+(?:với|cùng))?\s+""",
        re.VERBOSE,
    ),
    # "Thực hiện trách nhiệm giám sát, phản biện xã hội của X"
    "responsibility": re.compile(r"trách\s+nhiệm\b[^.;:()]{0,80}?\bcủa\s+"),
    # "Giao chỉ tiêu kế hoạch năm 2025 cho X": what is assigned, then to whom
    "assignment": re.compile(r"[Gg]iao\s[^.;:()]{1,120}?\bcho\s+"),
    # "Đơn vị thực hiện: X chủ trì ...", "Cơ quan phối hợp: X": the bodies a role label names
    "label": re.compile(rf"{LABEL_KIND}\s+(?:{LABEL_LEAD}|(?P<coordinate>{LABEL_COORDINATE}))\s*:\s*"),
    # a clause start after '.' or ';' (and the start of every paragraph): the subject of a task
    "subject": re.compile(r"[.;]\s+(?=\w)"),
}
# The cue words of the word slots, lowercase: every match of a slot's pattern opens with one, written so
# or with its first letter a capital (the patterns take no other capitals).
SLOT_CUES = {
    "directive": ("chỉ đạo", "giao", "đề nghị", "yêu cầu", "hướng dẫn", "phân công"),
    "coordinate": ("phối",),
    "responsibility": ("trách nhiệm",),
    "assignment": ("giao",),
    "label": ("đơn vị", "cơ quan"),
}

# Each cue as (its first letter, that letter as a capital, the rest of it).
_CUE_PARTS = {kind: tuple((cue[0], cue[0].upper(), cue[1:]) for cue in cues) for kind, cues in SLOT_CUES.items()}


def _word_start(text: str, at: int, kind: str) -> bool:
    """Whether a word slot's match at ``at`` opens a word (and a directive is no "Ban chỉ đạo")."""
    if not at_word_start(text, at):
        return False
    return kind != "directive" or not (at >= 4 and text[at - 4:at - 1] in ("Ban", "ban") and text[at - 1].isspace())


def word_slot_starts(kind: str, pattern: re.Pattern[str], text: str, at: int) -> list[tuple[int, int]]:
    """Where the lists of a word slot begin, as (where its cue stands, where the list begins): the
    slot's pattern tried where one of its cue words stands (found by ``str.find``, much faster than a
    regex scan of the paragraph), in order. Two cues of one match ("Chỉ đạo, hướng dẫn X") give one
    start, with the first cue."""
    ends: dict[int, int] = {}
    for first, capital, rest in _CUE_PARTS[kind]:
        j = text.find(rest, at + 1)  # the cue but its first letter, which may be a capital
        while j >= 0:
            i = j - 1
            if text[i] == first or text[i] == capital:
                m = pattern.match(text, i)
                if m and _word_start(text, i, kind):
                    ends[m.end()] = min(i, ends.get(m.end(), i))
            j = text.find(rest, j + 1)
    if not ends:
        return []
    return sorted(((cue, end) for end, cue in ends.items()), key=lambda pair: pair[1])


# The marks that end a clause: every match of the subject slot's pattern opens with one.
CLAUSE_MARKS = (".", ";")


def subject_slot_starts(pattern: re.Pattern[str], text: str, at: int) -> list[int]:
    """Where the clauses after ``at`` begin (the subject slot's list starts after the first): its pattern
    tried where a mark that ends a clause stands (found by ``str.find``, much faster than a regex scan of
    the paragraph), in order."""
    out = []
    for mark in CLAUSE_MARKS:
        i = text.find(mark, at)
        while i >= 0:
            m = pattern.match(text, i)
            if m:
                out.append(m.end())
            i = text.find(mark, i + 1)
    return sorted(out)


# What may stand before a clause-opening cue: nothing, an article's number, or the end of a clause.
_CLAUSE_OPENING = re.compile(r"(?:^|[.;:])\s*(?:Điều\s+\d+\s*[.:]\s*)?$")


def slot_role(kind: str, pattern: re.Pattern[str], text: str, cue: int) -> str:
    """The role a slot gives the bodies it names: "coordinate" after "phối hợp" (the slot, or a role
    label that says it), else "lead"."""
    if kind == "coordinate":
        return "coordinate"
    if kind == "label":
        m = pattern.match(text, cue)
        return "coordinate" if m and m.group("coordinate") else "lead"
    return "lead"


def opens_clause(text: str, body_at: int, at: int) -> bool:
    """Whether the cue at ``at`` opens its clause ("Điều 2. Giao X", "...; đề nghị X"), rather than
    following a predicate ("X chịu trách nhiệm hướng dẫn, đôn đốc Y")."""
    return _CLAUSE_OPENING.search(text[body_at:at].rstrip() if at > body_at else "") is not None


# A section that describes how things stand ("I. ĐẶC ĐIỂM TÌNH HÌNH", "Thực trạng ...", "Kết quả thực hiện ...
# năm 2022"): the bodies it names did or have things, none is put in charge there.
SITUATION_HEADING = re.compile(
    r"^\W*(?:đánh\s+giá\s+)?(?:tình\s+hình|đặc\s+điểm|thực\s+trạng|bối\s+cảnh|kết\s+quả\s+(?:thực\s+hiện|đạt\s+được))\b",
    re.IGNORECASE)
# "1. Cấp tỉnh:" alone: the issuing body at that level is the addressee
LEVEL_HEADING = re.compile(grammar.LEVEL_HEADING + r"[\s:.;]*$")
LEAD_IN_RE = re.compile(rf"{LEAD_IN}\s+")  # used with .match(text, pos)
CLOSING_FORMULA = re.compile(r"^(?:Trên\s+đây|Trên\s+là)\b")
ISSUER_VERB = re.compile(r"\b(?:ban\s+hành|xây\s+dựng|triển\s+khai)\s+(?:Kế\s+hoạch|kế\s+hoạch)")
# An opening adverbial before the subject: "Căn cứ chức năng, nhiệm vụ, Sở Y tế ..."
INTRO = re.compile(
    r"""(?:Theo\s+)?(?:[Đđ]ịnh\s+kỳ\s+)?(?:[Hh][àằ]ng|[Hh]ằng)\s+(?:năm|quý|tháng),?\s+(?=\w)  # "Theo định kỳ hàng năm"
      | (?:Căn\s+cứ|Theo|Trên\s+cơ\s+sở|Trong\s+phạm\s+vi)\b[^,;.:()]{1,100},\s+(?=\w)   # "Căn cứ ..., "
    """,  # order matters: a frequency has no comma, and "Theo" would run on to the next one
    re.VERBOSE,
)
INTRO_LETTERS = frozenset("TĐđHhC")  # the letters every match of ``INTRO`` opens with
COMMA = re.compile(r",\s+(?=\w)")
FIRST_WORD = re.compile(r"[^\W\d_]+(?:&[^\W\d_]+)*")
NEXT_WORD = re.compile(r"\s+([^\W\d_]+(?:&[^\W\d_]+)*)")
NUMBERED_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*\))$")


# The kinds of act a plan cites.
ACT_KIND = (r"(?:Quyết\s+định|Kế\s+hoạch|Chỉ\s+thị|Nghị\s+quyết|Nghị\s+định|Thông\s+tư(?:\s+liên\s+tịch)?|Công\s+văn"
            r"|Văn\s+bản|Thông\s+báo|Hướng\s+dẫn|Chương\s+trình|Đề\s+án)")
# A clause that restates what another act assigned: the directive in the past ("đã giao X chủ trì", "đã
# phân công X"; not what was given, "nhiệm vụ đã được giao"), or the act it stands in opening the clause
# ("Tại Quyết định số ... giao X").
_RESTATED = re.compile(r"\bđã\s+(?:giao|phân\s+công|chỉ\s+đạo|yêu\s+cầu|đề\s+nghị)\s+(?!được\b|cho\b)", re.IGNORECASE)
_AT_ACT = re.compile(rf"\W*Tại\s+{ACT_KIND}\b", re.IGNORECASE)  # used with .match: it opens the clause
# A cited act, its number and what it is about, to the end of its clause: "Quyết định số 16/2016/QĐ-UBND ngày
# 09/5/2016 ban hành Quy định phân công trách nhiệm ... của UBND thành phố;"
_CITED_ACT = re.compile(rf"\b{ACT_KIND}\s+số\b[^,;]*")
_CLAUSE = re.compile(r"[^.;]+")


def reported_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that restate an assignment another act made ("Tại Quyết định đã giao Bộ X chủ
    trì, phối hợp với các bộ, ngành ..."), from the restating words to the clause's end: a letter that
    cites the assignment puts nobody in charge there."""
    low = text.lower()
    if "đã" not in low and "tại" not in low:
        return []
    out = []
    for clause in _CLAUSE.finditer(text):
        lead = len(clause.group(0)) - len(clause.group(0).lstrip())
        words = text[clause.start() + lead:clause.end()]
        # the past directive is searched for only where its "đã" stands
        m = _AT_ACT.match(words) or (_RESTATED.search(words) if "đã" in words.lower() else None)
        if m:
            out.append((clause.start() + lead + m.start(), clause.end()))
    return out


def cited_acts(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that cite an act by its number, to the end of the clause ("Thực hiện Quyết định
    số ... ban hành Quy định phân công trách nhiệm ... của UBND thành phố;"): a preamble that cites it
    names its subject and issuer, nobody it puts in charge."""
    return [m.span() for m in _CITED_ACT.finditer(text)]
