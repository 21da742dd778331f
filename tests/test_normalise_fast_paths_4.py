"""Fast paths of the normaliser's fourth speed pass, each tested against the reading it replaces
(kept here as its specification) on constructed variants."""

from __future__ import annotations

import itertools
import re

import pytest

from extractor.glyph_loss import (
    MAX_PHRASE,
    _cased,
    _committee,
    _cue_changes,
    _fits_any,
    _key,
    _level,
    _mottos,
    _phrase_changes,
    _place,
    _place_changes,
    _restored_case,
    _run_starts,
    _spaced,
    lost_word,
    phrases,
    restore_text,
)
from extractor.normalise import Line, _cut_whole, _is_hard_wrapped
from extractor.ocr_repair import _words


def _is_hard_wrapped_spec(lines: list[Line]) -> tuple[bool, int]:
    """:func:`.normalise._is_hard_wrapped` as written before: the long and near lines counted one by one."""
    lengths = sorted(len(line.text) for line in lines)
    if len(lengths) < 20:
        return False, 0
    width = lengths[int(len(lengths) * 0.9)]
    long_share = sum(1 for n in lengths if n > 120) / len(lengths)
    near = sum(1 for n in lengths if n >= 0.75 * width) / len(lengths)
    return (long_share < 0.1 and 50 <= width <= 120 and near >= 0.3), width


def _lines(lengths: list[int]) -> list[Line]:
    return [Line([("x" * n, 0, n)], 0, n) for n in lengths]


LENGTH_SETS = [
    [], [60] * 19, [60] * 20, [0] * 25, list(range(40)), list(range(0, 200, 5)), [120] * 18 + [121] * 2,
    [120] * 17 + [121] * 3, [80] * 14 + [60] * 6, [80] * 14 + [59] * 6, [80] * 14 + [60] * 5 + [10],
    [68, 90, 120, 121, 50, 49] * 5, [10] * 14 + [60] * 4 + [80] * 2, [1, 2, 3] * 10 + [100] * 10,
]


@pytest.mark.parametrize("lengths", LENGTH_SETS + [list(p) for p in itertools.islice(
    itertools.product([40, 59, 60, 75, 80, 100, 119, 120, 121, 150], repeat=3), 0, None, 37)])
def test_hard_wrap_is_read_as_the_counts_one_by_one(lengths: list[int]) -> None:
    for scale in (1, 3, 7):
        lines = _lines(lengths * scale)
        assert _is_hard_wrapped(lines) == _is_hard_wrapped_spec(lines)



# ---------------------------------------------------------------- lines whose words are words of the clean text


def _cut_whole_spec(pieces: list[tuple[str, int, int]], base: str) -> bool:
    """:func:`.normalise._cut_whole` as written before: one piece, a slice of ``base`` between non-alphanumerics."""
    if len(pieces) != 1:
        return False
    text, s, e = pieces[0]
    return (not s or not base[s - 1].isalnum()) and (e == len(base) or not base[e].isalnum()) and text == base[s:e]


BASES = ["", "a", "**Điều 1.** Phê duyệt kế hoạch", "hoà**bình** hòa", "Ủy\u00a0ban  nhân_dân", "Đ Ð đ**ĐT**",
         "İ ı ſ**x**y", "Số: 12/KH-UBND\nngày 3", "__a__b__", "*1*2* 3", "x\fy\nz"]


def _piece_sets(base: str) -> list[list[tuple[str, int, int]]]:
    """Lines cut from ``base`` at every pair of points, whole or in two or three slices, some rewritten."""
    out: list[list[tuple[str, int, int]]] = []
    n = len(base)
    for a, b, c, d in itertools.product(range(n + 1), repeat=4):
        if a <= b <= c <= d:
            out.append([(base[a:b], a, b), (base[c:d], c, d)])
            out.append([(base[a:d], a, d)])
            out.append([(base[a:b], a, c)])  # a text shorter than its source range
            out.append([(base[a:b], a, b), ("", b, b), (base[b:c], b, c), (base[c:d], c, d)])
            out.append([(base[a:b], a, b), (" ", b, b), (base[c:d].upper(), c, d)])
    return out


@pytest.mark.parametrize("base", BASES)
def test_a_line_cut_whole_holds_only_runs_of_the_clean_text(base: str) -> None:
    runs = set(re.findall(r"[^\W_]+", base))
    for pieces in _piece_sets(base):
        if _cut_whole_spec(pieces, base):
            assert _cut_whole(pieces, base), pieces  # what was cut whole still is
        if _cut_whole(pieces, base):
            assert set(re.findall(r"[^\W_]+", "".join(p[0] for p in pieces))) <= runs, pieces


# ---------------------------------------------------------------- glyph loss: the restorations of a line


def _place_changes_spec(text, words, taken, whole, before=""):
    """:func:`.glyph_loss._place_changes` as written before: every position looked at in turn."""
    out = []
    for i in range(len(words)):
        level = (_level(words[i - 1][2].lower()) if i else _level(before) if words[0][0] == 0 else None)
        if level is not None and i and not _spaced(text, words, i - 1, i):
            level = None
        if level is None and i >= 2 and _committee(words[i - 2][2], words[i - 1][2]) and _spaced(text, words, i - 2, i):
            level = "ủy"
        if level is None and not whole:
            continue
        for size in (3, 2, 1):
            j = i + size
            if j > len(words) or taken & set(range(i, j)) or not _spaced(text, words, i, j - 1):
                continue
            dated = whole and j < len(words) and text[words[j - 1][1]:words[j][0]] == ", " \
                and _fits_any(words[j][2].lower(), "ngày")
            if not (level or dated):
                continue
            found = _place(words, i, j)
            if found is None:
                continue
            place, restored = found
            lost_level = level not in (None, "ủy") and i > 0 and words[i - 1][2].lower() != level
            if not (restored or lost_level):
                continue
            if lost_level:
                start, end, old = words[i - 1]
                out.append((start, end, _cased(str(level), old)))
            for k, new in zip(range(i, j), place.split()):
                start, end, old = words[k]
                if new.lower() != old.lower():
                    out.append((start, end, _cased(new, old)))
            taken |= set(range(i - 1 if lost_level else i, j))
            break
    return out


