"""One tone-mark placement, written for speed, places what a plain reading of every pair places."""

from __future__ import annotations

import itertools

from extractor.tones import _TONE_PAIR, LONG_TEXT, TONE_TABLE, _tone_pairs, normalise_tone_marks


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


def test_a_long_text_is_placed_as_a_plain_reading_places_it():
    """A text of LONG_TEXT characters or more is scanned once per first vowel: the same pairs, in order."""
    words = ["hoà", "hòa", "HOÀ", "Hoà.", "thuỷ", "quý", "QUỶ", "uỷ", "khoẻ", "hoàn", "toà\u00a0án", "Đoà", "Ðoè",
             "đuỷ", "İoà", "ıuỷ", "ſoé", "oà\n", "uỷ\f", "Oẹ", "Uỹ", "oáz", "ưoà", "²uỳ", ""]
    text = " ".join(w for _, w in zip(range(3 * LONG_TEXT // 4), itertools.cycle(words)))
    assert len(text) >= LONG_TEXT
    for variant in (text, text.replace(" ", ""), text.upper(), text[1:], "q" + text.replace(" ", "q")):
        assert [m.span() for m in _tone_pairs(variant)] == [m.span() for m in _TONE_PAIR.finditer(variant)]
        assert normalise_tone_marks(variant) == plainly_placed(variant)
    assert [m.span() for m in _tone_pairs("")] == []
