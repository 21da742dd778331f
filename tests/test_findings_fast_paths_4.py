"""Fast paths of the plan's own findings, each checked against what it replaced (kept here as its
specification) on variants built for it: markers, spaces, no-break spaces, line ends, đ/Đ/Ð, both
tone-mark placements, İ/ı/ſ, the empty string."""

from __future__ import annotations

import itertools
import re
from typing import Optional

import pytest

from extractor.check.rules.numbering import _labelled
from extractor.resources import data_json

_NOUNS = data_json("labelled_lists.json")["nouns"]
_ORIGINAL_ENTRY = re.compile(
    rf"^(?P<label>(?P<noun>{'|'.join(re.escape(n) for n in _NOUNS)})\s+(?:số\s+)?(?P<n>\d{{1,2}}))\s*(?:[.:)(]|[-–—]\s)",
    re.IGNORECASE)


def _original(text: str, marker: str) -> Optional[tuple[str, str, str]]:
    """The labelled entry as read before: the text after its marker, stripped, matched from its start."""
    rest = text[len(marker):].lstrip() if text.startswith(marker) else text
    m = _ORIGINAL_ENTRY.match(rest) if rest[:1].lower() in {n[:1].lower() for n in _NOUNS} else None
    return (m.group("label"), m.group("noun"), m.group("n")) if m else None


def _fast(text: str, marker: str) -> Optional[tuple[str, str, str]]:
    m = _labelled(text, marker)
    return (m.group("label"), m.group("noun"), m.group("n")) if m else None


_ENTRIES = ["Chỉ tiêu 1: 90% trẻ em", "CHỈ TIÊU 2. a", "chỉ tiêu số 3 - x", "Nhiệm vụ 12) y", "Đợt 2: z",
            "đợt 3. z", "ĐỢT 4 (2024)", "Ðợt 5: eth", "Giai đoạn 1 (2021 - 2023):", "Giai đọan 2: x",
            "Hoạt động 3.", "Hoạt đông 3.", "Nhóm 1 – a", "Nhóm 1 –a", "Bước 2 -", "Bước 2 - b", "Nội dung số 4:",
            "Mục tiêu 1:", "MỤC TİÊU 1:", "Mục tıêu 1:", "Giải pháp 1:", "Giải phap 1:", "Chỉ tiêu\u00a01:",
            "Chỉ tiêu\n1:", "Chỉ tiêu 123:", "Chỉ tiêu 1", "Chỉ tiêux 1:", "ſố 1:", "", " ", "1.", "Kế hoạch 1:"]
_MARKERS = ["", "-", "1.", "a)", "+", "•"]
_SPACES = ["", " ", "  ", "\u00a0", "\n", " \t"]


@pytest.mark.parametrize("marker, space, entry", list(itertools.product(_MARKERS, _SPACES, _ENTRIES)))
def test_labelled_entry_read_from_the_marker_is_the_stripped_match(marker, space, entry):
    text = marker + space + entry
    assert _fast(text, marker) == _original(text, marker), repr(text)


def test_labelled_entry_variants_cover_both_answers():
    answers = {_fast(m + s + e, m) is None for m, s, e in itertools.product(_MARKERS, _SPACES, _ENTRIES)}
    assert answers == {True, False}


@pytest.mark.parametrize("space, entry", list(itertools.product(_SPACES, _ENTRIES)))
def test_labelled_entry_of_an_item_whose_text_does_not_open_with_its_marker(space, entry):
    assert _fast(space + entry, "-") == _original(space + entry, "-"), repr(space + entry)
