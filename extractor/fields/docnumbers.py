"""Vietnamese document numbers and symbols ("số, ký hiệu"), as Nghị định 30/2020/NĐ-CP writes them.

Four forms are read:

* normative   ``56/2017/NĐ-CP``, ``121/2020/QH14``  number / year / type-issuer
* administrative ``782/QĐ-TTg``, ``636/LĐTBXH-TE``   number / type-issuer, or number / issuer-unit (công văn)
* party       ``04-CT/TU``                          number-type / issuer (Hướng dẫn 36-HD/VPTW)
* youth union ``219 KH/TĐTN-TN``                    number type / issuer-unit

``DOC_NUMBER`` is the grammar as pattern source (no capturing groups) for other regexes;
``parse_number`` and ``canonical_number`` read one number, repairing OCR damage
(``QD`` → ``QĐ``, ``TTG`` → ``TTg``, ``7 82`` → ``782``, spaces around ``/`` and ``-``);
``parse_number_line`` reads the ``Số: ...`` line of a document header, whose number may be blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..resources import data_json, entries
from .names import abbreviations

# ---------------------------------------------------------------- grammar parts

# Capitals a symbol part opens with: Latin, Đ and its look-alike Ð (U+00D0, Icelandic eth, which
# some fonts and converters put for Đ), and the Vietnamese capitals of party symbols ("TƯ").
CAPITAL = "A-ZĐÐƯƠÂÊÔĂ"
TOKEN = rf"[{CAPITAL}][A-Za-zĐđÐðƯưƠơÂâÊêÔôĂă0-9&’']*"   # one symbol part: QĐ, TTg, BLĐTBXH, QH14, BNN&PTNT
# A drafting unit glued to a part by a dot, in capitals and digits: "PGD.Q8", "THCS.NP", "UBND.VX"
# (not "UBND.Căn", a sentence run into the next).
UNIT_SUFFIX = rf"\.[{CAPITAL}][{CAPITAL}0-9]{{0,5}}(?![\w’'&])"
# A unit in parentheses glued to its part: "823/PV11(CS)" (the police's division PV11, its office CS).
PAREN_SUFFIX = rf"\([{CAPITAL}][{CAPITAL}0-9]{{0,5}}\)"
PART = rf"{TOKEN}(?:{UNIT_SUFFIX}|{PAREN_SUFFIX})?"
DASH = "-–—‑"                                 # hyphen, en dash, em dash, non-breaking hyphen
HYPHEN = rf"(?:[{DASH}]\x20?|\x20[{DASH}])"     # "-" with at most one stray space on one side
HYPHEN_LOOSE = rf"\x20?[{DASH}]\x20?"          # "-" with stray spaces on both sides ("TT – BGDĐT", after a type word)
SLASH = r"\x20?/\x20?"                       # "/" with optional stray spaces
# Symbol parts joined by dashes, or by slashes in joint and old forms:
#   QĐ-TTg, TTLT-BLĐTBXH-BTC, TTLT/BTC-BNV (…/2015/TTLT/BTC-BNV), QĐ/KT (123-TC/QĐ/KT)
CHAIN = rf"{PART}(?:(?:{HYPHEN}|{SLASH}){PART})*"
# A part split by a stray space before the chain goes on ("943/SGD ĐT-GDTrH" for SGDĐT-GDTrH): capitals
# on both sides, a dash after (only after a type word or "số").
PART_SPLIT = rf"{PART}(?:\x20[{CAPITAL}]{{1,6}}(?={HYPHEN_LOOSE}))?"
CHAIN_LOOSE = rf"{PART_SPLIT}(?:(?:{HYPHEN_LOOSE}|{SLASH}){PART})*"
ORDINAL = r"\d{1,5}(?:[a-zđ](?![\w]))?"                     # 782, or with a letter: 15b, 20a
ORDINAL_LOOSE = r"\d{1,5}(?:\x20\d{1,3})?(?:[a-zđ](?![\w]))?"   # also OCR-split "7 82" (only after a type word)
YEAR = r"(?:19|20)\d\d"
# The slash after a normative number's year, or none before the symbol ("46/2016NĐ-CP").
YEAR_SLASH = rf"(?:{SLASH}|(?=[{CAPITAL}]))"
END = r"(?![\w’'&])"
# A type code glued to its number, its dash lost ("48Ctr/HĐĐH"): kept as written.
GLUED = rf"(?<=\d)(?=[{CAPITAL}])"


def _grammar(loose: bool, capture: bool) -> str:
    """The number grammar; ``loose`` also reads OCR-split ordinals and spaced hyphens, and a number
    glued to the word before it ("số1891/KH-PGDĐT")."""
    ordinal, chain = (ORDINAL_LOOSE, CHAIN_LOOSE) if loose else (ORDINAL, CHAIN)
    before = r"(?<![\d/])" if loose else r"(?<![\w/])"
    stray = "/?" if loose else ""  # a stray slash before a party number's dash: "49/-CT /TW"

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if capture else f"(?:{body})"

    return rf"""
    {before}
    (?:
        # normative: 56/2017/NĐ-CP, 121/2020/QH14
        {g('n_num', ordinal)}{SLASH}{g('n_year', YEAR)}{YEAR_SLASH}{g('n_chain', chain)}
      | # party: 04-CT/TU; old forms: 123-TC/QĐ/KT; the dash lost: 48Ctr/HĐĐH; loose: 49/-CT /TW
        {g('p_num', ordinal)}(?:{stray}\x20?[{DASH}]\x20?|{GLUED}){g('p_type', TOKEN)}{SLASH}{g('p_chain', chain)}
      | # youth union: 219 KH/TĐTN-TN
        {g('y_num', ORDINAL)}\x20{{1,2}}{g('y_type', TOKEN)}{SLASH}{g('y_chain', chain)}
      | # administrative and công văn: 782/QĐ-TTg, 636/LĐTBXH-TE
        {g('a_num', ordinal)}{SLASH}{g('a_chain', chain)}
    ){END}"""


#: A document number with its symbol (strict digits), as pattern source without groups.
DOC_NUMBER = _grammar(loose=False, capture=False)
#: The same, also accepting an OCR-split ordinal ("7 82/QĐ-TTg"), spaced hyphens ("782/QĐ - TTg")
#: and a number glued to the word before; use only after a type word or "số".
DOC_NUMBER_LOOSE = _grammar(loose=True, capture=False)
DOC_NUMBER_RE = re.compile(DOC_NUMBER, re.VERBOSE)
_PARTS_RE = re.compile(_grammar(loose=True, capture=True), re.VERBOSE)

# "Số: 187/KH-UBND", "Số: /KH-SLĐTBXH", "Số: ....../KH-UBND", "Số 04-CT/TU"
_NUMBER_LINE_RE = re.compile(
    rf"""^\s*(?i:s[ốo])\s*[:.]?\s*
    (?:
        (?P<blank>[.…_\s]*{SLASH}(?P<blank_chain>{CHAIN_LOOSE}))    # number left blank
      | (?P<full>{DOC_NUMBER_LOOSE})     # filled in
      | (?P<junk>\S{{1,6}}?){SLASH}(?P<junk_chain>{CHAIN_LOOSE})   # OCR noise for the number: "y/45/KH-ƯBND"
    ){END}""",
    re.VERBOSE,
)
# A document's own number where it is labelled, anywhere in a paragraph (headers flattened into
# one line, a portal's table): "Số: 187/KH-UBND", "| Số: 62/NQ-HĐND |", "Số hiệu | 1589/QĐ-TTg |",
# glyph-lost "S: 02 /HD-SVHTTDL"; at a paragraph's start the colon may be missing ("Số 04-CT/TU").
# A capital S: a citation writes "số" after its type word ("Nghị định số: 02/2019/NĐ-CP").
_NUMBER_LABEL_RE = re.compile(
    rf"""(?:
        (?<![\w])S[ốôo]?(?:\s+hiệu)?\s*[:|]       # Số:  Số hiệu |  S:
      | ^\W*S[ốo](?=\s)                           # Số 04-CT/TU at the start
    )\s*(?P<full>{DOC_NUMBER_LOOSE})""",
    re.VERBOSE,
)

# A portal's line naming the document it renders, standing alone: "(Nguồn: Từ Công văn số 1150/UBND-VP
# ngày 22/04/2021)", "(Nguồn công văn số 2983/UBND-VP - 22/09/2020)". Without an issuer ("của ..."):
# a table's "(Nguồn: Báo cáo số 12/BC-UBND của Cục Thống kê)" cites its data.
_SOURCE_DATE = r"(?:(?:ngày|[-–,])\s*\d{1,2}/\d{1,2}/\d{4})"


@lru_cache(maxsize=1)
def _source_line_re() -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(t["name"]).replace(r"\ ", r"\s+") for t in lexicon()["types"]),
                            key=len, reverse=True))
    return re.compile(
        rf"""^\W*Nguồn\s*:?\s*(?i:từ\s+)?(?P<type>(?i:{names}))\s+(?i:s[ốo])\s*:?\s*(?P<full>{DOC_NUMBER_LOOSE})
        \s*{_SOURCE_DATE}?\s*\)?\s*\.?\s*$""",
        re.VERBOSE)


def source_line(text: str) -> Optional[tuple[str, DocNumber]]:
    """(document type, number) of a portal's source line naming the document it renders, if ``text``
    is one (see ``_source_line_re``)."""
    if "Nguồn" not in text[:12]:
        return None
    m = _source_line_re().match(text.strip())
    parsed = parse_number(m.group("full")) if m else None
    if m is None or parsed is None:
        return None
    written = " ".join(m.group("type").split()).casefold()
    return next(t["name"] for t in lexicon()["types"] if t["name"].casefold() == written), parsed


# A cheap test before the label grammar: a label anywhere, or "Số 04-..." opening the text. Two
# patterns, so that the first opens with a letter the regex engine can skip ahead to.
_LABEL_CUE = re.compile(r"S[ốôo]?(?:\s+hiệu)?\s*[:|]")
_OPENING_LABEL_CUE = re.compile(r"\W*S[ốo]\s")

# ---------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The parsed ``data/doc_types.json``."""
    return data_json("doc_types.json")


