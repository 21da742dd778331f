"""Classes of layout and phrasing first met in blind batch G, each on variants written for the test
(never a document's own sentence).

Targets: a value after the results a plan will keep ("duy trì bền vững kết quả đã đạt được, ít nhất
85% ...") or in an item that opens with the verb "thực hiện có hiệu quả" is a target, not a
statement of the present situation.
"""

from __future__ import annotations

import pytest

from extractor.fields.targets.finder import find_targets
from extractor.fields.targets.matches import TargetContext

# ---------------------------------------------------------------- results to keep are not a situation


@pytest.mark.parametrize("text, value, group", [
    ("- Duy trì bền vững kết quả đã đạt được, ít nhất 80% các xã đã đạt chuẩn giữ vững danh hiệu.", 80, "các xã"),
    ("Giữ vững kết quả, 90% trường học đạt chuẩn xanh - sạch - đẹp.", 90, "trường học"),
    ("Phát huy kết quả năm trước, 75% thôn bản có tổ hòa giải hoạt động hiệu quả.", 75, "thôn bản"),
    ("Củng cố kết quả xây dựng, ít nhất 70% khu dân cư được công nhận an toàn.", 70, "khu dân cư"),
    ("- Thực hiện có hiệu quả các biện pháp phòng ngừa, 95% hộ gia đình ký cam kết an toàn.", 95, "hộ gia đình"),
])
def test_results_to_keep_are_targets(text, value, group):
    found = [(m.value, m.group) for m in find_targets(text, TargetContext(goal=True))]
    assert any(v == value and g.startswith(group) for v, g in found), found


@pytest.mark.parametrize("text", [
    "Kết quả năm 2023, 85% số xã đã có tổ hòa giải.",
    "Hiện có 60% hộ gia đình sử dụng nước sạch.",
    "Đến nay, 70% trường học đạt chuẩn quốc gia.",
])
def test_situation_values_stay_statistics(text):
    assert find_targets(text, TargetContext(goal=True)) == []
