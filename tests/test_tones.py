"""One tone-mark placement, written for speed, places what a plain reading of every pair places."""

from __future__ import annotations

import itertools

from extractor.tones import TONE_TABLE, normalise_tone_marks


def plainly_placed(text: str) -> str:
    """Each pair of TONE_TABLE at the end of a syllable (no letter after it) and not after q, moved."""
    out, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in TONE_TABLE and not (i and text[i - 1] in "qQ") and not text[i + 2:i + 3].isalpha():
            out.append(TONE_TABLE[pair])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def test_tone_marks_are_placed_as_a_plain_reading_places_them():
    for n in range(6):
        for chars in itertools.product("oUqàẻỷy n²đ", repeat=n):
            text = "".join(chars)
            assert normalise_tone_marks(text) == plainly_placed(text), text
    assert normalise_tone_marks("hoà thuỷ khoẻ quý hoàn uỷ toàn Hoà. HOÀ") == "hòa thủy khỏe quý hoàn ủy toàn Hòa. HÒA"
