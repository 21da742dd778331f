"""How trustworthy a page's text is: the share of its tokens that are Vietnamese.

A PDF's text layer can be empty (a scan), ``(cid:N)`` glyph codes (a font without a
Unicode map), mojibake (a TCVN3 font read as Latin-1) or decomposed marks that no longer
sit on a letter. :func:`score_text` gives 0-1: the weighted share of tokens that are valid
Vietnamese syllables or plausible non-words (numbers, symbols, acronyms), with those
failure marks counted as several bad tokens each.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..encodings import is_vietnamese_syllable

# A page's text is usable when it scores at least this (the seeds score 0.999, OCR of
# their renderings 1.0, TCVN3 mojibake 0.34-0.39, VNI mojibake 0.23-0.25).
USABLE_SCORE = 0.8
# Bad-token weights of the failure marks.
CID_WEIGHT = 5.0
REPLACEMENT_WEIGHT = 5.0
BROKEN_MARK_WEIGHT = 2.0
# Credit of a Latin word that is not Vietnamese (email, website, a domain name).
FOREIGN_WORD_CREDIT = 0.5
# Vietnamese prose marks most words (80-85 % in the seeds); a long text with few marked
# words has lost its diacritics (a font without them): its score is scaled down, to half
# when no word is marked.
DIACRITICS_MIN_WORDS = 40
DIACRITICS_EXPECTED_SHARE = 0.25

# ``(cid:123)``: pdfminer's stand-in for a glyph it cannot map to Unicode.
CID_MARK = re.compile(r"\(cid:\d+\)")
# Punctuation and symbols around a token: quotes, brackets, list and sentence marks.
EDGE_PUNCTUATION = re.compile(r"^[^\w\u0300-\u036f]+|[^\w\u0300-\u036f]+$")
# Separators inside a compound token: 782/QĐ-TTg, KH-UBND, www.example.gov.vn, GD&ĐT.
INNER_SEPARATOR = re.compile(r"[-/.&,:;_+'’()]+")
# An acronym: capitals (Đ included), e.g. UBND, LĐTBXH, QĐ; or a short mixed one like TTg.
ACRONYM = re.compile(r"[A-ZĐ]{1,12}|[A-ZĐ][A-ZĐa-z]{1,3}")
# One letter: a list marker or an initial (a, b, đ, B).
SINGLE_LETTER = re.compile(r"[^\W\d_]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
# Characters that never belong in page text: controls (tab/newline aside), private use, U+FFFD.
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def _part_credit(part: str) -> float:
    """Credit (0-1) of one part of a token: a syllable, number, acronym or foreign word."""
    if not part or any(c.isdigit() for c in part):
        return 1.0
    if is_vietnamese_syllable(part) or ACRONYM.fullmatch(part) or SINGLE_LETTER.fullmatch(part):
        return 1.0
    if LATIN_WORD.fullmatch(part):
        return FOREIGN_WORD_CREDIT
    return 0.0


@functools.lru_cache(maxsize=1 << 16)
def token_credit(token: str) -> tuple[float, float]:
    """(credit, weight) of one whitespace-separated token; (0, 0) for bare punctuation."""
    bad = len(BAD_CHARS.findall(token))
    if bad:
        return 0.0, REPLACEMENT_WEIGHT * bad
    core = EDGE_PUNCTUATION.sub("", unicodedata.normalize("NFC", token))
    if any(unicodedata.category(c) == "Mn" for c in core) or (
            core == "" and any(unicodedata.category(c) == "Mn" for c in token)):
        return 0.0, BROKEN_MARK_WEIGHT  # a mark NFC could not put on a letter
    if not core:
        return 0.0, 0.0
    parts = [p for p in INNER_SEPARATOR.split(core) if p]
    if not parts:
        return 0.0, 0.0
    return min(_part_credit(p) for p in parts), 1.0


def score_text(text: str) -> float:
    """0-1: weighted share of tokens that are Vietnamese syllables or plausible non-words;
    ``(cid:N)`` marks, U+FFFD, control/private-use characters and stray combining marks
    count as several bad tokens each. Text without tokens scores 0."""
    cids = len(CID_MARK.findall(text))
    if cids:
        text = CID_MARK.sub(" ", text)
    credit, weight = 0.0, CID_WEIGHT * cids
    words = marked = 0
    for token in text.split():
        c, w = token_credit(token)
        credit += c * w
        weight += w
        if w and c:
            words += 1
            marked += not token.isascii()
    score = credit / weight if weight else 0.0
    if words >= DIACRITICS_MIN_WORDS:
        score *= min(1.0, 0.5 + 0.5 * marked / words / DIACRITICS_EXPECTED_SHARE)
    return score


def short_and_plain(text: str) -> bool:
    """A short text (fewer than DIACRITICS_MIN_WORDS tokens) whose doubtful tokens are all plain
    ASCII (an e-mail address, a web address, a timestamp, a foreign word): it scores low without
    being garbled, as a page that holds only a digital signature's trailer does."""
    tokens = text.split()
    if not tokens or len(tokens) >= DIACRITICS_MIN_WORDS or CID_MARK.search(text):
        return False
    return all(token.isascii() for token in tokens if token_credit(token)[0] < 1.0)


def is_usable(text: str) -> bool:
    """Whether the text is good enough to extract from without another reading (OCR)."""
    return score_text(text) >= USABLE_SCORE
