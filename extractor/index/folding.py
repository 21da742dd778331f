"""The one folding every engine and the query side share: diacritics off, đ/Đ to d, lower case.

FTS5's ``remove_diacritics 2`` and PostgreSQL's ``unaccent`` fold most marks but not the same way
(FTS5 keeps đ), so the text each engine's tokenizer gets is folded here first, and so is every
query: "tre em duoi nuoc" and "dao tao" find "trẻ em đuối nước" and "đào tạo" in every engine.
The fold keeps the length of NFC text, so a match in the folded text is a match at the same offsets
in the text shown to the reader.
"""

from __future__ import annotations

import re

from ..tones import unaccent

_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """``text`` without diacritics, đ/Đ as d, lower case; the same length as the NFC text."""
    return unaccent(text)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as every engine indexes them: folded runs of letters and digits."""
    return _TOKEN.findall(fold(text))


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Each folded word of NFC ``text`` with its offsets, for highlighting."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(fold(text))]


def folded_words(text: str) -> str:
    """The text an engine's tokenizer is given: the folded words joined by spaces."""
    return " ".join(tokens(text))
