"""Legacy Vietnamese encodings: the syllable grammar, decoding and repair.

Plans written before Unicode use one of three 8-bit encodings: Windows-1258 (precomposed
letters plus combining tone marks), TCVN3 (TCVN 5712:1993, the ABC ``.VnTime`` fonts) and
VNI-Windows (base letter + mark byte). :func:`decode_legacy_bytes` decodes such bytes and
names the encoding; :func:`fix_text` repairs text that was already decoded as
Windows-1252/Latin-1 while really being TCVN3 or VNI ("Thùc hiÖn" -> "Thực hiện").
Both pick the encoding whose result has the most valid Vietnamese syllables
(:func:`is_vietnamese_syllable`). The byte tables are data: ``data/legacy_encodings.json``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Optional

from .resources import data_json

# --------------------------------------------------------------------------- syllables

# The five tone marks as combining characters (NFD): grave, acute, tilde, hook, dot below.
TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}
# Finals after which only the acute or dot-below tone is possible (checked syllables).
STOP_FINALS = ("c", "ch", "p", "t")

# Initial consonants: the longest spelling first so that 'ngh' is not read as 'ng' + 'h'.
_INITIAL = r"""
    (?: ngh | ng | nh | ch | gh | gi | kh | ph | th | tr | qu   # digraphs and the trigraph
      | [bcdđghklmnprstvx]                                  # single consonants
    )?
"""
# Rhymes, written per nucleus: the nucleus and the finals it may take. ``?`` after the
# final group marks a nucleus that can also end the syllable (an open syllable).
_A = r"a (?: ch | nh | ng | [cmnpt] | [iouy] )?"        # a, ach, anh, ai, ao, au, ay
_BREVE_A = r"ă (?: ng | [cmnpt] )"                       # ă is never final
_CIRCUMFLEX_A = r"â (?: ng | [cmnpt] | [uy] )"           # â is never final: âu, ây
_E = r"e (?: ng | [cmnpt] | o )?"                        # e, eo
_CIRCUMFLEX_E = r"ê (?: ch | nh | [cmnpt] | u )?"        # ê, êch, ênh, êu
_I = r"i (?: ch | nh | [cmnpt] | [ua] )?"                # i, ich, inh, iu, ia
_IE = r"[iy]ê (?: ng | [cmnpt] | u )"                    # iê / yê need a final: tiên, yêu
_O = r"o (?: ng | [cmnpt] | i | o (?: ng | c ) )?"       # o, oi, oong, ooc
_CIRCUMFLEX_O = r"ô (?: ng | [cmnpt] | i )?"             # ô, ôi
_HORN_O = r"ơ (?: [mnpt] | i )?"                         # ơ, ơi
_U = r"u (?: ng | [cmnpt] | [ia] )?"                     # u, ui, ua
_UO = r"uô (?: ng | [cmnpt] | i )"                       # uô needs a final: muốn, tuổi
_HORN_U = r"ư (?: ng | [cmnt] | [iua] )?"                # ư, ưi, ưu, ưa
_UOH = r"ươ (?: ng | [cmnpt] | [iu] )"                   # ươ needs a final: người, rượu
_Y = r"y"                                                # y alone: ý, mỹ
# After the medial /w/ spelt 'o' (hoa, hoặc, khoe) and spelt 'u' (tuần, thuế, huynh, khuya, thuở).
_AFTER_MEDIAL_O = rf"o (?: {_A} | {_BREVE_A} | {_E} )"
_UY = r"y (?: ch | nh | [nt] | u | a )?"                 # uy, uych, uynh, uyt, uyu, uya
_AFTER_MEDIAL_U = rf"u (?: {_CIRCUMFLEX_A} | {_CIRCUMFLEX_E} | yê (?: ng | [cmnpt] | u ) | {_UY} | {_HORN_O} )"

_RHYME = rf"""
    (?: {_AFTER_MEDIAL_O}       # medial o: oa, oă, oe (+ finals)
      | {_AFTER_MEDIAL_U}       # medial u: uâ, uê, uyê, uy, uơ (+ finals)
      | {_UOH} | {_UO} | {_IE}  # the diphthongs ươ, uô, iê/yê
      | {_A} | {_BREVE_A} | {_CIRCUMFLEX_A}
      | {_E} | {_CIRCUMFLEX_E} | {_I}
      | {_O} | {_CIRCUMFLEX_O} | {_HORN_O}
      | {_U} | {_HORN_U} | {_Y}
    )
