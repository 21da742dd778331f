"""Deadlines and reporting duties: what is due, when, how often, by whom and to whom.

Three shapes are read:

* a due date: "định kỳ báo cáo 6 tháng (trước ngày 5/7), báo cáo năm (trước ngày 25/12)",
  "Gửi báo cáo kết quả ... trước ngày 20/11 hàng năm" - one record per date, ``what`` the
  nearest "báo cáo ..." before it (or "(đối với báo cáo 6 tháng)" after it), else the clause;
* an event with its dates: "Tháng hành động vì trẻ em (từ ngày 01/6 đến ngày 30/6)",
  "Ngày quốc tế thiếu nhi (01/6)";
* a recurring report without a date: "Định kỳ hàng năm báo cáo kết quả ... gửi về Tỉnh Đoàn".

``by`` is the bodies put in charge in the paragraph or, failing that, the addressee of the
enclosing Tổ chức thực hiện item; ``to`` the bodies after "gửi ... về". A sentence that
hands the reports on ("... về Sở X để tổng hợp báo cáo Bộ Y trước ngày 25/5") gives the
later dates ``by`` Sở X and ``to`` Bộ Y. Day and month come from ``fields.dates``.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import grammar
from ..document import Doc, Paragraph
from ..records import Deadline
from .bodies import BodyFinding, TableTask, find_bodies
from .dates import DATE_RE, parse_date

# ---------------------------------------------------------------- grammar

# The words before a date that make it a deadline; the date grammar of fields.dates follows.
DUE_CUE = re.compile(
    r"""\b(?:
        trước                                  # trước ngày 5/7
      | chậm\s+nhất(?:\s+(?:là|vào))?          # chậm nhất ngày 15/12
      | không\s+quá | không\s+muộn\s+hơn       # không quá ngày 30/6
      | hạn\s+chót | hạn\s+cuối
      | hoàn\s+thành\s+(?:trong|trước)
    )\s+(?:ngày\s+(?=ngày))?                   # "trước ngày ngày 15/11": a doubled "ngày" is fine
    (?=(?:ngày\s+)?\d)""",
    re.VERBOSE | re.IGNORECASE,
)
_CUE_WORDS = ("trước", "chậm", "không", "hạn", "hoàn thành")  # a word each DUE_CUE alternative holds
# A day and month in words without a year, which fields.dates leaves to its callers.
DAY_MONTH_LONG = re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?!\s*(?:năm|/)\s*\d)", re.I)
# A day alone, for monthly duties: "hằng tháng trước ngày 25".
DAY_ONLY = re.compile(r"ngày\s+(?P<d>\d{1,2})(?![\d/.\-]|\s*tháng)")
# "(đối với báo cáo 6 tháng)" right after a date names what it is for.
FOR_WHAT = re.compile(r"\s*\(\s*(?:đối\s+với|áp\s+dụng\s+cho)\s+(?P<what>[^()]{3,60}?)\s*\)")
# A report: "báo cáo 6 tháng", "báo cáo năm", "báo cáo kết quả thực hiện ...".
REPORT = re.compile(
    r"""[Bb]áo\s+cáo
        (?:\s+(?:6|06|sáu)\s+tháng(?:\s+đầu\s+năm)?     # báo cáo 6 tháng
          | \s+(?:quý|năm|tháng)(?![^\W\d_])           # báo cáo quý / năm / tháng
          | \s+định\s+kỳ(?:\s+(?:hàng|hằng)\s+(?:tháng|quý|năm))?  # báo cáo định kỳ hằng tháng
          | \s+(?:sơ|tổng)\s+kết[^,;:()]{0,60}?         # báo cáo sơ kết ...
          | \s+(?:kết\s+quả|tình\s+hình)[^,;:()]{0,80}?  # báo cáo kết quả ...
        )?
        (?=\s*(?:[,;:()]|\s(?:về|gửi|trước|cho|lên|đến|để|theo)\b|$))""",
    re.VERBOSE,
)
# An event's dates in brackets: "(từ ngày 01/6 đến ngày 30/6)", "(01/6)".
EVENT_DATES = re.compile(
    r"""\(\s*(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2}\s?/\s?\d{1,2})                 # (từ ngày 01/6
        (?:\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?(?P<d2>\d{1,2}\s?/\s?\d{1,2}))?      #  đến ngày 30/6
        \s*\)""",
    re.VERBOSE,
)
# The word that opens the name of an event; the name runs from the last one to the bracket.
EVENT_HEAD = re.compile(r"\b(?:Tháng|Ngày|Tuần|Lễ|Diễn\s+đàn|Chiến\s+dịch|Tết|Đợt|Hội\s+thi)\b")
# Where the text before the bracket stops belonging to the name: punctuation, or a comma
# before a capitalised word (the next item of a list: "Tết Nguyên đán, Tháng hành động ...").
NAME_BOUNDARY = re.compile(r"[;:().]|,\s+(?=[A-ZĐÀÁẢÃẠÂĂÈÉẺẼẸÊÌÍỈĨỊÒÓỎÕỌÔƠÙÚỦŨỤƯỲÝỶỸỴ])")
# A recurring duty without a date: "Định kỳ hàng năm báo cáo ...", "hằng quý báo cáo ...".
RECURRING = re.compile(
    r"""(?:[Đđ]ịnh\s+kỳ\s+)?(?P<freq>(?:[Hh][àằ]ng|[Hh]ằng)\s+(?:năm|quý|tháng)|(?:6|06|sáu)\s+tháng(?:\s+một\s+lần)?)
        ,?\s+(?=[Bb]áo\s+cáo)""",
    re.VERBOSE,
)
# Where the reports go: "gửi (báo cáo ...) về X", "báo cáo về X", "gửi X".
SENT_TO = re.compile(
    r"""\b(?:[Gg]ửi|[Nn]ộp|[Bb]áo\s+cáo)\b[^.;()]{0,120}?\b(?:về|đến|cho|lên)\s+   # gửi báo cáo ... về X
      | \b[Gg]ửi\s+(?=[A-ZĐ])                                              # gửi Bộ Y tế
    """,
    re.VERBOSE,
)
# The hand-on: the recipient aggregates and reports further up.
HAND_ON = re.compile(r"\bđể\s+tổng\s+hợp(?:,)?\s+(?:báo\s+cáo\s+)?")
# A paragraph worth reading holds a due cue's word or a report (tested first, on substrings), and a digit
# (a date) or a word of recurrence; the substring tests before the recurrence pattern spare a regex scan.
_DIGIT = re.compile(r"\d")
_RECURRENCE = re.compile(r"[Hh][àằ]ng\s+(?:năm|quý|tháng)")
YEARLY_AFTER = re.compile(r"\s*(?:hàng|hằng)\s+năm")

FREQUENCIES = (  # (pattern over the 'what' or cue, frequency), first match wins
    (re.compile(r"(?:6|06|sáu)\s+tháng", re.I), "half-yearly"),
    (re.compile(r"quý", re.I), "quarterly"),
    (re.compile(r"(?:hàng|hằng)\s+tháng|báo\s+cáo\s+tháng", re.I), "monthly"),
    (re.compile(r"(?:hàng|hằng)\s+năm|báo\s+cáo\s+năm|cả\s+năm", re.I), "yearly"),
    (re.compile(r"định\s+kỳ", re.I), "periodic"),
)


def frequency_of(text: str) -> Optional[str]:
    for pattern, freq in FREQUENCIES:
        if pattern.search(text):
            return freq
    return None


# ---------------------------------------------------------------- extraction


def extract_deadlines(doc: Doc, bodies: Optional[BodyFinding] = None) -> list[Deadline]:
    """Every deadline, event date and recurring reporting duty of the plan, in document order.

    Reads the Doc and what the bodies step found (``bodies``, found here when not given): who is in
    charge of each paragraph, and the body names after "gửi ... về"."""
    bodies = bodies if bodies is not None else find_bodies(doc)
    leads = bodies.leads_by_paragraph()
    out: list[Deadline] = []
    seen: set[tuple] = set()
    tabled = {task.row.paragraph: task for task in bodies.table_tasks()}
    for index, p in enumerate(doc.paragraphs):
        if index in tabled:
            found = _table_deadline(doc, tabled[index])
            out.extend([found] if found else [])
            continue
        if not p.section or p.role in ("closing", "signature", "section_heading"):
            continue
        for d in _paragraph_deadlines(doc, bodies, index, p, leads):
            key = (d.what.casefold(), d.kind, d.due_day, d.due_month, d.until_day, d.frequency, tuple(d.by))
            if key not in seen:
                seen.add(key)
                out.append(d)
    return out


# A task table's time cell: "Quý II/2024", "Tháng 6/2024", "Trước 30/6/2024", "Năm 2024", "2024-2025",
# "Thường xuyên", "Hằng năm".
QUARTER = re.compile(rf"\bquý\s+(?P<q>IV|I{{1,3}}|[1-4])\b(?:\s*(?:/|năm)\s*(?P<y>{grammar.YEAR}))?", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\btháng\s+(?P<m>0?[1-9]|1[0-2])\s*(?:/|năm)\s*(?P<y>{grammar.YEAR})", re.IGNORECASE)
YEARS = re.compile(rf"(?<![\d/])(?P<y>{grammar.YEAR})(?![\d/])")
STANDING = re.compile(r"thường\s+xuyên|liên\s+tục|hằng\s+ngày|hàng\s+ngày", re.IGNORECASE)
_QUARTER_END = {"I": 3, "1": 3, "II": 6, "2": 6, "III": 9, "3": 9, "IV": 12, "4": 12}


def _table_deadline(doc: Doc, task: TableTask) -> Optional[Deadline]:
    """The deadline of a task table's row, from its time cell; None when the row has none."""
    row = task.row
    if row.time is None:
        return None
    p = doc.paragraphs[row.paragraph]
    written = _tidy(p.text[row.time[0]:row.time[1]])
    day = month = year = None
    frequency: Optional[str] = "once"
    if (date := DATE_RE.search(written)) is not None:
        value = parse_date(date.group(0))
        day, month, year = value.day, value.month, value.year
    elif (m := QUARTER.search(written)) is not None:  # by the end of the quarter
        month, year = _QUARTER_END[m.group("q").upper()], int(m.group("y")) if m.group("y") else None
    elif (m := MONTH_YEAR.search(written)) is not None:
        month, year = int(m.group("m")), int(m.group("y"))
    elif years := [int(y.group("y")) for y in YEARS.finditer(written)]:
        year = max(years)  # "2024-2025", "Năm 2024": by the end of the last year
    if year is None and month is None:
        frequency = "periodic" if STANDING.search(written) else frequency_of(written)
        if frequency is None:
            return None
    start = min(row.task[0], row.time[0])
    return Deadline(what=_tidy(p.text[row.task[0]:row.task[1]]), kind="task", due=written, due_day=day,
                    due_month=month, due_year=year, frequency=frequency, by=list(task.leads),
                    section=p.section, span=doc.span(p.start + start, p.start + max(row.task[1], row.time[1])))


