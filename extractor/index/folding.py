"""The one folding every engine and the query side share: diacritics off, đ/Đ to d, lower case.

FTS5's ``remove_diacritics 2`` and PostgreSQL's ``unaccent`` fold most marks but not the same way
(FTS5 keeps đ), so the text each engine's tokenizer gets is folded here first, and so is every
query: "tre em duoi nuoc" and "dao tao" find "trẻ em đuối nước" and "đào tạo" in every engine.
The fold keeps the length of NFC text, so a match in the folded text is a match at the same offsets
in the text shown to the reader.
"""

from __future__ import annotations

import re
import unicodedata


class _FoldTable(dict):
    """``str.translate`` table filled on first use: each character to one folded character.

    A letter or digit loses its marks and its compatibility form ("ệ" → "e", "¹" → "1"); a number
    that is no decimal digit ("½", "Ⅻ") becomes a space, as every engine's tokenizer would not
    agree on it."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        bases = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
        folded = "d" if char in "đĐ" else bases[0].lower() if len(bases) == 1 else char.lower()
        if len(folded) != 1:
            folded = char
        if folded.isalnum() and not (folded.isalpha() or folded.isdecimal()):
            folded = " "
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """``text`` without diacritics, đ/Đ as d, lower case; the same length as the NFC text."""
    return unicodedata.normalize("NFC", text).translate(_TABLE)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as every engine indexes them: folded runs of letters and digits."""
    return _TOKEN.findall(fold(text))


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Each folded word of NFC ``text`` with its offsets, for highlighting."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(fold(text))]


def folded_words(text: str) -> str:
    """The text an engine's tokenizer is given: the folded words joined by spaces."""
    return " ".join(tokens(text))