"""
# A toneless, lowercase syllable: initial consonant (optional) + rhyme.
SYLLABLE = re.compile(rf"{_INITIAL} {_RHYME}", re.VERBOSE)

# A tone mark after a vowel (NFD: the circumflex, breve or horn may come between).
_TONE_ON_VOWEL = re.compile("[aeiouy][\u0302\u0306\u031b]?[\u0300\u0301\u0303\u0309\u0323]")

# A word: a run of letters (digits and underscore excluded).
WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case, NFC or NFD) is a well-formed Vietnamese syllable:
    initial + rhyme from the grammar above, at most one tone, and a checked syllable
    (final c, ch, p, t) only with the acute or dot-below tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [TONE_MARKS[c] for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1:
        return False
    if tones and not _TONE_ON_VOWEL.search(decomposed):
        return False  # the mark sits on a consonant
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    if not SYLLABLE.fullmatch(base):
        return False
    return not base.endswith(STOP_FINALS) or tones in (["acute"], ["dot"])


def syllable_share(text: str) -> tuple[float, int]:
    """Share of the words of ``text`` that are Vietnamese syllables, and the word count."""
    words = WORD.findall(text)
    if not words:
        return 0.0, 0
    return sum(map(is_vietnamese_syllable, words)) / len(words), len(words)


def count_syllables(text: str) -> int:
    """Number of words of ``text``, two letters or longer, that are Vietnamese syllables
    (one-letter words are left out: a stray capital decoded from a dash would count)."""
    return sum(is_vietnamese_syllable(w) for w in WORD.findall(text) if len(w) > 1)


# --------------------------------------------------------------------------- tables

def _byte_table(entries: dict[str, str]) -> dict[int, str]:
    return {int(key, 16): value for key, value in entries.items() if not key.startswith("_")}


def _cp1252_char(byte: int) -> Optional[str]:
    """The character Windows-1252 gives a byte, or None where it leaves the byte undefined."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return None


@functools.lru_cache(maxsize=1)
def _tables() -> dict:
    data = data_json("legacy_encodings.json")
    tcvn = data["tcvn3"]
    letters = _byte_table(tcvn["abc_letters"])
    letters.update(_byte_table(tcvn["vn1_capitals_free_positions"]))
    letters.update(_byte_table(tcvn["vn1_capitals_controls"]))
    letters.update(_byte_table(tcvn["combining_tone_marks"]))
    c1_capitals = _byte_table(tcvn["vn1_capitals_c1"])
    # Two readings of 0x80-0x9F: the VN1 capitals, or Windows-1252's quotes and dashes (what a
    # Word document in .VnTime fonts holds); bytes Windows-1252 leaves undefined are capitals.
    with_capitals = [chr(b) for b in range(256)]
    with_punctuation = [chr(b) for b in range(256)]
    for byte in range(0x80, 0xA0):
        with_capitals[byte] = c1_capitals[byte]
        with_punctuation[byte] = _cp1252_char(byte) or c1_capitals[byte]
    for byte, char in letters.items():
        with_capitals[byte] = with_punctuation[byte] = char
    return {"tcvn3_vn1": with_capitals, "tcvn3_abc": with_punctuation, "vni": _vni_table(data["vni"])}


def _cp1252_text(byte_values: list[int]) -> str:
    """The characters Windows-1252 gives bytes that it defines (the tables name only those)."""
    return "".join(c for b in byte_values if (c := _cp1252_char(b)) is not None)