@lru_cache(maxsize=1)
def type_by_code() -> dict[str, str]:
    """Symbol type code → document type: ``QĐ`` → ``Quyết định``."""
    return {code: t["name"] for t in lexicon()["types"] for code in t.get("codes", [])}


@lru_cache(maxsize=1)
def issuer_by_code() -> dict[str, str]:
    """Unambiguous national issuing-body codes → issuer: ``TTg`` → ``Thủ tướng Chính phủ``."""
    return entries(lexicon()["issuer_codes"])


# Letters OCR reads with a horn it does not have, or without one it has: "ƯBND" for UBND.
_HORN_FOLD = str.maketrans({"Ư": "U", "Ơ": "O"})


def _fold(token: str) -> str:
    """OCR comparison key of a symbol part: upper case, Đ read as D, a horn dropped (Ư as U)."""
    return token.upper().replace("Đ", "D").translate(_HORN_FOLD)


@lru_cache(maxsize=1)
def _known_tokens() -> dict[str, Optional[str]]:
    """Folded key → the one known symbol part it stands for (None when two known parts collide).
    A part that lost its Đ (glyph loss drops the letters a font cannot map: "HND" for HĐND) is
    known too when three letters or more remain."""
    known = set(type_by_code()) | set(issuer_by_code())
    for key in abbreviations():
        if re.fullmatch(r"[A-ZĐ]+", key):  # a body abbreviation, alone or after Sở/Bộ/Phòng
            known |= {key, "S" + key, "B" + key, "P" + key}
    table: dict[str, Optional[str]] = {}
    for token in known:
        key = _fold(token)
        table[key] = token if table.get(key, token) == token else None
    for token in known:
        lost = token.upper().replace("Đ", "")
        if lost != token.upper() and len(lost) >= 3 and lost not in table:
            table[lost] = token
    return table


