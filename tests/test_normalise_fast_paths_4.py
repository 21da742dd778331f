"""Fast paths of the normaliser's fourth speed pass, each tested against the reading it replaces
(kept here as its specification) on constructed variants."""

from __future__ import annotations

import itertools
import re

import pytest

from extractor.normalise import Line, _cut_whole, _is_hard_wrapped


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