def _phrase_changes_spec(text, words, taken, whole):
    """:func:`.glyph_loss._phrase_changes` as written before: every word's key, skeletons by :func:`lost_word`."""
    table = phrases()
    keys = [_key(w) for _, _, w in words]
    lowered = [w.lower() for _, _, w in words]
    lost = None if whole else [k for k, (_, _, w) in enumerate(words) if lost_word(w) and not w.isupper()]
    out = []
    for size in range(min(MAX_PHRASE, len(words)), 1, -1):
        for i in _run_starts(len(words), size, lost):
            j = i + size
            entries = table.get(tuple(keys[i:j]))
            if not entries:
                continue
            gaps = [text[words[k][1]:words[k + 1][0]] for k in range(i, j - 1)]
            if taken & set(range(i, j)) or any(gap not in (" ", ", ") for gap in gaps):
                continue
            commas = frozenset(k for k, gap in enumerate(gaps) if gap == ", ")
            candidates = [p for p, where in entries if commas <= where]
            if not candidates:
                continue
            read = lowered[i:j]
            fits = {p for p in candidates if all(_fits_any(a, b.lower()) for a, b in zip(read, p))}
            if len({tuple(w.lower() for w in p) for p in fits}) != 1:
                continue
            phrase = min(fits)
            capitals = all(w.isupper() for _, _, w in words[i:j]) and any(len(w) > 1 for _, _, w in words[i:j])
            for k, new in zip(range(i, j), phrase):
                start, end, old = words[k]
                if new.lower() != read[k - i]:
                    out.append((start, end, _restored_case(new, old, capitals)))
            taken |= set(range(i, j))
    return out


def _restore_text_spec(text, whole, before=""):
    """:func:`.glyph_loss.restore_text` as written before, of the readings above."""
    changes = []
    if whole:
        for pattern, motto in _mottos():
            for m in pattern.finditer(text):
                written = m.group()
                if written.lower() != motto.lower():
                    changes.append((m.start(), m.end(), motto.upper() if written.isupper() else motto))
    words = [w for w in _words(text) if not any(a <= w[0] < b for a, b, _ in changes)]
    taken: set[int] = set()
    changes += _place_changes_spec(text, words, taken, whole, before)
    changes += _phrase_changes_spec(text, words, taken, whole)
    if whole:
        changes += _cue_changes(text, words, taken)
    return sorted(changes)


GLYPH_LINES = [
    "", "\n", "quận Hoàn Kiếm, Hà Nội; Email: cttt@hanoiedu.vn", "tỉnh Phú Thọ", "tnh Ph Th", "TNH PH TH",
    "TỈNH PHÚ THỌ", "Tỉnh ủy Phú Thọ", "Tnh y Ph Th", "Thành ủy Hà Nội", "thnh y H Ni", "huyện Đoan Hùng",
    "huyn oan Hng", "huyện Ðoan Hùng", "tỉnh Khánh Hoà", "tỉnh Khánh Hòa", "tnh Khnh Ho", "thnh ph H Ni",
    "tỉnh\u00a0Phú Thọ", "tỉnh  Phú Thọ", "xã İa ıa ſa", "tnh İa", "Ph Th, ngy 12 thang 01", "Phú Thọ, ngày 12",
    "huyện ĐK LK", "tnh Đk Lk", "tnh Phú Thọ", "huyn Đoan Hùng", "TNH PHÚ THỌ", "quận 3", "tỉnh\nPhú Thọ",
    "Mc tiêu v yêu cu", "A. MC CH, YU CU", "Mc ch, yêu cu", "MC İCH", "Mc ıch", "Ủy ban nhân dân tnh Ph Th",
    "y ban nhn dn tỉnh", "S Gio dc v o to", "CNG HO X HI CH NGHA VIT NAM", "c l p - T do - Hanh phuc",
    "S: 02 /HD-SVHTTDL", "ngy 20/4/2009", "KH VT vn mc", "Kế hoạch số 12 (email: ab@c.vn) ca y ban nhân dân huyện",
]


@pytest.mark.parametrize("text", GLYPH_LINES)
@pytest.mark.parametrize("whole", [False, True])
@pytest.mark.parametrize("before", ["", "tỉnh", "tnh", "huyện"])
def test_a_line_is_restored_as_before(text: str, whole: bool, before: str) -> None:
    for variant in (text, text.upper(), text.lower(), text.replace(" ", "\u00a0")):
        assert restore_text(variant, whole, before) == _restore_text_spec(variant, whole, before), variant
        words = _words(variant)
        assert _place_changes(variant, words, set(), whole, before) == _place_changes_spec(variant, words, set(), whole, before)
        assert _phrase_changes(variant, words, set(), whole) == _phrase_changes_spec(variant, words, set(), whole)