_LOOK_ALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})  # U+00D0/U+00F0 (eth) for U+0110/U+0111


def repair_token(token: str) -> str:
    """A symbol part with OCR case and Đ/D confusions fixed when it folds to exactly one known part."""
    token = token.translate(_LOOK_ALIKES)
    m = re.fullmatch(r"([A-Za-zĐđƯưƠơ]+)(\d*)", token)  # QH14: letters, then a legislature number
    if not m:
        return token
    known = _known_tokens().get(_fold(m.group(1)))
    return (known + m.group(2)) if known else token


# ---------------------------------------------------------------- parsed numbers


@dataclass(frozen=True)
class DocNumber:
    """One document number, parsed and canonicalised."""

    raw: str
    form: str                      # normative, administrative, party, youth
    ordinal: str                   # "782"
    year: Optional[int]            # 2017 in 56/2017/NĐ-CP
    type_code: Optional[str]       # "QĐ"; None for a công văn
    issuer_code: Optional[str]     # "TTg", "UBND", "LĐTBXH" (first issuing body)
    units: tuple[str, ...]         # remaining parts: drafting units, co-issuers
    symbol: str                    # "QĐ-TTg", "CT/TU", "KH/TĐTN-TN"
    canonical: str                 # "782/QĐ-TTg"
    repaired: bool                 # an OCR repair changed more than spacing

    @property
    def doc_type(self) -> Optional[str]:
        """The document type the symbol names, if any; in an old form the type code may stand
        after the issuing unit ("123-TC/QĐ/KT")."""
        codes = type_by_code()
        if self.type_code in codes:
            return codes[self.type_code or ""]
        if self.form == "party":
            return next((codes[p] for p in (self.issuer_code, *self.units) if p in codes), None)
        return None

    @property
    def issuer(self) -> Optional[str]:
        """The issuer when the symbol names exactly one national body (``-TTg``, ``NĐ-CP``, ``/QH14``)."""
        return _national(self.issuer_code)

    @property
    def joint(self) -> bool:
        """A joint document (Thông tư liên tịch, Nghị quyết liên tịch): several issuing bodies."""
        return self.type_code in _JOINT_CODES and bool(self.units)

    @property
    def issuers(self) -> Optional[str]:
        """The issuers of a joint document when its symbol names only national bodies
        ("TTLT-BYT-BNN&PTNT" → "Bộ Y tế và Bộ Nông nghiệp và Phát triển nông thôn"), else None."""
        if not self.joint:
            return None
        names = [_national(code) for code in (self.issuer_code, *self.units)]
        return " và ".join(n for n in names if n) if all(names) else None


