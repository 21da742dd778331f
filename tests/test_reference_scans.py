"""The fast scans of the references step give what the straightforward patterns give."""

import re
from pathlib import Path

from extractor.fields import docnumbers, references

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


# ---------------------------------------------------------------- references: the type-word scan

_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_CORPUS_TEXTS = sorted(_CORPUS.glob("plans/*.txt")) + sorted(_CORPUS.glob("heldout/plans/*.txt")) \
    + sorted(_CORPUS.glob("dev/docs/*.txt")) + sorted(_CORPUS.glob("blind/docs/*.txt"))

_CITATION_VARIANTS = [
    "căn cứ điều lệ trường Tiểu học Kim Đồng;",
    "- Căn cứ kế hoạch của UBND huyện về việc tổ chức Hội khỏe Phù Đổng;",
    "Năm học 2023; thực hiện chương trình Sữa học đường của tỉnh Hà Nam",
    "x: theo  đề án Phát triển văn hóa đọc: căn cứ vào nghị quyết Đại hội Đảng bộ lần thứ XIV",
    "theo quyết định số 782/QĐ-TTg và nghị định 56/2017/NĐ-CP của Chính phủ",
    "pháp luật về trẻ em; quy định của Luật Trẻ em; Bộ luật Lao động; XBộ luật số 45/2019/QH14",
    "các Chương trình, Kế hoạch, Đề án 06, Chương trình 135; QUYẾT ĐỊNH số 12/QĐ-UBND; Quyết Định 5",
    "thực hiện\u00a0kế hoạch Hành động quốc gia; triển khai thực hiện chiến lược Dân số Việt Nam",
]


def _scan_texts() -> list[str]:
    lines = [line for path in _CORPUS_TEXTS for line in path.read_text(encoding="utf-8").splitlines()]
    return _CITATION_VARIANTS + [v.capitalize() for v in _CITATION_VARIANTS] + lines


def test_spellings_split_by_case():
    """The capitalised scan finds the full scan's capitalised words: no lower-case spelling holds a
    capital, and every capitalised one opens with one."""
    names = references._TYPE_NAMES
    assert all(s[0].isupper() for s in references._capitalised(names))
    assert not any(c.isupper() for s in references._lower_initial(names) for c in s)


def test_heads_read_with_the_capitalised_scan_are_those_of_the_full_scan(monkeypatch):
    texts = _scan_texts()  # every paragraph: the heads are read before the gate (``_may_cite``)
    gated = [references._heads(t) for t in texts]
    monkeypatch.setattr(references, "_lower_case_may_head", lambda text, numbered: True)
    assert [references._heads(t) for t in texts] == gated



_NAMED_VARIANTS = [
    "Thực hiện Chương trình phòng ngừa, giảm thiểu trẻ em lao động trái quy định của pháp luật giai đoạn 2021",
    "Kế hoạch phát triển ²năm", "Kế hoạch số 5 về", "Chương trình phòng, Chống ma túy", "Kế hoạch (xem) Tây Ninh",
    "Kế hoạch phát triển. Tây Ninh", "Kế hoạch phát.triển Tây", "Kế hoạch..phát Tây", "Chiến lược phát triển lần thứ XIV",
    "Kế hoạch phát triển\u00a0Tây", "Kế hoạch phát trie\u0302\u0309n Việt", "Kế hoạch phát-Triển", "Kế hoạch ǅem năm",
    "Kế hoạch phát triển,Tây Ninh", "Kế hoạch phát triển “Tây Ninh”", "Kế hoạch phát triển của Tây Ninh",
    "Kế hoạch phát triển sốTây", "Kế hoạch phát triển số: 5", "Kế hoạch ngày 5 Tây", "Đề án", "Đề án ", "Đề án ,",
]


def test_a_title_without_a_name_is_skipped_as_the_full_reading_rejects_it(monkeypatch):
    cases = []
    for text in _scan_texts() + _NAMED_VARIANTS:
        for m in references._TYPE_WORD_SCAN.finditer(text):
            for limit in {len(text), min(len(text), m.end() + 12), min(len(text), m.end() + 30)}:
                cases.append((text, m.end(), m.group(0), limit))
    skipped = [references._read_named(*case) for case in cases]
    monkeypatch.setattr(references, "_holds_no_name", lambda text, start, limit: False)
    assert [references._read_named(*case) for case in cases] == skipped


def test_a_text_without_a_symbol_after_a_slash_holds_no_number():
    for text in _scan_texts():
        if not references._has_symbol(text):
            assert docnumbers.find_numbers(text) == [] and not list(docnumbers._PARTS_RE.finditer(text)), text


# ---------------------------------------------------------------- references: the lower-case gate and the labels

_CLAUSE_VARIANTS = [
    "", ";", ":", "; căn cứ kế hoạch", "a; căn cứ kế hoạch Tây", "x:\u00a0thực hiện  nghị quyết Đại hội",
    "Căn cứ kế hoạch; theo", "theo kế hoạch", "; ; căn cứ đề án", "căn cứ: kế hoạch", "căn cứ kế: hoạch",
    "– Triển khai thực hiện chương trình", "ĐỂ THỰC HIỆN kế hoạch", "đề án; Để triển khai chiến lược",
    "Căn cứ Kế hoạch", "căn cứ vào điều lệ", "Ðể thực hiện kế hoạch", "căn cứ\nkế hoạch", "İ; căn cứ biên bản",
    "ſ: theo quy hoạch", "thực hiện - kế hoạch", "a ; thi hành: nghị quyết",
]


def _lower_case_may_head_by_clause(text: str, numbered: bool) -> bool:
    """The specification: each clause between ";" and ":" read on its own."""
    return numbered or any(references._OPENS_WITH_LOWER_NAMED.match(clause)
                           for part in text.split(";") for clause in part.split(":"))


def test_lower_case_may_head_is_the_clause_by_clause_reading():
    texts = _scan_texts() + _CLAUSE_VARIANTS + [v.capitalize() for v in _CLAUSE_VARIANTS]
    for text in texts:
        for numbered in (False, True):
            assert references._lower_case_may_head(text, numbered) == _lower_case_may_head_by_clause(text, numbered), text
    assert {references._lower_case_may_head(t, False) for t in _CLAUSE_VARIANTS} == {True, False}


def test_a_text_without_a_slash_holds_no_labelled_number():
    texts = _texts() + ["Số: 187 KH-UBND", "Số 04-CT TU", "Số hiệu | 1589-QĐ-TTg", "S: 02\u00a0HD", ""]
    for text in texts:
        if "/" not in text:
            assert not list(docnumbers._NUMBER_LABEL_RE.finditer(text)), text
