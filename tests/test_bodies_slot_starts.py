"""The slots' starts found by str.find (``word_slot_starts``, ``subject_slot_starts``) against the
straightforward search: each slot's pattern tried at every offset where a cue word stands, in any case
(a cue is its words one space apart: "Chỉ  đạo" with two is none)."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from extractor.fields.bodies.slots import SLOT_CUES, SLOTS, _word_start, subject_slot_starts, word_slot_starts
from extractor.pipeline import build_doc

VARIANTS = [
    "Giao Sở Y tế chủ trì; giao cho UBND các huyện thực hiện.",
    "GIAO Sở Y tế chủ trì, gIao X, Ban chỉ đạo tỉnh chỉ đạo, hướng dẫn các xã triển khai.",
    "Đề nghị Ủy ban MTTQ tỉnh phối hợp với Sở Nội vụ; Yêu cầu\u00a0các đơn vị báo cáo.",
    "Chỉ  đạo Phòng Y tế (hai dấu cách), CHỈ ĐẠO X, chỉ đạo X, khối phối hợp chặt chẽ với Sở Tài chính.",
    "Thực hiện trách nhiệm giám sát của Mặt trận; Trách nhiệm của Sở GD&ĐT: lập kế hoạch.",
    "Đơn vị thực hiện: Sở Tư pháp. Cơ quan phối hợp: Công an tỉnh. đơn vị phối hợp: các xã",
    "Phân công Sở Công Thương; phân công cho X; giao chỉ tiêu năm 2025 cho các huyện.",
    "",
    "giao",
    "Hướng dẫn các trường lập dự toán. Phối kết hợp, kết nối với Đoàn Thanh niên.",
]


def _straightforward(kind: str, text: str, at: int) -> list[tuple[int, int]]:
    pattern = SLOTS[kind]
    ends: dict[int, int] = {}
    for i in range(at, len(text)):
        if not any(text[i:i + len(cue)].lower() == cue for cue in SLOT_CUES[kind]):
            continue
        m = pattern.match(text, i)
        if m and _word_start(text, i, kind):
            ends[m.end()] = min(i, ends.get(m.end(), i))
    return sorted(((cue, end) for end, cue in ends.items()), key=lambda pair: pair[1])


def _texts() -> list[str]:
    seeds = [p.text for path in SEEDS for p in build_doc(path).paragraphs]
    return VARIANTS + seeds


@pytest.mark.parametrize("kind", [k for k in SLOTS if k != "subject"])
def test_word_slots_start_where_their_pattern_matches_at_any_offset(kind):
    for text in _texts():
        for at in (0, 3):
            assert word_slot_starts(kind, SLOTS[kind], text, at) == _straightforward(kind, text, at), text


def test_clauses_start_where_the_subject_pattern_matches():
    for text in _texts():
        for at in (0, 3):
            expected = [m.end() for m in SLOTS["subject"].finditer(text, at)]
            assert subject_slot_starts(SLOTS["subject"], text, at) == expected, text