def _vni_table(vni: dict) -> dict[str, str]:
    """VNI sequence (bytes read as Windows-1252) -> Unicode letter, capitals included."""
    table: dict[str, str] = {}
    offset = vni["capital_offset"]

    def add(letter: str, byte_values: list[int]) -> None:
        lower = _cp1252_text(byte_values)
        upper = _cp1252_text([b - offset if b >= 0xE0 or 0x61 <= b <= 0x7A else b for b in byte_values])
        table[lower] = letter
        table[upper] = letter.upper()
        # a capital base with a lowercase mark byte, as some VNI documents mix them
        table[upper[0] + lower[1:]] = letter.upper()

    def base_bytes(spelling: str) -> list[int]:
        return [int(spelling, 16)] if len(spelling) == 2 else [ord(spelling)]

    for base, spelling in vni["tone_bases"].items():
        for tone, mark in vni["tone_marks"].items():
            letter = unicodedata.normalize("NFC", base + _TONE_CHARS[tone])
            add(letter, base_bytes(spelling) + [int(mark, 16)])
    for family, combining in (("circumflex", "\u0302"), ("breve", "\u0306")):
        for base in vni[f"{family}_bases"]:
            for tone, mark in vni[f"{family}_marks"].items():
                letter = unicodedata.normalize("NFC", base + combining + _TONE_CHARS.get(tone, ""))
                add(letter, [ord(base), int(mark, 16)])
    for byte, letter in vni["single_bytes"].items():
        add(letter, [int(byte, 16)])
    return table


_TONE_CHARS = {name: char for char, name in TONE_MARKS.items()} | {"none": ""}


# --------------------------------------------------------------------------- decoders

def decode_tcvn3_bytes(data: bytes, c1_capitals: bool = False) -> str:
    """TCVN3 bytes -> NFC text, capitals of the .VnTimeH convention restored.
    ``c1_capitals``: read 0x80-0x9F as the VN1 capitals instead of Windows-1252 punctuation."""
    table = _tables()["tcvn3_vn1" if c1_capitals else "tcvn3_abc"]
    text = unicodedata.normalize("NFC", "".join(table[b] for b in data))
    return text if c1_capitals else restore_capitals(text)


def _decode_tcvn3_either(data: bytes) -> str:
    """TCVN3 bytes with 0x80-0x9F read as VN1 capitals or as punctuation, whichever gives
    more valid syllables (punctuation when equal)."""
    abc = decode_tcvn3_bytes(data)
    if not any(0x80 <= b < 0xA0 for b in data):
        return abc
    vn1 = decode_tcvn3_bytes(data, c1_capitals=True)
    return vn1 if count_syllables(vn1[:SAMPLE_CHARS]) > count_syllables(abc[:SAMPLE_CHARS]) else abc


def _windows_1252(data: bytes) -> str:
    """Bytes read as Windows-1252, the five undefined bytes as Latin-1."""
    return "".join(_cp1252_char(b) or chr(b) for b in data) if data else ""


@functools.lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern:
    sequences = sorted(_tables()["vni"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, sequences)))


def vni_to_unicode(text: str) -> str:
    """VNI text read as Windows-1252 -> NFC Unicode."""
    table = _tables()["vni"]
    return unicodedata.normalize("NFC", _vni_pattern().sub(lambda m: table[m.group()], text))


def decode_vni_bytes(data: bytes) -> str:
    """VNI-Windows bytes -> NFC text."""
    return vni_to_unicode(_windows_1252(data))


