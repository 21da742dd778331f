"""Canonical names, merge keys and administrative levels of bodies."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Optional

from ...tones import clean
from ..names import canonical_name
from ..places import provinces
from .lexicon import Lexicon, gazetteer, level_words
from .tokens import Tokens


@lru_cache(maxsize=1)
def _field_fixes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """"Giáo dục Đào tạo" → "Giáo dục và Đào tạo": a field of the gazetteer written without its "và" (one
    that no other field spells with the same words). Each pattern comes with the last part of its field, which the name must contain for it to apply."""
    out = []
    fields = gazetteer()["fields"]
    for name in fields:
        if " và " in name and not _ambiguous_field(name, fields):
            left, right = name.rsplit(" và ", 1)
            loose = r"\s*[,&-]?\s*".join(re.escape(w) for w in left.split())
            out.append((right, re.compile(rf"(?<!\w)({loose})\s+(?:[,&-]\s*)?({re.escape(right)})(?!\w)")))
    return tuple(out)


@lru_cache(maxsize=1)
def _hyphen_fixes() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """"Lao động Thương binh và Xã hội" → "Lao động - Thương binh và Xã hội": a field written in full, its
    "và" part too, but without a hyphen of its own. Each pattern comes with the field's last part, which the
    name must contain for it to apply, and the field."""
    out = []
    for name in gazetteer()["fields"]:
        if " - " in name and " và " in name:
            parts = [r"\s+".join(re.escape(w) for w in part.split()) for part in name.split(" - ")]
            pattern = re.compile(r"(?<!\w)" + r"(?:\s*-\s*|\s+)".join(parts) + r"(?!\w)", re.IGNORECASE)
            out.append((name.rsplit(" ", 1)[-1], name, pattern))
    return tuple(out)


def _field_words(name: str) -> tuple[str, ...]:
    """A field's words without its joiners: "Văn hóa - Thông tin" and "Văn hóa và Thông tin" are ("văn", "hóa",
    "thông", "tin")."""
    return tuple(w for w in re.findall(r"\w+", name.lower()) if w != "và")


def _ambiguous_field(name: str, fields: list[str]) -> bool:
    """Whether another field has the same words joined otherwise ("Văn hóa - Thông tin" beside "Văn hóa và
    Thông tin"): the words written bare ("Văn hóa Thông tin") do not say which, and are kept as written."""
    words = _field_words(name)
    return any(other != name and _field_words(other) == words for other in fields)


# A determiner opening a name, written in lower case in the canonical name ("Các sở" → "các sở").
_DETERMINER = re.compile(r"^(?:[Cc]ác|[Mm]ỗi|[Tt]ừng)\s+")
_DETERMINERS_WRITTEN = ("Các", "các", "Mỗi", "mỗi", "Từng", "từng")  # what ``_DETERMINER`` opens with


def canonical(name: str, extra: Mapping[str, str]) -> str:
    """The body's canonical name: abbreviations expanded, dashes ' - ', fields written in full."""
    name = canonical_name(name, extra)
    for right, pattern in _field_fixes():
        if right in name:
            name = pattern.sub(lambda m: m.group(1) + " và " + m.group(2), name)
    for last, field, pattern in _hyphen_fixes():
        if last in name:
            name = pattern.sub(field, name)
    if name.startswith(_DETERMINERS_WRITTEN):
        name = _DETERMINER.sub(lambda m: m.group(0).lower(), name)
    name = _plural_localities(name)
    if name.startswith(("các trường ", "các Trường ")):
        name = _school_kinds(name)
    if name[:1].islower() and not name.startswith(("các ", "mỗi ", "từng ", "những ")):
        head = Lexicon.load().phrases["head"]
        first = name.split()[0]
        if (first.lower(),) in head or tuple(name.lower().split()[:2]) in head:
            name = name[0].upper() + name[1:]
    return name


def _plural_localities(name: str) -> str:
    """"các UBND huyện, thị xã" → "Ủy ban nhân dân các huyện, thị xã": a body that each locality has
    (one an abbreviation stands for: UBND, HĐND) is named in the plural through its localities."""
    words = name.split()
    if len(words) < 3 or words[0] != "các":
        return name
    lex = Lexicon.load()
    for body in sorted(lex.spelled_heads.get(words[1].lower(), ()), key=len, reverse=True):
        n = len(body)
        if tuple(w.lower() for w in words[1:1 + n]) == body and len(words) > 1 + n:
            level = words[1 + n].lower().strip(",")
            if level in level_words() and level not in ("các", "cấp"):  # not "các UBND cấp xã"
                return " ".join(words[1:1 + n] + ["các"] + words[1 + n:])
    return name


@lru_cache(maxsize=1)
def _kinds() -> tuple[re.Pattern[str], dict[str, str]]:
    g = gazetteer()
    kinds = {k: v.lower() for k, v in {**g["school_grade_abbreviations"], **g["school_kind_abbreviations"],
                                        **g["school_sector_abbreviations"]}.items()}
    return re.compile(r"\b(" + "|".join(sorted(kinds, key=len, reverse=True)) + r")\b"), kinds


def _school_kinds(name: str) -> str:
    """"các trường THCS", "các trường MN - MG (CL - NCL)": the kinds (and sectors) of school a plural mention
    names, written out."""
    pattern, kinds = _kinds()
    head, rest = name[:len("các trường ")], name[len("các trường "):]
    return "các trường " + pattern.sub(lambda m: kinds[m.group(1)], rest) if head.lower() == "các trường " else name


_KEY_DROP = re.compile(r"^(?:các|mỗi|từng|những)\s+|\s+(?:trực\s+thuộc|có\s+liên\s+quan|liên\s+quan)$")
# What a key opens or closes with where ``_KEY_DROP`` drops words: the test before the pattern.
_KEY_DROP_HEADS = ("các", "mỗi", "từng", "những")
_KEY_DROP_TAILS = ("thuộc", "quan")
_KEY_PUNCT = re.compile(r"[-–—,;&.]")


def body_key(name: str) -> str:
    """A folded key under which mentions of one body merge (hyphens, commas, 'các' ignored)."""
    key = " ".join(_KEY_PUNCT.sub(" ", clean(name).casefold()).split())  # one space between words
    while key.startswith(_KEY_DROP_HEADS) or key.endswith(_KEY_DROP_TAILS):
        dropped = _KEY_DROP.sub("", key).strip()
        if dropped == key:
            break
        key = dropped
    return _without_plural_levels(key)


def _without_plural_levels(key: str) -> str:
    """'ủy ban nhân dân các quận huyện' → 'ủy ban nhân dân quận huyện': "các" before the level words
    a name closes with says each of them, which the bare level words say too ("UBND quận, huyện").
    ``key``: words one space apart."""
    if " các " not in key:
        return key
    words = key.split()
    levels = level_words()
    kept = [w for at, w in enumerate(words) if not (w == "các" and at and at + 1 < len(words) and words[at + 1] in levels)]
    return " ".join(kept)


def core_key(key: str) -> str:
    """The key without trailing level words: 'phòng giáo dục và đào tạo quận huyện thị xã' → '... đào tạo'."""
    words = key.split()
    levels = level_words()
    while words and words[-1] in levels:
        words.pop()
    return " ".join(words)


def body_level(name: str) -> Optional[str]:
    """The administrative level a body's name shows, if any.

    A level word after the unit noun decides ("Ủy ban nhân dân các xã" → commune,
    "Nhà Thiếu nhi tỉnh" → province); then words naming a school or the nation;
    then the unit noun itself (Sở → province, Cục → national, Phòng → department).
    """
    g = gazetteer()
    low = name.lower()
    if any(w in low for w in g["school_words"]):
        return "school"
    if any(w in name for w in _level_openers()):  # the test before tokenising
        tk = Tokens(name, 0, Lexicon.load())
        k = 1
        while tk.has(k):
            n = tk.match("level", k)
            if n and not tk.is_cap(k):
                level = g["level_words"].get(" ".join(tk.texts[k:k + n]))
                if level:
                    return level
            k += 1
    if any(w in name for w in g["national_words"]):
        return "national"
    pattern, levels = _head_levels()
    head = pattern.match(name)
    return levels[head.group(0).lower()] if head else None


@lru_cache(maxsize=1)
def _level_openers() -> tuple[str, ...]:
    """The first words of the level words that give a level, as written ("tỉnh", "thị", "cấp"): a name
    holds one where its level words stand."""
    return tuple(sorted({words.split()[0] for words, level in gazetteer()["level_words"].items() if level}))


@lru_cache(maxsize=1)
def _head_levels() -> tuple[re.Pattern[str], dict[str, str]]:
    """The unit nouns that imply a level as one pattern, longest first ("Tỉnh Đoàn" before "Đoàn"),
    and the level of each (by lowercase noun)."""
    levels = gazetteer()["head_levels"]
    heads = sorted(levels, key=len, reverse=True)
    pattern = re.compile(r"(?i)(?:" + "|".join(re.escape(h) for h in heads) + r")\b")
    return pattern, {h.lower(): level for h, level in levels.items()}


@lru_cache(maxsize=1)
def _organ_prefix() -> re.Pattern[str]:
    organs = "|".join(re.escape(o) for o in sorted(gazetteer()["organs"], key=len, reverse=True))
    return re.compile(rf"^(?:{organs})\s+(?=\S)", re.I)


def strip_organ(name: str) -> str:
    """'Ban Thường vụ tỉnh Đoàn' → 'Tỉnh Đoàn': the organisation, not its standing organ."""
    rest = _organ_prefix().sub("", name)
    return rest[0].upper() + rest[1:] if rest != name and rest else name




# "các Vụ, Cục thuộc Bộ Y tế": capitalised unit nouns listed bare after a determiner, then what they belong to
_UNITS_OF = re.compile(r"^(?P<det>các|mỗi|những)\s+(?P<units>[^,]+?(?:,\s*[^,]+?)+?)\s+(?P<of>(?:trực\s+)?thuộc\s+\S.*)$")


def expand_ellipsis(name: str) -> list[str]:
    """The bodies a name written as an elliptic list stands for, each written out: the units of one
    body ("các Vụ, Cục thuộc Bộ Y tế" → "các Vụ thuộc Bộ Y tế", "các Cục thuộc Bộ Y tế") and one kind of
    body in several provinces ("Bệnh viện Phổi Nam Định, Thái Bình" → "Bệnh viện Phổi Nam Định",
    "Bệnh viện Phổi Thái Bình"); any other name is itself."""
    if "," not in name:
        return [name]
    return _units_of(name) or _in_provinces(name) or [name]


def _units_of(name: str) -> list[str]:
    m = _UNITS_OF.match(name)
    if not m:
        return []
    units = [u.strip() for u in m.group("units").split(",")]
    head = Lexicon.load().phrases["head"]
    if not all(u[:1].isupper() and tuple(u.lower().split()) in head for u in units):
        return []
    return [f"{m.group('det')} {u} {m.group('of')}" for u in units]


@lru_cache(maxsize=1)
def _provinces_longest_first() -> tuple[str, ...]:
    return tuple(sorted(provinces(), key=len, reverse=True))


def _in_provinces(name: str) -> list[str]:
    first, *rest = [part.strip() for part in name.split(",")]
    known = provinces()
    if not rest or not all(part in known for part in rest):
        return []
    place = next((p for p in _provinces_longest_first() if first.endswith(" " + p)), None)
    if place is None:
        return []
    kind = first[:-len(place)].rstrip()
    if len(kind.split()) < 2:
        return []  # the provinces themselves ("tỉnh Hưng Yên, Hải Dương"), not a body in each
    return [f"{kind} {p}" for p in (place, *rest)]
