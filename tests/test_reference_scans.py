"""The fast scans of the references step give what the straightforward patterns give."""

import re
from pathlib import Path

from extractor.fields import docnumbers

_SEEDS = sorted(Path(__file__).resolve().parents[1].glob("corpus/plans/*.txt"))

_VARIANTS = [
    "",
    "Quyết định số 782/QĐ-TTg ngày 27/5/2021 và 56/2017/NĐ-CP; 04-CT/TU, 219 KH/TĐTN-TN.",
    "theo 782/QĐ-TTg,1891/KH-PGDĐT và 12/2020/TT-BLĐTBXH(12/KH-UBND)",
    "a782/QĐ-TTg /782/QĐ-TTg 7 82/QĐ-TTg 782 / QĐ - TTg 46/2016NĐ-CP 48Ctr/HĐĐH",
    "số ٣٤/QĐ-UBND, ２３/KH-UBND, 12/KH-ƯBND, 5/KH, 2/ Thu ngân sách, 144/200",
    "Số: 187/KH-UBND\u00a0ngày 1/2/2023; 823/PV11(CS) và 15b/QĐ-UBND.Căn cứ",
    "đ 12/KH-SGDĐT ngày 12/12/2022 của Sở GD&ĐT; 1234567/QĐ-UBND 123-TC/QĐ/KT",
]


def _texts() -> list[str]:
    paragraphs = [line for path in _SEEDS for line in path.read_text(encoding="utf-8").splitlines()]
    return _VARIANTS + [v.replace(" ", "  ") for v in _VARIANTS] + paragraphs


def test_find_numbers_is_the_finditer_of_the_number_grammar():
    for text in _texts():
        expected = [(m.start(), m.end(), docnumbers.parse_number(m.group(0)))
                    for m in docnumbers.DOC_NUMBER_RE.finditer(text)]
        assert docnumbers.find_numbers(text) == [(s, e, n) for s, e, n in expected if n], text


def test_label_cue_is_the_single_pattern_it_splits():
    single = re.compile(r"S[ốôo]?(?:\s+hiệu)?\s*[:|]|^\W*S[ốo]\s")
    texts = _texts() + ["Số 04-CT/TU", "- Số 5", " Só 5", "x Số 5", "Số hiệu | 1589/QĐ-TTg", "S: 02", "Sô|", "SỐ: 1"]
    for text in texts:
        split = bool(docnumbers._LABEL_CUE.search(text) or docnumbers._OPENING_LABEL_CUE.match(text))
        assert split == bool(single.search(text)), text
