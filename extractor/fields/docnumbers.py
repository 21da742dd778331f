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

TOKEN = r"[A-ZĐ][A-Za-zĐđ0-9&’']*"         # one symbol part: QĐ, TTg, BLĐTBXH, QH14, TTHĐTT’N
HYPHEN = r"(?:[-–]\x20?|\x20[-–])"           # "-" with at most one stray space on one side
HYPHEN_LOOSE = r"\x20?[-–]\x20?"             # "-" with stray spaces on both sides (after a type word)
SLASH = r"\x20?/\x20?"                       # "/" with optional stray spaces
CHAIN = rf"{TOKEN}(?:{HYPHEN}{TOKEN})*"     # QĐ-TTg, TTLT-BLĐTBXH-BTC
CHAIN_LOOSE = rf"{TOKEN}(?:{HYPHEN_LOOSE}{TOKEN})*"
ORDINAL = r"\d{1,5}"                          # 782
ORDINAL_LOOSE = r"\d{1,5}(?:\x20\d{1,3})?"    # 782, or OCR-split "7 82" (only after a type word)
YEAR = r"(?:19|20)\d\d"
END = r"(?![\w’'&])"


def _grammar(loose: bool, capture: bool) -> str:
    """The number grammar; ``loose`` also reads OCR-split ordinals and spaced hyphens."""
    ordinal, chain = (ORDINAL_LOOSE, CHAIN_LOOSE) if loose else (ORDINAL, CHAIN)

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if capture else f"(?:{body})"

    return rf"""
    (?<![\w/])
    (?:
        # normative: 56/2017/NĐ-CP, 121/2020/QH14
        {g('n_num', ordinal)}{SLASH}{g('n_year', YEAR)}{SLASH}{g('n_chain', chain)}
      | # party: 04-CT/TU
        {g('p_num', ordinal)}\x20?[-–]\x20?{g('p_type', TOKEN)}{SLASH}{g('p_chain', chain)}
      | # youth union: 219 KH/TĐTN-TN
        {g('y_num', ORDINAL)}\x20{{1,2}}{g('y_type', TOKEN)}{SLASH}{g('y_chain', chain)}
      | # administrative and công văn: 782/QĐ-TTg, 636/LĐTBXH-TE
        {g('a_num', ordinal)}{SLASH}{g('a_chain', chain)}
    ){END}"""


#: A document number with its symbol (strict digits), as pattern source without groups.
DOC_NUMBER = _grammar(loose=False, capture=False)
#: The same, also accepting an OCR-split ordinal ("7 82/QĐ-TTg") and spaced hyphens
#: ("782/QĐ - TTg"); use only after a type word or "số".
DOC_NUMBER_LOOSE = _grammar(loose=True, capture=False)
DOC_NUMBER_RE = re.compile(DOC_NUMBER, re.VERBOSE)
_PARTS_RE = re.compile(_grammar(loose=True, capture=True), re.VERBOSE)

# "Số: 187/KH-UBND", "Số: /KH-SLĐTBXH", "Số: ....../KH-UBND", "Số 04-CT/TU"
_NUMBER_LINE_RE = re.compile(
    rf"""^\s*(?i:s[ốo])\s*[:.]?\s*
    (?:
        (?P<blank>[.…_\s]*{SLASH}(?P<blank_chain>{CHAIN_LOOSE}))    # number left blank
      | (?P<full>{DOC_NUMBER_LOOSE})     # filled in
    ){END}""",
    re.VERBOSE,
)

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


def _fold(token: str) -> str:
    """OCR comparison key of a symbol part: upper case, Đ read as D."""
    return token.upper().replace("Đ", "D")


@lru_cache(maxsize=1)
def _known_tokens() -> dict[str, Optional[str]]:
    """Folded key → the one known symbol part it stands for (None when two known parts collide)."""
    known = set(type_by_code()) | set(issuer_by_code())
    for key in abbreviations():
        if re.fullmatch(r"[A-ZĐ]+", key):  # a body abbreviation, alone or after Sở/Bộ/Phòng
            known |= {key, "S" + key, "B" + key, "P" + key}
    table: dict[str, Optional[str]] = {}
    for token in known:
        key = _fold(token)
        table[key] = token if table.get(key, token) == token else None
    return table


def repair_token(token: str) -> str:
    """A symbol part with OCR case and Đ/D confusions fixed when it folds to exactly one known part."""
    m = re.fullmatch(r"([A-Za-zĐđ]+)(\d*)", token)  # QH14: letters, then a legislature number
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
        """The document type the symbol names, if any."""
        return type_by_code().get(self.type_code or "")

    @property
    def issuer(self) -> Optional[str]:
        """The issuer when the symbol names exactly one national body (``-TTg``, ``NĐ-CP``, ``/QH14``)."""
        code = re.sub(r"\d+$", "", self.issuer_code or "")
        return issuer_by_code().get(code)


def _chain_parts(chain: str) -> tuple[list[str], bool]:
    """The repaired parts of a symbol chain and whether any part needed repair."""
    written = re.split(r"\s*[-–]\s*", chain.strip())
    parts = [repair_token(t) for t in written]
    return parts, parts != written


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
    chain, repaired = _chain_parts(m.group(f"{prefix}_chain"))
    repaired = repaired or ordinal != ordinal_raw
    year = int(m.group("n_year")) if form == "normative" else None
    if form in ("party", "youth"):
        written_type = m.group(f"{prefix}_type")
        type_code: Optional[str] = repair_token(written_type)
        others = chain
        repaired = repaired or type_code != written_type
        symbol = f"{type_code}/{'-'.join(chain)}"
        canonical = f"{ordinal}{'-' if form == 'party' else ' '}{symbol}"
    else:
        type_code, others = _split_type(chain)
        symbol = "-".join(chain)
        canonical = f"{ordinal}/{year}/{symbol}" if year else f"{ordinal}/{symbol}"
    return DocNumber(
        raw=m.group(0), form=form, ordinal=ordinal, year=year, type_code=type_code,
        issuer_code=others[0] if others else None, units=tuple(others[1:]),
        symbol=symbol, canonical=canonical, repaired=repaired,
    )


def parse_number(raw: str) -> Optional[DocNumber]:
    """The document number ``raw`` is (surrounding spaces ignored), or None."""
    m = _PARTS_RE.fullmatch(raw.strip())
    return _from_match(m) if m else None


def find_numbers(text: str) -> list[tuple[int, int, DocNumber]]:
    """Every document number in ``text`` with strict digits, as (start, end, number)."""
    found = []
    for m in DOC_NUMBER_RE.finditer(text):
        parsed = parse_number(m.group(0))
        if parsed:
            found.append((m.start(), m.end(), parsed))
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
    "Số: /KH-SLĐTBXH" → (None, "KH-SLĐTBXH"); (None, None) when the line is no number line."""
    m = _NUMBER_LINE_RE.match(line)
    if not m:
        return None, None
    if m.group("blank") is not None:
        return None, "-".join(_chain_parts(m.group("blank_chain"))[0])
    parsed = parse_number(m.group("full"))
    return (parsed.canonical, parsed.symbol) if parsed else (None, None)
