"""Lists of bodies named through their heads: a decision's execution article ("Chánh Văn phòng UBND
tỉnh, Giám đốc các Sở: Y tế, Tài chính; Chủ tịch UBND các huyện ... chịu trách nhiệm thi hành
Quyết định này") and a letter's addressees ("Kính gửi: - Giám đốc Sở Văn hóa, Thể thao và Du lịch").

Each item is read as: office titles ("Chánh", "Giám đốc", "Thủ trưởng", "Cục trưởng" ...,
``bodies.json`` ``office_titles``), then a body name parsed by the name parser. An elliptic list
after a unit noun and a colon ("Cục trưởng các Cục: Y tế dự phòng; Quản lý Dược") gives one body per
item, the unit noun before each ("Cục Y tế dự phòng", "Cục Quản lý Dược"). Generic bodies ("Thủ
trưởng các đơn vị có liên quan") count: the article names them as responsible.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import gazetteer
from .mentions import Mention, carry_determiner, parse_mention
from .tokens import Tokens

# What ends an execution article's list: "... chịu trách nhiệm thi hành Quyết định này", "... căn cứ
# quyết định thi hành", "... tổ chức thực hiện Quyết định này" ("chịu tránh nhiệm": its common misspelling).
EXECUTION = re.compile(
    r"(?:(?:chịu|có)\s+tr(?:ách|ánh)\s+nhiệm\s+(?:thi\s+hành|thực\s+hiện|tổ\s+chức\s+thực\s+hiện)"
    r"|căn\s+cứ\s+[Qq]uyết\s+định\s+thi\s+hành|thi\s+hành\s+[Qq]uyết\s+định\s+này"
    r"|tổ\s+chức\s+thực\s+hiện\s+[Qq]uyết\s+định\s+này)", re.IGNORECASE)
# What may open the list: "Điều 3.", the article's effect run on without its full stop ("Điều 2. Quyết
# định này có hiệu lực kể từ ngày ký" / "Chánh Văn phòng ..."), "Các Ông (Bà):", "Các ông, bà:"
_OPENING = re.compile(
    r"^\s*(?:Điều\s+\d+\s*[.:]\s*)?"
    r"(?:Quyết\s+định\s+này\s+có\s+hiệu\s+lực\s+(?:thi\s+hành\s+)?(?:kể\s+)?từ\s+ngày\s+ký(?:\s+ban\s+hành)?\s*[.,;]?\s*)?"
    r"(?:Các\s+[ôÔ]ng\s*(?:\(|,\s*)?[bB]à\)?\s*:?\s*)?")
_ADDRESS = re.compile(r"Các\s+[ôÔ]ng", re.IGNORECASE)  # the address of the heads that execute ("Các ông, bà:")
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+|\s*[-–•+]\s+)")


@lru_cache(maxsize=1)
def _office_titles() -> tuple[str, ...]:
    return tuple(sorted(gazetteer()["office_titles"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _lowercase_titles() -> tuple[str, ...]:
    """The office titles in lowercase, longest first."""
    return tuple(title.lower() for title in _office_titles())


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(u.lower() for u in gazetteer()["unit_nouns"])


_TITLE_SEPARATOR = re.compile(r"\s*(?:,\s*|và\s+)?")


def after_titles(text: str, pos: int) -> int:
    """The end of the office titles at ``pos`` ("Giám đốc, Thủ trưởng "), or ``pos``. A title that
    holds its unit noun ("Trưởng phòng Nội vụ") ends before it: the unit opens the body's name."""
    titles = _lowercase_titles()
    moved = True
    while moved:
        moved = False
        low = text[pos:pos + 40].lower()
        if not low.startswith(titles):  # one test before trying each title
            break
        for title, t in zip(_office_titles(), titles):
            if low.startswith(t) and (len(low) == len(t) or not low[len(t)].isalnum()):
                first, _, unit = t.partition(" ")
                if first == "trưởng" and unit in _units():
                    return pos + len(first) + 1  # "Trưởng phòng Nội vụ" is the head of the Phòng Nội vụ
                pos += len(title)
                sep = _TITLE_SEPARATOR.match(text, pos)
                pos = sep.end() if sep else pos
                moved = True
                break
    return pos


@dataclass
class Named:
    """A body named in a list of heads: its name as written (or made from an elliptic list) and where."""

    text: str
    start: int  # offsets into the paragraph text
    end: int
    generic: bool


@lru_cache(maxsize=1)
def _fields() -> tuple[str, ...]:
    return tuple(sorted(gazetteer()["fields"], key=len, reverse=True))


_FIELD_END = re.compile(r"\s*(?:$|[;,.]|và\s)")


