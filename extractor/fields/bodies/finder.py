"""Running the slots over a document, merging mentions into ``Body`` records with their tasks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Optional

from ...document import Doc, Paragraph
from ...records import Body, Task
from .abbreviations import find_defined_abbreviations
from .heads import after_titles, execution_list, read_heads
from .lexicon import Lexicon, gazetteer
from .mentions import Mention, parse_list
from .naming import body_key, body_level, canonical, core_key, expand_ellipsis, strip_organ
from .slots import (
    CLOSING_FORMULA,
    COMMA,
    FIRST_WORD,
    INTRO,
    INTRO_LETTERS,
    ISSUER_VERB,
    LEAD_IN_RE,
    LEVEL_HEADING,
    NEXT_WORD,
    NUMBERED_MARKER,
    SITUATION_HEADING,
    SLOTS,
    cited_acts,
    opens_clause,
    reported_clauses,
    slot_role,
    subject_slot_starts,
    word_slot_starts,
)
from .tables import TaskRow, task_rows
from .tokens import Tokens, abbreviation_heads


@dataclass
class Found:
    """One mention at a slot, before merging."""

    mention: Mention
    paragraph: int
    role: str  # lead | coordinate
    heading: bool = False  # the addressee of a Tổ chức thực hiện item
    name: str = ""  # canonical
    key: str = ""
    task: tuple[int, int] | None = None  # a task table's task cell (offsets into Doc.text)


# "... chịu trách nhiệm ...", after a list of heads
RESPONSIBLE = re.compile(r"\s*(?:chịu|có)\s+trách\s+nhiệm\b")
# Directives that ask or assign (not guide or urge): their generic objects count wherever they stand.
REQUEST_CUES = ("đề nghị", "yêu cầu", "giao", "phân công")
# A preamble line that states a basis ("Căn cứ ...", "Xét Tờ trình ...", "Theo đề nghị của ..."): it names
# the documents and proposers a plan rests on, never a body it puts in charge.
CITATION_BASIS = re.compile(r"^\W*(?:Căn\s+cứ|Xét|Theo\s+đề\s+nghị|Theo\s+chức\s+năng)\b", re.IGNORECASE)
# "... sau đây", "... dưới đây" after a generic body: the bodies are the ones listed next
_CATAPHORA = re.compile(r"\s*(?:sau|dưới)\s+đây\b", re.IGNORECASE)
# The predicate of bodies asked only to coordinate: "phối hợp", not "chủ trì, phối hợp"
_COORDINATING = re.compile(r"\s*,?\s*phối\s+(?:kết\s+)?hợp\b", re.IGNORECASE)
LETTER_OPENING = re.compile(r"^\W*Kính\s+gửi\b", re.IGNORECASE)
# "Ủy ban nhân dân huyện có ý kiến như sau:": the formula of a letter that gives directions, where a portal's
# rendering may have dropped the "Kính gửi"
LETTER_FORMULA = re.compile(r"\bcó\s+ý\s+kiến(?:\s+chỉ\s+đạo)?\s+như\s+sau\b", re.IGNORECASE)
# A paragraph that ends so has ended its sentence: a hard wrap did not cut it.
SENTENCE_CLOSED = (".", ":", ";", "!", "?")
# An article cut by hard wraps goes on in at most this many paragraphs.
MAX_ARTICLE_LINES = 4
# "Kính gửi:" before a letter's addressees, and the bullet of each one under it.
ADDRESSEE_OPENING = re.compile(r"^\s*(?:Kính\s+gửi\s*:?\s*)?(?:[-–•+]\s*)?", re.IGNORECASE)


# ---------------------------------------------------------------- extraction


class _Finder:
    """Runs the slots over a document's paragraphs and collects mentions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lex = Lexicon.load()
        self.abbrs = dict(doc.abbreviations) or find_defined_abbreviations(doc.text)
        self.abbr_heads = abbreviation_heads(self.abbrs, self.lex)
        self.found: list[Found] = []
        self.aliases: dict[str, str] = {}  # "tổng đài 111" → canonical name
        self.addressed: dict[int, list[str]] = {}  # heading paragraph → canonical names
        self.letter = any(_opens_letter(p.text) for p in doc.paragraphs[:40])  # a Công văn
        self.continued: set[int] = set()  # paragraphs read as the hard-wrapped rest of an article

    def tokens(self, text: str, start: int) -> Tokens:
        tk = Tokens(text, start, self.lex, self.abbr_heads)
        tk.definitions = self.abbrs
        return tk

    def add(self, m: Mention, index: int, role: str, heading: bool = False,
            task: tuple[int, int] | None = None) -> None:
        """A mention found at a slot; a name written as an elliptic list gives each body it stands for."""
        names = expand_ellipsis(m.text)
        for name in names:
            x = m if len(names) == 1 else replace(m, text=name)
            self.found.append(Found(x, index, role, heading, task=task))

    # -- slots
    def run(self) -> None:
        paragraphs = self.doc.paragraphs
        issuer = self.issuer()
        self.rows = list(task_rows(self.doc))
        tabled = {row.paragraph for row in self.rows}
        # a plan's situation section reports; a letter's ("I. ĐÁNH GIÁ TÌNH HÌNH …") tells its addressees to report
        situation = set() if self.letter else {s.number for s in self.doc.outline.sections if SITUATION_HEADING.match(s.title)}
        for row in self.rows:
            self.table_row(row)
        for index, p in enumerate(paragraphs):
            if index in tabled or index in self.continued:
                continue
            if p.role == "addressee":
                self.addressees(p, index)
                continue
            if p.role == "article" or (p.path and p.path[0].startswith("Điều")):
                self.article(p, index)
                continue
            if p.role == "preamble" and not CITATION_BASIS.match(p.text):
                self.in_text(p, index, skip_subject=True)  # "Thực hiện ..., Sở X đề nghị UBND các huyện ..."
                continue
            if p.role in ("header", "doc_type", "title", "preamble", "closing", "signature", "furniture"):
                continue
            if not p.section and p.role not in ("body", "item"):
                continue
            if CLOSING_FORMULA.match(p.text):
                continue
            if p.section_kind == "organisation" and self.is_heading_candidate(p) and self.heading(p, index, issuer):
                continue
            if p.section_kind in ("purpose", "objectives") or p.role == "section_heading" or p.section in situation:
                continue
            if self.is_heading_candidate(p) and self.heads_its_items(index) and self.heading(p, index, None, bare=True):
                continue
            self.in_text(p, index)

    def is_heading_candidate(self, p: Paragraph) -> bool:
        if p.role != "item" or not NUMBERED_MARKER.match(p.marker or ""):
            return False
        parent = p.parent
        return parent is None or parent not in self.addressed

    def heads_its_items(self, index: int) -> bool:
        """Whether items stand under the paragraph: the tasks of the unit it may name ("2. Trung tâm Y tế
        huyện" / "- Tăng cường ...")."""
        paragraphs = self.doc.paragraphs
        return index + 1 < len(paragraphs) and paragraphs[index + 1].parent == index

    def heading(self, p: Paragraph, index: int, issuer: Optional[Mention], bare: bool = False) -> bool:
        """An addressee of Tổ chức thực hiện: "1. Sở ...", "2. Đề nghị X ...", "1. Cấp tỉnh:". ``bare``:
        outside Tổ chức thực hiện, where only an item that is nothing but the names of specific bodies (and a
        colon) addresses the tasks under it ("2. Trung tâm Y tế huyện" / "- Tăng cường ...")."""
        body = p.body
        offset = len(p.text) - len(body)
        if SLOTS["label"].match(body):
            return False  # "1. Đơn vị thực hiện: X": the label's slot names the bodies
        if LEVEL_HEADING.match(body):
            if issuer is not None and self.level_matches(body, issuer.text):
                self.add(issuer, index, "lead", True)
                self.addressed[index] = []
                return True
            return False
        lead = LEAD_IN_RE.match(body)
        start = after_titles(p.text, offset + (lead.end() if lead else 0))  # "a) Giám đốc Sở Kế hoạch và Đầu tư:"
        tk = self.tokens(p.text, start)
        mentions, end = parse_list(tk, 0, heading=True)
        if not mentions:
            return False
        rest = p.text[tk.offset(end):].strip()
        if bare and (rest not in ("", ":") or any(m.generic for m in mentions)):
            return False  # "2. Cấp huyện, thành phố": a level, whose bodies the items name
        if rest and not (rest[0] in ":.;-–" or tk.ends_name(end) or rest.startswith(("là", ","))):
            return False
        self.addressed[index] = []
        for m in mentions:
            self.add(m, index, "lead", heading=True)
        self.in_text(p, index, skip_subject=True)
        return True

    def article(self, p: Paragraph, index: int) -> None:
        """A decision's article: its execution list of heads ("Chánh Văn phòng ..., Giám đốc Sở ...
        chịu trách nhiệm thi hành"), else its slots; the bodies an article names generically count.
        The items of an article that announces them ("Các cơ quan, đơn vị sau đây ...:") are its
        addressees."""
        parent = self.doc.paragraphs[p.parent] if p.parent is not None else None
        announced = parent is not None and parent.text.rstrip().endswith(":")
        if (p.role == "item" and (announced or p.text.rstrip().endswith(":"))
                and NUMBERED_MARKER.match(p.marker or "") and self.heading(p, index, None)):
            return
        text, rest = self.wrapped_article(index)
        self.continued.update(rest)
        bounds = execution_list(text, self.left_open(index + len(rest), text))
        if bounds is None:
            self.in_text(p, index, generic=True, text=text)
            return
        for named in read_heads(text, *bounds, self.tokens):
            if not (named.generic and _CATAPHORA.match(text, named.end)):
                self.add(Mention(named.start, named.end, named.text, named.generic, False), index, "lead")

    def wrapped_article(self, index: int) -> tuple[str, list[int]]:
        """An article's text with the paragraphs a hard wrap cut from it ("Điều 2. Chánh Văn phòng ...;
        Giám đốc Sở" / "Y tế; ... chịu trách nhiệm thi hành"): while the text ends mid-sentence, the
        plain paragraph under it goes on (under a plain paragraph of an article, the article's next one:
        "Đề nghị Chủ tịch Ủy ban Mặt trận" / "Tổ quốc Việt Nam tỉnh ... phối hợp"); the line breaks read
        as spaces, so offsets stay the paragraph's.
        Returns the text and the paragraphs it took in."""
        paragraphs = self.doc.paragraphs
        p = paragraphs[index]
        end, rest = p.end, []
        for at in range(index + 1, min(index + 1 + MAX_ARTICLE_LINES, len(paragraphs))):
            q = paragraphs[at]
            if (self.doc.text[p.start:end].rstrip().endswith(SENTENCE_CLOSED) or q.role != "body" or q.marker
                    or not (q.parent == index or (p.role == "body" and q.parent == p.parent))):
                break
            end = q.end
            rest.append(at)
        if not rest:
            return p.text, []
        return self.doc.text[p.start:end].replace("\n", " "), rest

    def table_row(self, row: TaskRow) -> None:
        """A task table's row: the bodies of its lead cell lead the task, those of its coordinating cell
        coordinate; a generic body counts, as the column assigns it."""
        p = self.doc.paragraphs[row.paragraph]
        task = (p.start + row.task[0], p.start + row.task[1])
        for at, cells, role in ((row.lead_paragraph, row.leads, "lead"), (row.paragraph, row.coordinates, "coordinate")):
            text = self.doc.paragraphs[at].text
            for start, end in cells:
                for named in read_heads(text, start, end, self.tokens):
                    mention = Mention(named.start, named.end, named.text, named.generic, False)
                    self.add(mention, at, role, task=task)

    def addressees(self, p: Paragraph, index: int) -> None:
        """A letter's "Kính gửi: X" and each "- X;" under it: the bodies addressed lead. The cells of a
        flattened header table ("Kính gửi: | - Các đơn vị thuộc Bộ; |") read as the lines they were."""
        text = p.text.replace("|", " ")  # offsets kept
        opening = ADDRESSEE_OPENING.match(text)
        start = opening.end() if opening else 0
        for named in read_heads(text, start, len(text.rstrip(" ;.")), self.tokens):
            self.add(Mention(named.start, named.end, named.text, named.generic, False), index, "lead")

    def in_text(self, p: Paragraph, index: int, skip_subject: bool = False, generic: bool = False,
                text: Optional[str] = None) -> None:
        """The slots of a paragraph. ``generic``: a decision's article or a letter, where a generic body
        ("các sở, ngành liên quan") counts when it is assigned: coordinating, or the object of a
        directive that opens its clause ("Giao các sở, ngành ...", "Giao chỉ tiêu ... cho các sở,
        ngành"), not the subject of a clause nor the object of a verb after a predicate. ``text``: the
        paragraph's text with the lines a hard wrap cut from it (``wrapped_article``), if any."""
        text = p.text if text is None else text
        body_at = len(p.text) - len(p.body)
        directed: set[int] = set()  # cues whose directive named a body: no assignment slot there
        reported: Optional[list[tuple[int, int]]] = None  # what another act assigned, restated: no slot there
        for kind, pattern in SLOTS.items():
            if kind == "subject":
                if skip_subject:
                    continue
                at_starts = self.clause_starts(text, [body_at] + subject_slot_starts(pattern, text, body_at))
                starts = [(at, at) for at in at_starts]
            elif kind == "label" and ":" not in text:
                continue  # a role label ends with its colon ("Đơn vị thực hiện:")
            else:
                starts = word_slot_starts(kind, pattern, text, body_at)
            for cue, at in starts:
                if not self.could_open(text, at) or (kind == "assignment" and cue in directed):
                    continue
                if reported is None:  # read at the first slot that may open a name
                    reported = reported_clauses(text) + (cited_acts(text) if p.role == "preamble" else [])
                if any(start <= cue < end for start, end in reported):
                    continue
                if kind == "assignment" and not opens_clause(text, body_at, cue):
                    continue  # "X triển khai giao chỉ tiêu cho các đơn vị trực thuộc": X's own task, not theirs
                if kind == "subject" and LEAD_IN_RE.match(text, at):
                    continue  # "Đề nghị X ...": a directive
                tk = self.tokens(text, at)
                mentions, end = parse_list(tk, 0)
                self.distribute(mentions)
                generic_counts = generic or self.letter
                # heads named as the subject of "chịu trách nhiệm ...": the bodies are charged with it
                charged = (kind == "subject" and after_titles(text, at) > at
                           and RESPONSIBLE.match(text, tk.offset(end)) is not None)
                mentions = [x for x in mentions
                            if (not x.generic or (generic_counts and (charged or self.assigned(kind, text, body_at, cue, x))))
                            and (not x.kind or kind == "subject" or self.assigned(kind, text, body_at, cue, x))
                            and not self.cataphoric(tk, x)]
                if not mentions:
                    continue
                # "- Sở Y tế: chủ trì ...": a name and a colon open the paragraph
                labelled = kind == "subject" and at == body_at and tk.text(end) == ":"
                if kind in ("directive", "subject") and not (labelled or self.predicate_follows(tk, end)):
                    continue
                if kind == "directive" and self.cut_after(tk, end, index):
                    continue  # "... chỉ đạo UBND các xã, phường, th": the excerpt ends before saying what they do
                if kind == "label" and not (self.predicate_follows(tk, end) or self.list_closes(tk, end)):
                    continue  # "Đơn vị thực hiện: Ủy ban về ...": the name goes on past what was read
                if kind == "directive":
                    directed.add(cue)
                role = "coordinate" if self.asked_to_coordinate(kind, text, cue, tk.offset(end)) else (
                    slot_role(kind, pattern, text, cue))
                for x in mentions:
                    self.add(x, index, role)
                self.alias(text, mentions)

    @staticmethod
    def assigned(kind: str, text: str, body_at: int, cue: int, m: Mention) -> bool:
        """Whether a generic body ("các sở, ngành liên quan") is assigned where it stands, in a decision's
        article or a letter: coordinating, given something ("giao ... cho X"), asked or assigned to act
        ("đề nghị X", "yêu cầu X", "giao X": at the opening of a clause, or qualified, "các trường học
        trực thuộc", where a bare "các đơn vị" points back to the addressees), or directed at the opening
        of a clause ("Chỉ đạo các phòng ..."); not the subject of a clause, nor what a body guides
        ("hướng dẫn các cơ sở ... lập dự toán") or urges after its own predicate ("X chịu trách nhiệm
        hướng dẫn, đôn đốc các ngành ..."). A plan's abbreviation for a kind of body ("CSGD") counts
        by the same rule, in any document, and as the subject of a clause ("các CSGD tiến hành ...")."""
        if kind in ("coordinate", "responsibility", "assignment", "label"):
            return True
        if kind != "directive" or text[cue:cue + 10].lower().startswith("hướng dẫn"):
            return False  # what a body guides ("hướng dẫn các CSGD lập dự toán") is not put in charge
        if opens_clause(text, body_at, cue):
            return True
        return text[cue:cue + 12].lower().startswith(REQUEST_CUES) and (m.qualified or _qualifier_in(m.text))

    @staticmethod
    def asked_to_coordinate(kind: str, text: str, cue: int, end: int) -> bool:
        """A request whose bodies are asked only to coordinate ("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các
        tổ chức thành viên phối hợp thực hiện"): the issuer asks them to help, it puts them in charge of
        nothing. ``end``: where the list of bodies ends."""
        return (kind == "directive" and text[cue:cue + 7].lower() == "đề nghị"
                and _COORDINATING.match(text, end) is not None)

    @staticmethod
    def cataphoric(tk: Tokens, m: Mention) -> bool:
        """"các cơ quan, đơn vị sau đây": the bodies are the ones listed next, not this mention."""
        return m.generic and _CATAPHORA.match(tk.source, m.end) is not None

    @staticmethod
    def clause_starts(text: str, starts: list[int]) -> list[int]:
        """Capitalised clause starts, and where an opening adverbial ends ("Căn cứ ..., X")."""
        out = []
        for at in starts:
            intro = INTRO.match(text, at) if text[at:at + 1] in INTRO_LETTERS else None
            if intro:
                out.append(intro.end())
                # "Căn cứ chức năng, nhiệm vụ, X": the adverbial may hold commas of its own
                out += [m.end() for m in islice(COMMA.finditer(text, intro.end(), intro.end() + 80), 2)]
            elif text[at:at + 1].isupper():
                out.append(at)
        return out

    def could_open(self, text: str, at: int) -> bool:
        """A cheap test before tokenising: does the word at ``at`` open a body name?"""
        m = FIRST_WORD.match(text, at)
        if not m:
            return False
        word = m.group(0)
        low = word.lower()
        lengths = self.lex.lengths
        if low in lengths["office"]:
            return True  # "Thủ trưởng các Sở ...": a body named through its head
        if low in lengths["determiner"] and low not in lengths["head"] and low not in lengths["generic"]:
            # "các hoạt động": after a determiner, a unit noun or a level word must follow
            nxt = NEXT_WORD.match(text, m.end())
            if not nxt:
                return False
            second = nxt.group(1)
            return (second in self.abbr_heads or any(second.lower() in lengths[label] for label in ("head", "generic", "level")))
        return self.lex.opens(low) or word in self.abbr_heads or LEAD_IN_RE.match(text, at) is not None

    @staticmethod
    def predicate_follows(tk: Tokens, end: int) -> bool:
        """A predicate after the list: a task verb, or any lowercase word but a preposition, a
        determiner or a statement verb (the name already ended, so what follows it is what the body
        does; what it states or relays, "nhấn mạnh", "truyền đạt ý kiến", is no task)."""
        at = end + (1 if tk.text(end) == "," else 0)
        if tk.text(at) == "(":  # "Giao Công an tỉnh (Thường trực Ban Chỉ đạo ...) chịu trách nhiệm"
            depth = 0
            while tk.has(at):
                depth += {"(": 1, ")": -1}.get(tk.text(at), 0)
                at += 1
                if depth == 0:
                    break
        if tk.text(at) in ("-", "–") and tk.match("generic", at + 1):  # "X - cơ quan thường trực ..., chủ trì"
            at = next((k for k in range(at + 2, at + 16) if tk.match("verb", k) and not tk.is_cap(k)), at)
        if not tk.is_word(at) or tk.is_cap(at) or tk.match("statement", at):
            return False
        return tk.match("verb", at) > 0 or not (tk.match("stop", at) or tk.match("determiner", at))

    def left_open(self, index: int, text: str) -> bool:
        """Whether paragraph ``index`` (its ``text``) is the document's last and ends mid-sentence: the
        text was cut there (the opening of a page)."""
        return index == len(self.doc.paragraphs) - 1 and not text.rstrip().endswith(SENTENCE_CLOSED)

    def cut_after(self, tk: Tokens, end: int, index: int) -> bool:
        """Whether the document's text is cut right after the list: in its last paragraph, left open, at
        most the stub of one word follows the list (a comma aside)."""
        if not self.left_open(index, tk.source):
            return False
        at = end + (1 if tk.text(end) == "," else 0)
        return not tk.has(at) or (not tk.has(at + 1) and tk.end(at) == len(tk.source.rstrip()))

    @staticmethod
    def list_closes(tk: Tokens, end: int) -> bool:
        """The list ends its clause: the paragraph's end, or a '.', ';' or bracket after it."""
        return not tk.has(end) or tk.text(end) in (".", ";", "(")

    @staticmethod
    def distribute(mentions: list[Mention]) -> None:
        """'Hội đồng nhân dân, Ủy ban MTTQ Việt Nam các cấp': 'các cấp' applies to both."""
        for q in gazetteer()["distributive_qualifiers"]:
            for at, carrier in enumerate(mentions):
                if not carrier.text.endswith(" " + q):
                    continue
                for x in reversed(mentions[:at]):
                    if x.qualified or x.generic:
                        break
                    x.qualified = True
                    x.text = x.text + " " + q

    def alias(self, text: str, mentions: list[Mention]) -> None:
        """'Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111)' defines 'Tổng đài 111'."""
        for x in mentions:
            end = x.end
            m = re.match(r"\s*\((?:số\s+)?(?:điện\s+thoại\s+)?(\d{2,6})\)", text[end:end + 30])
            if m:
                head = text[x.start:end].split()[:2]
                self.aliases[body_key(" ".join(head) + " " + m.group(1))] = text[x.start:end]

    def issuer(self) -> Optional[Mention]:
        """The body that issues the plan: "Ban Thường vụ tỉnh Đoàn ban hành Kế hoạch ..."."""
        for p in self.doc.paragraphs:
            if p.role != "preamble":
                continue
            for verb in ISSUER_VERB.finditer(p.text):
                # the subject opens the clause the verb ends: after the last '.', ',', ';' or ':'
                at = max(p.text.rfind(c, 0, verb.start()) for c in ".,;:") + 1
                at += len(p.text[at:]) - len(p.text[at:].lstrip())
                tk = self.tokens(p.text, at)
                mentions, end = parse_list(tk, 0)
                if len(mentions) == 1 and tk.offset(end) == verb.start():
                    x = mentions[0]
                    x.text = strip_organ(x.text)
                    return x
        return None

    @staticmethod
    def level_matches(heading: str, issuer: str) -> bool:
        m = LEVEL_HEADING.match(heading)
        level = body_level("X " + m.group("level")) if m else None
        return level is not None and body_level(issuer) == level


