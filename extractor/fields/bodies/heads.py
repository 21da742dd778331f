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
from .mentions import Mention, parse_mention
from .tokens import Tokens

# What ends an execution article's list: "... chịu trách nhiệm thi hành Quyết định này", "... căn cứ
# quyết định thi hành", "... tổ chức thực hiện Quyết định này".
EXECUTION = re.compile(
    r"(?:chịu\s+trách\s+nhiệm\s+(?:thi\s+hành|thực\s+hiện|tổ\s+chức\s+thực\s+hiện)"
    r"|căn\s+cứ\s+[Qq]uyết\s+định\s+thi\s+hành|thi\s+hành\s+[Qq]uyết\s+định\s+này"
    r"|tổ\s+chức\s+thực\s+hiện\s+[Qq]uyết\s+định\s+này)", re.IGNORECASE)
# What may open the list: "Điều 3.", "Các Ông (Bà):", "Các ông, bà:"
_OPENING = re.compile(r"^\s*(?:Điều\s+\d+\s*[.:]\s*)?(?:Các\s+[ôÔ]ng\s*(?:\(|,\s*)?[bB]à\)?\s*:?\s*)?")
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+|\s*[-–•+]\s+)")


@lru_cache(maxsize=1)
def _office_titles() -> tuple[str, ...]:
    return tuple(sorted(gazetteer()["office_titles"], key=len, reverse=True))


def _office_at(text: str, pos: int) -> int:
    """The end of the office titles at ``pos`` ("Giám đốc, Thủ trưởng "), or ``pos``."""
    moved = True
    while moved:
        moved = False
        low = text[pos:pos + 40].lower()
        for title in _office_titles():
            t = title.lower()
            if low.startswith(t) and (len(low) == len(t) or not low[len(t)].isalnum()):
                pos += len(title)
                sep = re.match(r"\s*(?:,\s*|và\s+)?", text[pos:])
                pos += sep.end() if sep else 0
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


def _elliptic(text: str, pos: int, end: int, unit: str) -> Iterator[Named]:
    """Items after "các Cục:" up to ``end``: known fields first ("Văn hóa, Thể thao và Du lịch"),
    else the words up to the next separator."""
    fields = sorted(gazetteer()["fields"], key=len, reverse=True)
    while pos < end:
        sep = _SEPARATOR.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        low = text[pos:end].lower()
        known = next((f for f in fields if low.startswith(f.lower())
                      and (len(low) == len(f) or not low[len(f)].isalnum())), None)
        if known:
            stop = pos + len(known)
        else:
            nxt = re.search(r"[;,]|\s+và\s+(?=[A-ZĐ])", text[pos:end])
            stop = pos + nxt.start() if nxt else end
        item = text[pos:stop].strip()
        if item and _office_at(text, pos) == pos:
            yield Named(f"{unit} {item}", pos, stop, False)
        elif item:  # an office title ends the elliptic list: the next item is a head of its own
            return
        pos = stop


def read_heads(text: str, start: int, end: int, tokens: Callable[[str, int], Tokens]) -> list[Named]:
    """Every body named in ``text[start:end]``, a list of heads and bodies."""
    out: list[Named] = []
    pos = start
    while pos < end:
        sep = _SEPARATOR.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        body_at = _office_at(text, pos)
        tk = tokens(text, body_at)
        m: Mention | None = parse_mention(tk, 0, heading=True)
        if m is None or m.start >= end:
            nxt = re.search(r"[;,]", text[pos:end])
            if not nxt:
                break
            pos += nxt.end()
            continue
        stop = min(m.end, end)
        after = text[stop:stop + 2]
        colon = re.match(r"\s*:\s*", text[stop:end])
        if colon and re.fullmatch(r"(?:các\s+)?\S+", m.text, re.IGNORECASE):  # "các Cục:", "các sở:"
            unit = m.text.split()[-1]
            unit = unit[0].upper() + unit[1:]
            items = list(_elliptic(text, stop + colon.end(), end, unit))
            out += items
            pos = items[-1].end if items else stop + colon.end()
            continue
        out.append(Named(text[m.start:stop], m.start, stop, m.generic))
        pos = stop if after else end
    return out


def execution_list(text: str) -> tuple[int, int] | None:
    """(start, end) of the list of heads an execution article names, if ``text`` is one."""
    clause = EXECUTION.search(text)
    if not clause:
        return None
    opening = _OPENING.match(text)
    start = opening.end() if opening else 0
    return (start, clause.start()) if clause.start() > start else None