def _known_field(text: str, pos: int, end: int) -> str | None:
    """The field of the gazetteer written whole at ``pos`` ("Văn hóa, Thể thao và Du lịch"), if one is:
    a separator or the end follows it ("Y tế" is no field of "Y tế dự phòng")."""
    low = text[pos:end].lower()
    return next((f for f in _fields() if low.startswith(f.lower()) and _FIELD_END.match(low, len(f))), None)


def _elliptic(text: str, pos: int, end: int, unit: str, opens_body: Callable[[int], bool]) -> Iterator[Named]:
    """Items after "các Cục:" up to ``end``, split by the list's own separator (the first "," or ";"
    after the colon; a ";" ends a list split by ","), a known field read whole ("Văn hóa, Thể thao và
    Du lịch"), a "và" splitting only before a known field. An item that opens with a head's title or
    a unit noun of its own ("Giám đốc Đài ...", "Bộ Chỉ huy ...") ends the list."""
    first = re.search(r"[;,]", text[pos:end])
    own = first.group(0) if first else ";"
    while pos < end:
        sep = re.compile(r"\s*;\s*(?:và\s+)?" if own == ";" else r"\s*,\s*(?:và\s+)?|\s+và\s+").match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        if text[pos:pos + 1] == ";" or after_titles(text, pos) != pos or opens_body(pos):
            return
        known = _known_field(text, pos, end)
        if known:
            stop = pos + len(known)
        else:
            stop = _item_end(text, pos, end, own)
        item = text[pos:stop].strip()
        if item:
            yield Named(f"{unit} {item}", pos, stop, False)
        pos = stop


def _item_end(text: str, pos: int, end: int, own: str) -> int:
    """Where an item of an elliptic list ends: at the list's separator (or a ";"), or before a "và"
    that a known field follows ("Tài chính và Giáo dục và Đào tạo")."""
    stop = re.compile(r"[;]" if own == ";" else r"[;,]").search(text, pos, end)
    limit = stop.start() if stop else end
    for joined in re.finditer(r"\s+và\s+", text[pos:limit]):
        if _known_field(text, pos + joined.end(), limit):
            return pos + joined.start()
    return limit


def read_heads(text: str, start: int, end: int, tokens: Callable[[str, int], Tokens]) -> list[Named]:
    """Every body named in ``text[start:end]``, a list of heads and bodies.

    A title that names its unit and stands alone is the head of every such unit ("Bộ trưởng, Thủ
    trưởng ..." → "các Bộ"), and a kind of body after a title is every one of them ("Thủ trưởng cơ
    quan ngang bộ" → "các cơ quan ngang bộ"). The bodies under one title share the localities the
    last of them names ("Giám đốc Sở Y tế, Trung tâm Kiểm soát bệnh tật các tỉnh, thành phố": the
    Sở Y tế of each province too)."""
    out: list[Named] = []
    group: list[Named] = []  # the bodies named under the current title
    plural = _PLURAL_TITLES.match(text, start)
    pos = plural.end() if plural and after_titles(text, plural.end()) > plural.end() else start
    while pos < end:
        sep = _SEPARATOR.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        titled = _unit_title(text, pos, end)
        if titled is not None:  # "Bộ trưởng," alone: the head of each Bộ
            name, stop = titled
            if not _named_after(text, stop, name):
                out.append(Named(f"các {name}", pos, stop, True))
            pos = stop
            continue
        body_at = after_titles(text, pos)
        bare = _bare_unit(text, body_at, end) if body_at > pos else None
        if bare is not None:  # "Giám đốc Sở,": the head of each Sở
            name, stop = bare
            out.append(Named(f"các {name.lower()}", body_at, stop, True))
            group, pos = [], stop
            continue
        organ = _organ_at(text, body_at)  # "Thường trực Ban Chỉ đạo ...": the standing organ, kept as written
        tk = tokens(text, organ)
        m: Mention | None = parse_mention(tk, 0, heading=True)
        if m is not None and organ > body_at:
            m = Mention(body_at, m.end, text[body_at:m.end], m.generic, m.qualified, m.token_end)
        if m is None or m.start >= end:
            nxt = re.compile(r"[;,]\s*").search(text, pos, end)
            if not nxt:
                break
            pos = nxt.end()
            continue
        stop = min(m.end, end)
        after = text[stop:stop + 2]
        colon = re.match(r"\s*:\s*", text[stop:end])
        if colon and re.fullmatch(r"(?:các\s+)?\S+", m.text, re.IGNORECASE):  # "các Cục:", "các sở:"
            noun = m.text.split()[-1]
            items = list(_elliptic(text, stop + colon.end(), end, noun[0].upper() + noun[1:],
                                   lambda at: parse_mention(tokens(text, at), 0) is not None))
            out += items
            pos = items[-1].end if items else stop + colon.end()
            continue
        written = text[m.start:stop]
        if body_at > pos and tk.match("generic", 0) and not tk.is_cap(0):
            written = "các " + written  # "Thủ trưởng cơ quan ngang bộ": the head of each
        elif body_at == pos and group:
            written = carry_determiner(tk, 0, group[-1].text, written)  # "Các Bộ, cơ quan ngang bộ"
        named = Named(written, m.start, stop, m.generic)
        group = [named] if body_at > pos else [*group, named]
        shared = _LOCALITIES.search(written) if len(group) > 1 else None
        if shared is not None:
            for earlier in group[:-1]:
                if not _LEVEL_WORD.search(earlier.text):
                    earlier.text = f"{earlier.text} {shared.group(1)}"
        out.append(named)
        pos = stop if after else end
    return out