def _paragraph_deadlines(doc: Doc, bodies: BodyFinding, index: int, p: Paragraph,
                         leads: dict[int, list[str]]) -> list[Deadline]:
    text = p.text
    out: list[Deadline] = []
    taken: list[tuple[int, int]] = []  # date ranges used by events
    for m in (EVENT_DATES.finditer(text) if "(" in text else ()):
        name_at = _event_name(text, m.start())
        if name_at is None:
            continue
        d1 = parse_date("ngày " + m.group("d1"))
        d2 = parse_date("ngày " + m.group("d2")) if m.group("d2") else None
        taken.append((m.start(), m.end()))
        out.append(Deadline(
            what=_tidy(text[name_at:m.start()]), kind="event", due=_tidy(m.group(0)),
            due_day=d1.day, due_month=d1.month, until_day=d2.day if d2 else None, until_month=d2.month if d2 else None,
            section=p.section, span=doc.span(p.start + name_at, p.start + m.end()),
        ))
    body_at = len(text) - len(p.body)  # the item marker "1." is no date
    if "áo cáo" not in text and not _holds_cue_word(text):  # no sentence can hold a due date or a report
        return out
    if not (_DIGIT.search(text, body_at) or (("àng" in text or "ằng" in text) and _RECURRENCE.search(text, body_at))):
        return out
    by_default = _responsible(doc, index, leads)
    for sentence_start, sentence_end in grammar.sentences(text, body_at):
        sentence = text[sentence_start:sentence_end]
        dues = _due_dates(sentence)
        recurring = [] if dues or "áo cáo" not in sentence else list(RECURRING.finditer(sentence))
        if not dues and not recurring:
            continue
        hand_on = HAND_ON.search(sentence)
        cut = hand_on.start() if hand_on else len(sentence)
        first_to = _recipients(bodies, sentence, 0, cut)
        for start, end, day, month, year, written in dues:
            if any(a <= sentence_start + start < b for a, b in taken):
                continue
            handed_on_at = hand_on.end() if hand_on is not None and start >= hand_on.end() else None
            by = (first_to or by_default) if handed_on_at is not None else by_default
            to = (_recipients(bodies, sentence, handed_on_at, len(sentence), direct=True) if handed_on_at is not None
                  else first_to)
            what, what_at = _what(sentence, start, end, handed_on_at or 0)
            freq = (frequency_of(what)
                    or ("yearly" if YEARLY_AFTER.match(sentence, end) else None)  # "trước ngày 20/11 hàng năm"
                    or ("once" if year else None)
                    or frequency_of(sentence[:start]))  # "định kỳ ... trước ngày ..."
            kind = "report" if "báo cáo" in what.lower() else "task"
            out.append(Deadline(
                what=what, kind=kind, due=written, due_day=day, due_month=month, due_year=year, frequency=freq,
                by=list(by), to=list(to), section=p.section,
                span=doc.span(p.start + sentence_start + min(what_at, start), p.start + sentence_start + end),
            ))
        for m in recurring:
            report = REPORT.match(sentence, m.end())
            what = report.group(0) if report else "báo cáo"
            out.append(Deadline(
                what=_tidy(what), kind="report", frequency=frequency_of(m.group("freq")),
                by=list(by_default), to=list(first_to), section=p.section,
                span=doc.span(p.start + sentence_start + m.start(), p.start + sentence_start + (report.end() if report else m.end())),
            ))
    return out


