"""Classes of layout and phrasing first met in blind batch G, each on variants written for the test
(never a document's own sentence).

Targets: a value after the results a plan will keep ("duy trì bền vững kết quả đã đạt được, ít nhất
85% ...") or in an item that opens with the verb "thực hiện có hiệu quả" is a target, not a
statement of the present situation. The second of two parallel items, cut at the end of the
excerpt inside its predicate ("- 85% trường học t"), keeps the group its sibling shows whole.

Metadata: an organisation's header ("BAN CHẤP HÀNH TRUNG ƯƠNG ... ĐOÀN TNCS HỒ CHÍ MINH", the two
halves padded apart) keeps the initials it writes in its own name and reads its name after "Trung
ương" and after its organ as a name of its own; a central body takes no locality from its place line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.fields.metadata import extract_metadata
from extractor.fields.names import name_from_capitals
from extractor.fields.targets.finder import extract_targets, find_targets
from extractor.fields.targets.matches import TargetContext
from extractor.pipeline import build_doc

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


# ---------------------------------------------------------------- a cut item with a whole sibling

_PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN PHÚ
Số: 12/KH-UBND
KẾ HOẠCH
Bảo vệ môi trường trong trường học
I. MỤC TIÊU
1. Chỉ tiêu cụ thể
{items}"""


def _targets(tmp_path: Path, items: str):
    path = tmp_path / "doc.txt"
    path.write_text(_PLAN.format(items=items), encoding="utf-8")
    return [(t.value, t.group) for t in extract_targets(build_doc(path))]


@pytest.mark.parametrize("items, value, group", [
    ("- 60% trường học có tổ tự quản môi trường.\n- 90% trường học ph", 90, "trường học"),
    ("- 60% hộ gia đình phân loại rác tại nguồn.\n- 80% hộ gia đình s", 80, "hộ gia đình"),
    ("- 50% Hộ Gia đình phân loại rác tại nguồn.\n- 80% hộ gia đình", 80, "hộ gia đình"),
])
def test_cut_item_keeps_its_siblings_group(tmp_path, items, value, group):
    found = _targets(tmp_path, items)
    assert (value, group) in found, found


@pytest.mark.parametrize("items", [
    "- 90% trường học ph",  # no sibling: the group may be cut
    "- 60% hộ gia đình phân loại rác tại nguồn.\n- 90% trường học ph",  # a sibling of another group
])
def test_cut_item_without_a_whole_sibling_is_dropped(tmp_path, items):
    assert all(v != 90 for v, _ in _targets(tmp_path, items))


# ---------------------------------------------------------------- an organisation's header


@pytest.mark.parametrize("capitals, name", [
    ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"),
    ("BAN THƯỜNG VỤ TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", "Ban Thường vụ Trung ương Đoàn TNCS Hồ Chí Minh"),
    ("BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH TỈNH GIA LAI", "Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Gia Lai"),
    ("ĐOÀN TNCS HỒ CHÍ MINH HUYỆN ĐẠI LỘC", "Đoàn TNCS Hồ Chí Minh huyện Đại Lộc"),
])
def test_organisation_names_keep_their_initials(capitals, name):
    assert name_from_capitals(capitals) == name


@pytest.mark.parametrize("left, issuer", [
    ("BAN CHẤP HÀNH TRUNG ƯƠNG{pad}ĐOÀN TNCS HỒ CHÍ MINH", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG{pad}HỘI NÔNG DÂN VIỆT NAM", None),
])
def test_central_body_takes_no_locality_from_its_place_line(tmp_path, left, issuer):
    pad = " " * 60
    text = (left.format(pad=pad) + "\n\n***\n\n   Số: 31 - KH/TWĐTN-VP" + pad + "Hà Nội, ngày 3 tháng 4 năm 2024\n\n"
            "KẾ HOẠCH\nTổ chức ngày hội thiếu nhi năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Tạo sân chơi cho thiếu nhi.\n")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    meta = extract_metadata(build_doc(path))
    assert meta.place == "Hà Nội"
    assert meta.issuer is not None and "Hà Nội" not in meta.issuer, meta.issuer
    if issuer is not None:
        assert meta.issuer == issuer
