"""Canonical names of public bodies: abbreviations expanded, hyphens and spaces normalised.

``canonical_name("Sở LĐ-TB&XH")`` gives ``"Sở Lao động - Thương binh và Xã hội"``.
Abbreviations come from ``data/abbreviations.json`` plus those a plan defines itself
("Sở Giáo dục và Đào tạo (GDĐT)", "(sau đây gọi tắt là CSGD)"), passed as ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Optional

from ..grammar import unit_nouns
from ..resources import data_json, entries
from ..tones import clean

# Units whose abbreviation is also an ordinary word; expanded only after a unit noun.
_AMBIGUOUS = {"TE", "CA", "TP", "TX", "TT"}
# A unit noun of the gazetteer ("Sở", "Trung tâm", "Ủy ban nhân dân"), "ngành", or UBND.
_UNIT_NOUNS = "(?:" + "|".join(n.replace(" ", r"\s+") for n in unit_nouns()) + r"|[Nn]gành|UBND)"


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return entries(data_json("abbreviations.json"))


def _pattern(keys: list[str]) -> re.Pattern[str]:
    # Longest first so "UBMTTQVN" wins over "UBMTTQ"; word boundaries that respect Vietnamese letters.
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alts})(?![\w&])")


@lru_cache(maxsize=64)
def _compiled(extra_items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    table = {k: v for k, v in abbreviations().items() if k not in _AMBIGUOUS}
    table.update(dict(extra_items))
    return _pattern(list(table)), table


_SPACED_HYPHEN = re.compile(r"\s*[-–—]\s+|\s+[-–—]\s*")
# An ambiguous abbreviation is expanded only after a unit noun or another abbreviation.
_AMBIG_AFTER_UNIT = re.compile(
    rf"((?:{_UNIT_NOUNS}|\b[A-ZĐ][A-ZĐ&,-]+)\s+)({'|'.join(sorted(_AMBIGUOUS))})(?![\w&])"
)


def normalise_spacing(name: str) -> str:
    """Collapse whitespace and write every spaced or half-spaced dash as ' - '."""
    if "-" in name or "–" in name or "—" in name:
        name = _SPACED_HYPHEN.sub(" - ", name)
    # "Lao động- Thương binh" (space after only) is covered above; "Lao động -Thương" too.
    return " ".join(name.split()).strip(" ,;:.")


# "GD & ĐT": an abbreviation spaced around its ampersand, written "GD&ĐT" before it is looked up.
_SPACED_AMPERSAND = re.compile(r"(?<=[A-ZĐ])\s+&\s+(?=[A-ZĐ]{2})|(?<=[A-ZĐ]{2})\s+&\s+(?=[A-ZĐ])")


def expand_abbreviations(name: str, extra: Optional[Mapping[str, str]] = None,
                         keep: frozenset[str] = frozenset()) -> str:
    """``name`` with its abbreviations written out, but those in ``keep``."""
    full = abbreviations()
    if "&" in name:
        name = _SPACED_AMPERSAND.sub("&", name)
    if any(key in name for key in _AMBIGUOUS):  # a cheap test before the pattern
        name = _AMBIG_AFTER_UNIT.sub(lambda m: m.group(1) + full[m.group(2)], name)
    pattern, table = _compiled(tuple(sorted((extra or {}).items())))
    return pattern.sub(lambda m: m.group(0) if m.group(0) in keep else table[m.group(0)], name)


@lru_cache(maxsize=1)
def name_abbreviations() -> frozenset[str]:
    """The initials organisations write in their own names ("Đoàn TNCS Hồ Chí Minh"), kept."""
    return frozenset(data_json("bodies.json")["name_abbreviations"])


_AMPERSAND = re.compile(r"\s*&\s*")


def canonical_name(name: str, extra: Optional[Mapping[str, str]] = None) -> str:
    """The canonical form of a body's name as gold annotations write it."""
    name = expand_abbreviations(name, extra)
    name = normalise_spacing(name)
    # "Lao động - Thương binh & Xã hội" -> "và"
    return _AMPERSAND.sub(" và ", name) if "&" in name else name


# ---------------------------------------------------------------- names written in capitals

_LEVEL_WORDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
_SEGMENT_BREAK = re.compile(r"(\s+-\s+|,\s+|\s+và\s+)")


@lru_cache(maxsize=1)
def _known_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The gazetteer's unit nouns and field names, longest first, as units write them."""
    bodies = data_json("bodies.json")
    by_length = lambda names: tuple(sorted(names, key=len, reverse=True))  # noqa: E731
    return by_length(bodies["unit_nouns"]), by_length(bodies["fields"])


def known_fields() -> tuple[str, ...]:
    """The gazetteer's fields of bodies ("Giáo dục và Đào tạo"), longest first."""
    return _known_phrases()[1]


def _starts_with(text: str, phrases: tuple[str, ...]) -> Optional[str]:
    low = text.lower()
    for phrase in phrases:
        if low.startswith(phrase.lower()) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
            return phrase
    return None