def _event_name(text: str, bracket: int) -> Optional[int]:
    """Where the name of the event before a bracket of dates begins, if it is one."""
    boundaries = [m.end() for m in NAME_BOUNDARY.finditer(text, max(0, bracket - 120), bracket)]
    start = boundaries[-1] if boundaries else max(0, bracket - 120)
    heads = list(EVENT_HEAD.finditer(text, start, bracket))
    return heads[-1].start() if heads else None


def _due_dates(sentence: str) -> list[tuple[int, int, Optional[int], Optional[int], Optional[int], str]]:
    """(start of the cue, end, day, month, year, as written) of every date that is due."""
    out: list[tuple[int, int, Optional[int], Optional[int], Optional[int], str]] = []
    if not _holds_cue_word(sentence):  # substring tests before the cue grammar
        return out
    for cue in DUE_CUE.finditer(sentence):
        at = cue.end()
        date = DATE_RE.match(sentence, at)
        if date:
            value = parse_date(date.group(0))
            day, month, year, end = value.day, value.month, value.year, date.end()
        else:
            long_form = DAY_MONTH_LONG.match(sentence, at) or DAY_ONLY.match(sentence, at)
            if not long_form:
                continue
            month_written = long_form.groupdict().get("m")
            day, year, end = int(long_form.group("d")), None, long_form.end()
            month = int(month_written) if month_written else None
        if month is not None or day is not None:
            out.append((cue.start(), end, day, month, year, _tidy(sentence[cue.start():end])))
    return out