def decode_cp1258_bytes(data: bytes) -> str:
    """Windows-1258 bytes -> NFC text (its combining tone marks composed)."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


LEGACY_DECODERS: dict[str, Callable[[bytes], str]] = {
    "cp1258": decode_cp1258_bytes,
    "tcvn3": _decode_tcvn3_either,
    "vni": decode_vni_bytes,
}
# The least share of valid syllables for a decoding to be believed.
MIN_PLAUSIBLE_SHARE = 0.5
# Detection reads this many characters of a long text.
SAMPLE_CHARS = 20_000


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 -> (NFC text, encoding) for Windows-1258 (``cp1258``),
    TCVN3 (``tcvn3``) or VNI-Windows (``vni``): the decoding with the largest share of
    valid Vietnamese syllables. None if the bytes are UTF-8 or no decoding is plausible."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for name, decode in LEGACY_DECODERS.items():
        text = decode(data)
        share, words = syllable_share(text[:SAMPLE_CHARS])
        share -= text.count("\ufffd") / max(words, 1)
        if best is None or share > best[0]:
            best = (share, text, name)
    if best is None or best[0] < MIN_PLAUSIBLE_SHARE:
        return None
    return best[1], best[2]


# --------------------------------------------------------------------------- capitals

# The capital fonts of TCVN3 (.VnTimeH) draw capitals with the lowercase bytes, so a decoded
# heading reads "KẾ HOẠCH" as "Kế HOạCH". A word is put in capitals when its other letters are.
_SENTENCE_START = re.compile(
    r"""(?:
        ^ [\s*>]* (?: [#•\-+–]+ | (?: \d+ | [IVXLC]+ | [a-zđ] ) [.)] ) [\s*"“(]* $  # after a heading, list or numbering mark
      | [.!?…] [\s*"”)]* $                                                 # after a full stop
    )""",
    re.VERBOSE,
)
# At the start of a paragraph: only quotes, brackets and emphasis marks before the word.
_PARAGRAPH_START = re.compile(r"[\s*\"“(]*")


@functools.lru_cache(maxsize=1)
def _ambiguous_letters() -> frozenset[str]:
    """Lowercase letters whose capitals TCVN3's ABC set has no byte for (all toned letters)."""
    abc = set(_byte_table(data_json("legacy_encodings.json")["tcvn3"]["abc_letters"]).values())
    return frozenset(c for c in abc if c.islower() and c.upper() not in abc)


def _is_capital_syllable(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and is_vietnamese_syllable(word)


def _restore_line_capitals(line: str, paragraph_start: bool = False) -> str:
    found = list(WORD.finditer(line))
    if not found:
        return line
    starts = [m.start() for m in found]
    words = [m.group() for m in found]
    ambiguous = _ambiguous_letters()
    # words whose other letters are all capitals, with letters that might be capitals
    candidates = []
    for index, word in enumerate(words):
        if not any(c in ambiguous for c in word) or any(c.islower() and c not in ambiguous for c in word):
            continue
        capitals = sum(c.isupper() for c in word)
        if capitals >= 2:
            words[index] = word.upper()
        else:
            candidates.append((index, capitals))
    for index, capitals in candidates:
        neighbours = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
        capital = [_is_capital_syllable(word) for word in neighbours]
        if (capitals == 1 and any(capital)) or (capitals == 0 and capital and all(capital)):
            words[index] = words[index].upper()
    for index, (start, word) in enumerate(zip(starts, words)):
        before = line[:start]
        if word[0] in ambiguous and (_SENTENCE_START.search(before)
                                     or (paragraph_start and _PARAGRAPH_START.fullmatch(before))):
            words[index] = word[0].upper() + word[1:]
    pieces, last = [], 0
    for start, word in zip(starts, words):
        pieces.append(line[last:start])
        pieces.append(word)
        last = start + len(word)
    pieces.append(line[last:])
    return "".join(pieces)


def restore_capitals(text: str) -> str:
    """Put back the capitals that TCVN3's capital fonts encode as lowercase bytes."""
    lines = text.split("\n")
    return "\n".join(_restore_line_capitals(line, i == 0 or not lines[i - 1].strip())
                     for i, line in enumerate(lines))


# --------------------------------------------------------------------------- repair

# Characters that Windows-1252/Latin-1 readings of TCVN3 or VNI produce and good Vietnamese
# text does not: Latin-1 letters and signs outside the Vietnamese alphabet.
_SUSPECT = re.compile(
    "[\u00a1-\u00bf"          # signs: ¡ ¢ £ ... ® ¬ soft hyphen ... µ ¶ · ¸ ¹ » ¼ ½ ¾
    "\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df"  # Ä Å Æ Ç Ë Î Ï Ð Ñ Ö × Ø Û Ü Þ ß
    "\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff"  # ä å æ ç ë î ï ð ñ ö ÷ ø û ü þ ÿ
    "]"
)
# Characters a Windows-1252 or Latin-1 reading of 8-bit bytes can produce.
_EIGHT_BIT_CHARS = {chr(b) for b in range(256)} | {c for c in map(_cp1252_char, range(0x80, 0xA0)) if c}


@functools.lru_cache(maxsize=1)
def _tcvn3_translations() -> dict[str, dict[int, str]]:
    """str.translate tables: a Windows-1252/Latin-1 reading of TCVN3 -> Unicode."""
    tables = {}
    for variant in ("tcvn3_abc", "tcvn3_vn1"):
        decode = _tables()[variant]
        table: dict[int, str] = {}
        for byte in range(1, 256):
            if decode[byte] != chr(byte):
                table[byte] = decode[byte]  # the Latin-1 reading
                shown = _cp1252_char(byte)
                if shown and ord(shown) != byte:
                    table[ord(shown)] = decode[byte]
        tables[variant] = table
    return tables


def utf8_misread_to_unicode(text: str) -> str:
    """UTF-8 read as Windows-1252/Latin-1 ("Káº¿ hoáº¡ch") -> NFC text; unchanged if the
    bytes it stands for are not UTF-8."""
    codes = [_cp1252_byte(c) for c in text]
    if None in codes:  # a character Windows-1252 has no byte for: not misread UTF-8
        return text
    try:
        return unicodedata.normalize("NFC", bytes(c for c in codes if c is not None).decode("utf-8"))
    except ValueError:
        return text


def _cp1252_byte(char: str) -> Optional[int]:
    """The byte a Windows-1252 (or, for its gaps, Latin-1) reader showed as ``char``."""
    if ord(char) < 256:
        return ord(char)
    return _CP1252_EXTRAS.get(char)


_CP1252_EXTRAS = {c: b for b in range(0x80, 0xA0) if (c := _cp1252_char(b))}


def _converters() -> list[tuple[str, Callable[[str], str], bool]]:
    """(encoding, converter of one line, whether capitals need restoring)."""
    translations = _tcvn3_translations()
    return [
        ("tcvn3", lambda s: unicodedata.normalize("NFC", s.translate(translations["tcvn3_abc"])), True),
        ("tcvn3", lambda s: unicodedata.normalize("NFC", s.translate(translations["tcvn3_vn1"])), False),
        ("vni", vni_to_unicode, False),
        ("utf8", utf8_misread_to_unicode, False),
    ]


def fix_text(text: str) -> tuple[str, list[str]]:
    """Repair text that is TCVN3, VNI (or UTF-8) read as Windows-1252/Latin-1.

    Returns the NFC text and the conversions made (``["tcvn3->unicode"]``, ``vni->unicode``,
    ``utf8->unicode``), or the text
    unchanged and ``[]`` when it is already good Vietnamese. Only lines made entirely of
    8-bit characters are considered (a line with ư, ạ, đ... is real Unicode); the encoding
    is the one that gains the most valid syllables over the whole text, and a line is
    converted when it gains syllables, or keeps as many and shows a mojibake character."""
    if not _SUSPECT.search(text):
        return text, []
    lines = text.split("\n")
    legacy = [i for i, line in enumerate(lines) if not line.isascii() and set(line) <= _EIGHT_BIT_CHARS]
    if not legacy:
        return text, []
    before = {i: count_syllables(lines[i]) for i in legacy}
    words = sum(len(WORD.findall(lines[i])) for i in legacy)
    best = None
    for name, convert, capitals in _converters():
        converted = {i: convert(lines[i]) for i in legacy}
        after = {i: count_syllables(converted[i]) for i in legacy}
        gain = sum(after.values()) - sum(before.values())
        if best is None or gain > best[0]:
            best = (gain, name, converted, after, capitals)
    assert best is not None  # there is always a converter
    gain, name, converted, after, capitals = best
    if gain < 1 or gain < 0.2 * words:
        return text, []
    for i in legacy:
        # a line that could be good Vietnamese (no suspect character) must gain syllables
        if after[i] > before[i] or (after[i] == before[i] and _SUSPECT.search(lines[i])):
            paragraph_start = i == 0 or not lines[i - 1].strip()
            lines[i] = _restore_line_capitals(converted[i], paragraph_start) if capitals else converted[i]
    return "\n".join(lines), [f"{name}->unicode"]