def _opens_letter(text: str) -> bool:
    """Whether a paragraph shows a letter: its "Kính gửi", or the formula of a letter's directions."""
    return LETTER_OPENING.match(text) is not None or _letter_formula_in(text)


def _letter_formula_in(text: str) -> bool:
    """Whether ``LETTER_FORMULA`` stands in ``text``: tried only where its "ý" stands, from the "có" before the
    spaces before it (much faster than a search of the paragraph)."""
    for letter in ("ý", "Ý"):
        at = text.find(letter)
        while at >= 0:
            start = at
            while start and text[start - 1].isspace():
                start -= 1
            if 2 <= start < at and LETTER_FORMULA.match(text, start - 2):
                return True
            at = text.find(letter, at + 1)
    return False


@lru_cache(maxsize=1)
def _qualifiers() -> re.Pattern[str]:
    words = sorted(gazetteer()["qualifiers"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _qualifier_in(name: str) -> bool:
    """Whether a generic name says which bodies it means: "các trường học trực thuộc", "... liên quan"."""
    return _qualifiers().search(name) is not None


@dataclass
class TableTask:
    """A task table's row and the bodies that lead it (canonical names)."""

    row: TaskRow
    leads: list[str]


class BodyFinding:
    """What the bodies step found in a document: the ``Body`` records, and for the steps that read
    it (deadlines), who is put in charge in each paragraph and a reader of body names in any text."""

    def __init__(self, doc: Doc):
        self._finder = _Finder(doc)
        self._finder.run()
        self.bodies: list[Body] = _merge(doc, self._finder)

    def table_tasks(self) -> list[TableTask]:
        """The rows of the task tables, each with the canonical names of the bodies that lead it."""
        leads: dict[tuple[int, int], list[str]] = {}  # task cell → lead names
        for f in self._finder.found:
            if f.task is not None and f.role == "lead" and f.name not in leads.setdefault(f.task, []):
                leads[f.task].append(f.name)
        paragraphs = self._finder.doc.paragraphs
        return [TableTask(row, leads.get((paragraphs[row.paragraph].start + row.task[0],
                                          paragraphs[row.paragraph].start + row.task[1]), []))
                for row in self._finder.rows]

    def leads_by_paragraph(self) -> dict[int, list[str]]:
        """Canonical names of the bodies put in charge in each paragraph (addressee headings included)."""
        out: dict[int, list[str]] = {}
        for f in self._finder.found:
            if f.role == "lead" and f.name not in out.setdefault(f.paragraph, []):
                out[f.paragraph].append(f.name)
        return out

    def names_at(self, text: str, at: int) -> list[str]:
        """Canonical names of the specific bodies listed in ``text`` from offset ``at`` ("về Sở ...")."""
        finder = self._finder
        mentions, _ = parse_list(finder.tokens(text, at), 0)
        finder.distribute(mentions)
        names = []
        for m in mentions:
            if not m.generic:
                name = canonical(m.text, finder.abbrs)
                key = body_key(name)
                name = canonical(finder.aliases[key], finder.abbrs) if key in finder.aliases else name
                if name not in names:
                    names.append(name)
        return names


def find_bodies(doc: Doc) -> BodyFinding:
    """Run the slots over the document once; the result feeds ``PlanRecord.bodies`` and the deadlines."""
    return BodyFinding(doc)


def extract_bodies(doc: Doc) -> list[Body]:
    """Every distinct body the plan makes responsible, lead before coordinate, in document order."""
    return find_bodies(doc).bodies


def _merge(doc: Doc, finder: _Finder) -> list[Body]:
    bodies: dict[str, Body] = {}
    rank: dict[str, int] = {}
    order: list[str] = []
    names: dict[str, tuple[str, str]] = {}  # as written -> (canonical name, key): a body is named many times

    def name_and_key(written: str) -> tuple[str, str]:
        if written not in names:
            name = canonical(written, finder.abbrs)
            names[written] = name, body_key(name)
        return names[written]

    for f in finder.found:
        f.name, f.key = name_and_key(f.mention.text)
        if f.key in finder.aliases:  # "Tổng đài 111"
            f.name, f.key = name_and_key(finder.aliases[f.key])
    pointing_back = _pointing_back(finder.found)
    finder.found = [f for f in finder.found if f.name not in pointing_back]
    keys = {f.key for f in finder.found}
    tasks: dict[tuple, list[Task]] = {}  # a heading's (or a table row's) tasks, for each body it addresses
    task_starts: dict[str, set[int]] = {}  # per body, where its tasks start
    cores: dict[str, set[str]] = {}
    for k in keys:
        cores.setdefault(core_key(k), set()).add(k)
    for f in finder.found:
        key = f.key
        if not f.mention.qualified and key == core_key(key):
            fuller = cores.get(key, set()) - {key}
            if len(fuller) == 1:
                key = next(iter(fuller))  # "các phòng GDĐT" is "Phòng GDĐT quận, huyện, thị xã"
        p = doc.paragraphs[f.paragraph]
        r = 0 if f.heading else 1 if f.role == "lead" else 2
        span = doc.span(p.start + f.mention.start, p.start + f.mention.end)
        if key not in bodies:
            bodies[key] = Body(name=f.name, as_written=f.mention.text, role=f.role, section=p.section)
            rank[key] = r
            order.append(key)
        b = bodies[key]
        if r < rank[key]:
            b.name, b.as_written, b.section, rank[key] = f.name, f.mention.text, p.section, r
        if f.role == "lead":
            b.role = "lead"
        b.mentions.append(span)
        place = (f.paragraph, f.heading) if f.task is None else f.task
        if place not in tasks:
            tasks[place] = _tasks(doc, f)
        seen = task_starts.setdefault(key, set())
        for task in tasks[place]:
            if task.span.start not in seen:  # a task named twice is one task
                seen.add(task.span.start)
                b.tasks.append(task)
        if f.heading:
            finder.addressed.setdefault(f.paragraph, []).append(b.name)
    for b in bodies.values():
        b.level = body_level(b.name)  # type: ignore[assignment]  # the gazetteer's levels are the record's
    leads = [bodies[k] for k in order if bodies[k].role == "lead"]
    return leads + [bodies[k] for k in order if bodies[k].role != "lead"]


def _pointing_back(found: list[Found]) -> set[str]:
    """Bare plural bodies ("các trường") that two or more plural names of the same kind spell out ("các
    trường tiểu học", "các trường trung học cơ sở"): outside an addressee heading they point back to
    those, and are no body of their own."""
    plural = {f.name for f in found if f.name.startswith("các ")}
    spelled: dict[str, int] = {}  # "các trường" → how many plural names go on from it
    for name in plural:
        words = name.split()
        for n in range(2, len(words)):
            prefix = " ".join(words[:n])
            spelled[prefix] = spelled.get(prefix, 0) + 1
    bare = {f.name for f in found if f.mention.generic and not f.heading and f.name in spelled}
    return {name for name in bare if spelled[name] >= 2 and len(name.split()) <= 3}


def _tasks(doc: Doc, f: Found) -> list[Task]:
    """A heading's child items (or its own text when it has none); for a mention in running text, its
    paragraph; for a task table's row, its task cell."""
    p = doc.paragraphs[f.paragraph]
    if f.task is not None:
        start, end = f.task
        return [Task.built(text=doc.text[start:end], span=doc.span(start, end))]
    if f.heading:
        out = []
        for q in doc.paragraphs[f.paragraph + 1:]:
            if not _descends(doc, q, f.paragraph):
                break
            out.append(_task(doc, q))
        if out:
            return out
    return [_task(doc, p)]


def _task(doc: Doc, p: Paragraph) -> Task:
    body = p.body
    return Task.built(text=body, span=doc.span(p.start + len(p.text) - len(body), p.end))


def _descends(doc: Doc, q: Paragraph, ancestor: int) -> bool:
    seen = 0
    while q.parent is not None and seen < 12:
        if q.parent == ancestor:
            return True
        q = doc.paragraphs[q.parent]
        seen += 1
    return False
