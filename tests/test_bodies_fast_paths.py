"""The bodies step's cheap tests and rewrites must say what the plain code they replaced says.

Each fast path is checked against the plain version (kept here as its specification) on variants
built for it: spaces, no-break spaces, tabs and line breaks, capitals, đ, both tone placements.
"""

from __future__ import annotations

import itertools
import re
from typing import Optional

import pytest

from extractor.fields.bodies.finder import LETTER_FORMULA, _letter_formula_in
from extractor.fields.bodies.lexicon import Lexicon, gazetteer
from extractor.fields.bodies.naming import _KEY_DROP, _KEY_PUNCT, _head_levels, body_key, body_level, level_words
from extractor.fields.bodies.slots import INTRO, INTRO_LETTERS
from extractor.fields.bodies.tokens import Tokens
from extractor.fields.names import _SPACED_HYPHEN, normalise_spacing
from extractor.tones import clean

SPACES = [" ", "  ", "\u00a0", "\t", "\n", " \n "]


def _spaced(words: str) -> list[str]:
    """``words`` with each of ``SPACES`` between them, and in capitals."""
    out = []
    for space in SPACES:
        joined = words.replace(" ", space)
        out += [joined, joined.upper(), space + joined + space]
    return out


LETTER_TEXTS = [
    stem + formula + end
    for formula in (_spaced("có ý kiến như sau") + _spaced("có ý kiến chỉ đạo như sau")
                    + ["cóý kiến như sau", "có ý kiến như sau", "xcó ý kiến như sau", "có ý kiến như saux", "có ý", "ý", ""])
    for stem, end in itertools.product(["", "Ủy ban nhân dân huyện ", "Về việc này, UBND tỉnh Quý "], ["", ":", " như sau:"])
]


@pytest.mark.parametrize("text", LETTER_TEXTS)
def test_letter_formula_tried_at_its_letter_is_the_search(text: str) -> None:
    assert _letter_formula_in(text) == bool(LETTER_FORMULA.search(text)), repr(text)


def test_letter_formula_variants_cover_both_answers() -> None:
    assert {_letter_formula_in(t) for t in LETTER_TEXTS} == {True, False}


def _plain_body_key(name: str) -> str:
    key = _KEY_PUNCT.sub(" ", clean(name).casefold())
    key = re.sub(r"\s+", " ", key).strip()
    prev = None
    while prev != key:
        prev, key = key, _KEY_DROP.sub("", key).strip()
    words = key.split()
    levels = level_words()
    return " ".join(w for at, w in enumerate(words) if not (w == "các" and at and at + 1 < len(words) and words[at + 1] in levels))


NAMES = [variant for name in (
    "các Sở, ban, ngành liên quan", "Ủy ban nhân dân các quận, huyện có liên quan", "Các đơn vị trực thuộc",
    "Phòng Giáo dục và Đào tạo quận, huyện, thị xã", "mỗi trường học", "những cơ quan liên quan liên quan",
    "UBND các xã, phường, thị trấn", "Hội đồng nhân dân các cấp", "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp",
    "Sở Lao động- Thương binh và Xã hội", "Sở LĐ -TB&XH", "Phòng Bảo trợ xã hội — Trẻ em", "Nhà Thiếu nhi tỉnh",
    "Cơ sở bảo trợ xã hội tổng hợp tỉnh", "Tỉnh Đoàn", "X thị xã", "Ủy ban nhân dân thành phố Huế", "các",
    "Trường THPT Quốc Học", "Bộ Y tế", "Uỷ ban nhân dân huyện", "Đội thiếu niên, các thôn bản", ", Sở Y tế ;", "", " ",
) for variant in _spaced(name) + [name + ".", name + " ,", "- " + name, name.lower()]]


@pytest.mark.parametrize("name", NAMES)
def test_body_key_is_the_plain_key(name: str) -> None:
    assert body_key(name) == _plain_body_key(name), repr(name)


def _plain_body_level(name: str) -> Optional[str]:
    g = gazetteer()
    if any(w in name.lower() for w in g["school_words"]):
        return "school"
    tk = Tokens(name, 0, Lexicon.load())
    k = 1
    while tk.has(k):
        n = tk.match("level", k)
        if n and not tk.is_cap(k):
            level = g["level_words"].get(" ".join(tk.texts[k:k + n]))
            if level:
                return level
        k += 1
    if any(w in name for w in g["national_words"]):
        return "national"
    pattern, levels = _head_levels()
    head = pattern.match(name)
    return levels[head.group(0).lower()] if head else None


@pytest.mark.parametrize("name", NAMES)
def test_body_level_tokenises_only_names_with_level_words(name: str) -> None:
    assert body_level(name) == _plain_body_level(name), repr(name)


def test_body_level_levels() -> None:
    assert [body_level(n) for n in ("Nhà Thiếu nhi tỉnh", "Ủy ban nhân dân các xã", "Sở Y tế", "Bộ Y tế")] == [
        "province", "commune", "province", "national"]


def _plain_spacing(name: str) -> str:
    return re.sub(r"\s+", " ", _SPACED_HYPHEN.sub(" - ", name)).strip(" ,;:.")


@pytest.mark.parametrize("name", NAMES)
def test_normalise_spacing_is_the_plain_one(name: str) -> None:
    assert normalise_spacing(name) == _plain_spacing(name), repr(name)


INTRO_TEXTS = [first + rest for first, rest in itertools.product(
    ["T", "Đ", "đ", "H", "h", "C", "t", "c", "Ð", "X", "", " ", "-"],
    ["heo định kỳ hàng năm, Sở Y tế", "ịnh kỳ hằng quý X", "àng năm, X", "ằng tháng X", "ăn cứ chức năng, nhiệm vụ, Sở X",
     "heo kế hoạch, X", "rên cơ sở kết quả, X", "rong phạm vi quản lý, X", "heo", ""])]


@pytest.mark.parametrize("text", INTRO_TEXTS)
def test_intro_opens_with_its_letters(text: str) -> None:
    if INTRO.match(text):
        assert text[:1] in INTRO_LETTERS, repr(text)


def test_intro_variants_cover_both_answers() -> None:
    assert {INTRO.match(t) is None for t in INTRO_TEXTS} == {True, False}
