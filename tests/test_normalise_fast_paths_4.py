"""Fast paths of the normaliser's fourth speed pass, each tested against the reading it replaces
(kept here as its specification) on constructed variants."""

from __future__ import annotations

import itertools

import pytest

from extractor.normalise import Line, _is_hard_wrapped


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