def _holds_cue_word(text: str) -> bool:
    """Whether ``text`` holds a word every due cue holds (``_CUE_WORDS``), in any case."""
    return grammar.holds_any(text.lower(), _CUE_WORDS)  # asked of nearly every paragraph


def _what(sentence: str, start: int, end: int, floor: int) -> tuple[str, int]:
    """What falls due at ``sentence[start:end]``, and where that is written."""
    for_what = FOR_WHAT.match(sentence, end)
    if for_what:
        return _tidy(for_what.group("what")), start
    reports = list(REPORT.finditer(sentence, floor, start))
    if reports:
        m = reports[-1]
        return _tidy(m.group(0)), m.start()
    clause_start = max([floor] + [sentence.rfind(c, floor, start) + 1 for c in ";:"])
    clause = sentence[clause_start:start].strip(" ,(")
    words = clause.split()
    return _tidy(" ".join(words[:14])) or "thực hiện", clause_start


def _recipients(bodies: BodyFinding, sentence: str, start: int, end: int, direct: bool = False) -> list[str]:
    """Bodies the reports go to: after 'gửi ... về' (or, after a hand-on, after 'báo cáo')."""
    names: list[str] = []
    if direct:
        names = bodies.names_at(sentence[:end], start)
    for m in SENT_TO.finditer(sentence, start, end):
        for name in bodies.names_at(sentence[:end], m.end()):
            if name not in names:
                names.append(name)
    return names


def _responsible(doc: Doc, index: int, leads: dict[int, list[str]]) -> list[str]:
    """The bodies in charge of paragraph ``index``: its own, else those of the nearest heading above it."""
    seen = 0
    at: Optional[int] = index
    while at is not None and seen < 12:
        if leads.get(at):
            return leads[at]
        at = doc.paragraphs[at].parent
        seen += 1
    return []


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:()*")