# "... các tỉnh, thành phố trực thuộc Trung ương" closing a name: localities every body of its group shares
_LOCALITIES = re.compile(r"\s(các\s+(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)\b.*)$")
_LEVEL_WORD = re.compile(r"\b(?:tỉnh|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn|Trung\s+ương|cấp)\b",
                         re.IGNORECASE)


# "Các Bộ trưởng, Thủ trưởng ...": "Các" before the first title makes the list plural (before a body,
# "Các Bộ, cơ quan ngang bộ", it is the body's own)
_PLURAL_TITLES = re.compile(r"[Cc]ác\s+(?=[A-ZĐ])")


@lru_cache(maxsize=1)
def _unit_titles() -> re.Pattern[str]:
    """The titles that name their unit ("Bộ trưởng", "Cục trưởng", "Chi cục trưởng"), the unit as a group."""
    units = {u.lower() for u in gazetteer()["unit_nouns"]}
    named = sorted((t[:-len(" trưởng")] for t in gazetteer()["office_titles"]
                    if t.lower().endswith(" trưởng") and t[:-len(" trưởng")].lower() in units), key=len, reverse=True)
    return re.compile(r"(?P<unit>" + "|".join(re.escape(u) for u in named) + r")\s+trưởng\s*(?=[,;]|$)", re.IGNORECASE)


def _unit_title(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """("Bộ", end) for a title that names its unit and stands alone at ``pos`` ("Bộ trưởng,")."""
    m = _unit_titles().match(text[:end], pos)
    if not m:
        return None
    unit = m.group("unit")
    return unit[0].upper() + unit[1:], m.end()


_BARE_UNIT = re.compile(r"(?P<unit>[A-ZĐ]\w*)(?=\s*(?:[,;]|và\s|$))")


def _bare_unit(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """(unit noun, end) for a one-word unit noun standing bare after a title at ``pos`` ("Giám đốc Sở, ..."):
    the title heads every such unit."""
    m = _BARE_UNIT.match(text[:end], pos)
    return (m.group("unit"), m.end()) if m and m.group("unit").lower() in _units() else None


def _named_after(text: str, pos: int, unit: str) -> bool:
    """Whether the bodies after the next titles are the title's own units ("Vụ trưởng, Cục trưởng các Vụ,
    Cục ..."): then the title heads those, not every such unit."""
    sep = _SEPARATOR.match(text, pos)
    at = after_titles(text, sep.end() if sep else pos)
    return re.match(rf"(?:các\s+)?{re.escape(unit)}\b", text[at:at + 40], re.IGNORECASE) is not None


@lru_cache(maxsize=1)
def _organs() -> re.Pattern[str]:
    organs = sorted(gazetteer()["organs"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(o) for o in organs) + r")\s+(?=[A-ZĐ])", re.IGNORECASE)


def _organ_at(text: str, pos: int) -> int:
    """The end of a standing organ's name at ``pos`` ("Thường trực " before "Ban Chỉ đạo"), or ``pos``."""
    m = _organs().match(text, pos)
    return m.end() if m else pos


def execution_list(text: str, cut: bool = False) -> tuple[int, int] | None:
    """(start, end) of the list of heads an execution article names, if ``text`` is one. ``cut``: the
    text is a document's last paragraph, cut mid-sentence (the opening of a page); an article that
    addresses its heads ("Các ông, bà: Chánh Văn phòng …; Giám đốc Sở Nội vụ; Chủ t") is one though
    its clause is lost: the list runs to its last separator, the stub after it left out."""
    opening = _OPENING.match(text)
    start = opening.end() if opening else 0
    clause = EXECUTION.search(text)
    if clause:
        return (start, clause.start()) if clause.start() > start else None
    if not (cut and opening and _ADDRESS.search(opening.group())):
        return None
    end = max(text.rfind(";", start), text.rfind(",", start))
    return (start, end) if end > start else None