@lru_cache(maxsize=1024)
def _dash_optional(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a pattern whose dashes may be lost ("LAO ĐỘNG" / "THƯƠNG BINH VÀ XÃ HỘI": a header
    wrapped where its hyphen stood), ending at a word's end; case ignored."""
    parts = [re.escape(part).replace(r"\ ", r"\s+") for part in phrase.split(" - ")]
    return re.compile(r"\s*(?:[-–—]\s*)?".join(parts) + r"(?!\w)", re.IGNORECASE)


def _field_at(text: str, fields: tuple[str, ...]) -> Optional[tuple[str, int]]:
    """The known field ``text`` opens with, its dashes as written or lost, and how much of ``text`` it takes."""
    for phrase in fields:
        m = _dash_optional(phrase).match(text)
        if m:
            return phrase, m.end()
    return None


def _field_case(words: str) -> str:
    """"DÂN SỐ - KẾ HOẠCH HÓA GIA ĐÌNH" → "Dân số - Kế hoạch hóa gia đình": the first word of each
    part capitalised, the way ministries' and departments' fields are written."""
    parts = _SEGMENT_BREAK.split(words.lower())
    return "".join(p if _SEGMENT_BREAK.fullmatch(p) else p[:1].upper() + p[1:] for p in parts)


def _level_at(text: str) -> int:
    """Where the first level word inside ``text`` starts (" TỈNH NINH THUẬN"), or -1."""
    return min((text.lower().find(" " + w + " ") for w in _LEVEL_WORDS if " " + w + " " in text.lower() + " "),
               default=-1)


@lru_cache(maxsize=1)
def _organs() -> frozenset[str]:
    """The leading organs of an organisation ("Ban Chấp hành", "Ban Thường vụ"), before its name."""
    return frozenset(data_json("bodies.json")["organs"])


# "Trung ương" before an organisation's name: "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN ...", "... TRUNG ƯƠNG HỘI ...".
_CENTRAL_ORGANISATION = re.compile(r"trung\s+ương\s+", re.IGNORECASE)


def name_from_capitals(text: str) -> str:
    """A body's name set in capitals, as the body writes it: the unit noun and the field as the
    gazetteer spells them, a level word in lower case with its place as the place is spelt,
    abbreviations expanded.

        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh và Xã hội"
        "UỶ BAN NHÂN DÂN TỈNH VĨNH LONG"      → "Ủy ban nhân dân tỉnh Vĩnh Long"
        "TRƯỜNG TH TÂN MỸ"                     → "Trường Tiểu học Tân Mỹ"
        "TỔNG CỤC DÂN SỐ- KẾ HOẠCH HÓA GIA ĐÌNH" → "Tổng cục Dân số - Kế hoạch hóa gia đình"
        "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH" → "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"

    An organisation's own initials stay ("TNCS", ``name_abbreviations``), and its name after
    "Trung ương" is read as a name of its own.
    """
    from .places import place_case

    text = expand_abbreviations(normalise_spacing(clean(text)), keep=name_abbreviations())
    units, fields = _known_phrases()
    out: list[str] = []
    unit = _starts_with(text, units)
    rest = text
    if unit:
        out.append(unit)
        rest = text[len(unit):].strip()
        if rest and rest.split()[0] in name_abbreviations():  # "ĐOÀN TNCS HỒ CHÍ MINH": its own name
            cut = _level_at(rest)
            out.append(place_case(rest if cut < 0 else rest[:cut]))
            rest = "" if cut < 0 else rest[cut:].strip()
    elif text.split()[0] in abbreviations():  # "UBND TỈNH X"
        first = text.split()[0]
        out.append(abbreviations()[first])
        rest = text[len(first):].strip()
    if unit == "Trường":  # the kind of school, then its name: a place-like proper name
        grades = data_json("bodies.json")["school_grade_abbreviations"]
        first, _, after = rest.partition(" ")
        kind = grades.get(first) or _starts_with(rest, tuple(g.upper() for g in data_json("bodies.json")["school_grades"]))
        if first in grades:
            out.append(grades[first])
            rest = after
        elif kind:
            out.append(kind.lower().capitalize() if kind.isupper() else kind)
            rest = rest[len(kind):].strip()
        return " ".join(out + ([place_case(rest)] if rest else []))
    while rest:
        level = _starts_with(rest, _LEVEL_WORDS)
        if level:
            place = rest[len(level):].strip()
            out += [level] + ([place_case(place)] if place else [])
            break
        known = _field_at(rest, fields) or ((rest.split()[0], len(rest.split()[0]))
                                            if rest.split()[0] in abbreviations() else None)
        if known:
            field, taken = known
            out.append(abbreviations().get(field, field))
            rest = rest[taken:].strip()
            if rest and not _starts_with(rest, _LEVEL_WORDS):  # what follows a known field is its place
                out.append(place_case(rest))
                break
            continue
        if unit in _organs() and _starts_with(rest, units):  # "BAN CHẤP HÀNH ĐOÀN ...": the organisation's name
            out.append(name_from_capitals(rest))
            break
        central = _CENTRAL_ORGANISATION.match(rest)
        if central and _starts_with(rest[central.end():], units):  # "TRUNG ƯƠNG ĐOÀN ...": the organisation's name
            out += ["Trung ương", name_from_capitals(rest[central.end():])]
            break
        cut = _level_at(rest)
        words = rest if cut < 0 else rest[:cut]
        out.append(_field_case(words))
        rest = "" if cut < 0 else rest[cut:].strip()
    return " ".join(out)