_JOINT_CODES = {"TTLT", "NQLT"}


def _national(code: Optional[str]) -> Optional[str]:
    """The national body a symbol part names: "TTg", "QH14" (legislature number dropped),
    "BNN&PTNT" (written with "&")."""
    code = re.sub(r"\d+$", "", code or "")
    table = issuer_by_code()
    return table.get(code) or table.get(code.replace("&", ""))


_CHAIN_SEP = re.compile(rf"\s*([{DASH}/])\s*")


def _chain_parts(chain: str) -> tuple[list[str], list[str], bool]:
    """The repaired parts of a symbol chain, the separators between them ("-" for any dash, "/"),
    and whether any part needed repair (a look-alike letter is no repair)."""
    pieces = _CHAIN_SEP.split(chain.strip())
    written = [t.translate(_LOOK_ALIKES).replace(" ", "") for t in pieces[::2]]  # "SGD ĐT": one part
    seps = ["/" if sep == "/" else "-" for sep in pieces[1::2]]
    parts = [repair_token(t) for t in written]
    return parts, seps, parts != written


def _joined(parts: list[str], seps: list[str]) -> str:
    return parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:]))


def _split_type(parts: list[str]) -> tuple[Optional[str], list[str]]:
    """(type code, the other parts) when the first part is a type code, else (None, parts)."""
    if parts and parts[0] in type_by_code():
        return parts[0], parts[1:]
    return None, parts


_FORMS = (("normative", "n"), ("party", "p"), ("youth", "y"), ("administrative", "a"))


def _from_match(m: re.Match[str]) -> DocNumber:
    form, prefix = next((f, p) for f, p in _FORMS if m.group(f"{p}_num") is not None)
    ordinal_raw = m.group(f"{prefix}_num")
    ordinal = ordinal_raw.replace(" ", "")
    chain, seps, repaired = _chain_parts(m.group(f"{prefix}_chain"))
    repaired = repaired or ordinal != ordinal_raw
    year = int(m.group("n_year")) if form == "normative" else None
    if form in ("party", "youth"):
        written_type = m.group(f"{prefix}_type").translate(_LOOK_ALIKES)
        type_code: Optional[str] = repair_token(written_type)
        others = chain
        repaired = repaired or type_code != written_type
        symbol = f"{type_code}/{_joined(chain, seps)}"
        glued = m.end(f"{prefix}_num") == m.start(f"{prefix}_type")
        canonical = f"{ordinal}{'' if glued else '-' if form == 'party' else ' '}{symbol}"
    else:
        type_code, others = _split_type(chain)
        symbol = _joined(chain, seps)
        canonical = f"{ordinal}/{year}/{symbol}" if year else f"{ordinal}/{symbol}"
    bodies = [re.split(r"[.(]", part, maxsplit=1)[0] for part in others]  # "PGD.Q8", "PV11(CS)": the body, its unit
    return DocNumber(
        raw=m.group(0), form=form, ordinal=ordinal, year=year, type_code=type_code,
        issuer_code=bodies[0] if bodies else None, units=tuple(bodies[1:]),
        symbol=symbol, canonical=canonical, repaired=repaired,
    )


@lru_cache(maxsize=4096)
def parse_number(raw: str) -> Optional[DocNumber]:
    """The document number ``raw`` is (surrounding spaces ignored), or None."""
    m = _PARTS_RE.fullmatch(raw.strip())
    return _from_match(m) if m else None


_DIGIT_RUN = re.compile(r"\d+")


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every document number in ``text`` with strict digits, as (start, end, number), left to right
    and not overlapping. A number opens a run of digits (no word character before it), so the
    grammar is tried only where one starts: the same matches as ``DOC_NUMBER_RE.finditer``, without
    the regex engine trying its alternatives at every letter."""
    found = []
    end = 0
    for run in _DIGIT_RUN.finditer(text):
        if run.start() < end:
            continue  # inside the number before
        m = DOC_NUMBER_RE.match(text, run.start())
        if m is None:
            continue
        end = m.end()
        parsed = parse_number(m.group(0))
        if parsed:
            found.append((m.start(), m.end(), parsed))
    return found


@lru_cache(maxsize=4096)
def number_key(number: str) -> str:
    """Comparison key of a document number: canonical, no spaces, casefolded, Đ folded to D
    ("782 / QĐ - TTg" and "782/QD-TTG" share one key)."""
    return re.sub(r"\s+", "", canonical_number(number)).casefold().replace("đ", "d")


@lru_cache(maxsize=4096)
def spelling_key(number: str) -> str:
    """``number_key`` without the dashes between symbol parts: "66/NQHĐND" and "66/NQ-HĐND" are
    two spellings of one number; so are a Party number and the same with its slash and dash swapped
    ("21/NQ-TW", "21-NQ/TW")."""
    return re.sub(rf"[{DASH}]", "", number_key(party_spelling(number) or number))


# The Party's organs as its symbols name them: Trung ương and its offices (TW, VPTW, BTGTW), a province's,
# a district's, a city district's or a base's committee (TU, HU, QU, ĐU), a Party affairs board (BCSĐ).
_PARTY_ORGAN = re.compile(r"[A-ZĐ]*TW|TU|HU|QU|ĐU|BCSĐ")


def party_spelling(number: str) -> Optional[str]:
    """The Party's form of a number written with its slash and dash swapped ("21/NQ-TW" → "21-NQ/TW": a
    type code, a dash, a Party organ, which no State body signs with), else None."""
    parsed = parse_number(number)
    if parsed is None or parsed.form != "administrative" or parsed.type_code is None or len(parsed.units) \
            or not _PARTY_ORGAN.fullmatch(parsed.issuer_code or "") or parsed.symbol.count("-") != 1:
        return None
    return f"{parsed.ordinal}-{parsed.type_code}/{parsed.issuer_code}"


def find_number_labels(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every labelled own number in ``text`` ("Số: 187/KH-UBND", "Số hiệu | 1589/QĐ-TTg"), as
    (start, end, number) of the number. Every number holds a slash (``SLASH``)."""
    if "/" not in text or not (_LABEL_CUE.search(text) or _OPENING_LABEL_CUE.match(text)):
        return []
    found = []
    for m in _NUMBER_LABEL_RE.finditer(text):
        parsed = parse_number(m.group("full"))
        if parsed:
            found.append((m.start("full"), m.end("full"), parsed))
    return found


def canonical_number(raw: str) -> str:
    """``raw`` in canonical form ("8668/QĐ- SLĐTBXH" → "8668/QĐ-SLĐTBXH"); unchanged when unparsable."""
    parsed = parse_number(raw)
    return parsed.canonical if parsed else raw.strip()


def repair_number(raw: str) -> tuple[str, bool]:
    """(canonical form, whether an OCR repair beyond spacing was needed)."""
    parsed = parse_number(raw)
    return (parsed.canonical, parsed.repaired) if parsed else (raw.strip(), False)


def parse_number_line(line: str) -> tuple[Optional[str], Optional[str]]:
    """(number, symbol) of a header line: "Số: 187/KH-UBND" → ("187/KH-UBND", "KH-UBND");
    "Số: /KH-SLĐTBXH" and OCR's "SỐ:y/45/KH-ƯBND" → (None, "KH-SLĐTBXH"), (None, "KH-UBND"); (None, None)
    when the line is no number line."""
    m = _NUMBER_LINE_RE.match(line)
    if not m:
        return None, None
    if m.group("full") is None:  # left blank, or unreadable: the symbol alone
        parts, seps, _ = _chain_parts(m.group("blank_chain") or m.group("junk_chain"))
        return None, _joined(parts, seps)
    parsed = parse_number(m.group("full"))
    if parsed is None:
        return None, None
    tail = _SPLIT_TAIL.match(line, m.end())
    if tail:  # "Số: 15/KH- THCS LQĐ   Duyên Hải, ngày …": the last part written in two
        return parsed.canonical + tail.group(1), parsed.symbol + tail.group(1)
    return parsed.canonical, parsed.symbol


# The end of a number line's last symbol part split off by a space ("15/KH- THCS LQĐ"): a short run of
# capitals, and then only the cell's padding or its end.
_SPLIT_TAIL = re.compile(rf"\x20([{CAPITAL}]{{2,6}})(?=\s{{2,}}|\s*$)")
