"""Vietnamese dates as written: the seeds' dates and constructed variants."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS, gold_for

from extractor.fields.dates import DATE, DateValue, find_dates, parse_date


@pytest.mark.parametrize(
    "written, iso, day, month, year",
    [
        ("ngày 27/5/2021", "2021-05-27", 27, 5, 2021),
        ("27/5/2021", "2021-05-27", 27, 5, 2021),
        ("05/8/2016", "2016-08-05", 5, 8, 2016),
        ("ngày 27 tháng 5 năm 2021", "2021-05-27", 27, 5, 2021),
        ("ngày 27-5-2021", "2021-05-27", 27, 5, 2021),
        ("ngày 27.5.2021", "2021-05-27", 27, 5, 2021),
        ("NGÀY 03 THÁNG 04 NĂM 2020", "2020-04-03", 3, 4, 2020),
        ("tháng 8 năm 2021", "2021-08", None, 8, 2021),
        ("tháng 12/2023", "2023-12", None, 12, 2023),
        ("năm 2022", "2022", None, None, 2022),
        # blank-day forms of an unsigned plan: as precise as written
        ("ngày tháng năm 2022", "2022", None, None, 2022),
        ("ngày   tháng 8 năm 2021", "2021-08", None, 8, 2021),
        ("ngày … tháng … năm 2023", "2023", None, None, 2023),
        ("ngày ..... tháng 3 năm 2023", "2023-03", None, 3, 2023),
        # OCR: accents lost, stray spaces around separators
        ("ngay 27 / 5 / 2021", "2021-05-27", 27, 5, 2021),
        ("ngay 9 thang 5 nam 2017", "2017-05-09", 9, 5, 2017),
    ],
)
def test_written_forms(written, iso, day, month, year):
    value = parse_date(written)
    assert (value.iso, value.day, value.month, value.year, value.valid) == (iso, day, month, year, True)


@pytest.mark.parametrize(
    "written, day, month",
    [("trước ngày 5/7", 5, 7), ("trước ngày 25/12", 25, 12), ("trước ngày 20/11 hàng năm", 20, 11),
     ("20/11 hàng năm", 20, 11), ("15/6 hằng năm", 15, 6)],
)
def test_day_month_deadlines_have_no_year(written, day, month):
    value = parse_date(written)
    assert (value.day, value.month, value.year, value.iso) == (day, month, None, None)
    assert value.valid and value.precision == "day-month"


@pytest.mark.parametrize("written", ["ngày 31/02/2021", "29/2/2023", "ngày 31 tháng 4 năm 2022", "ngày 12/13/2021"])
def test_impossible_dates_are_parsed_and_flagged(written):
    value = parse_date(written)
    assert value.year is not None and not value.valid


def test_leap_day_is_valid():
    assert parse_date("29/02/2024").valid and parse_date("29/2 hàng năm").valid


@pytest.mark.parametrize("text", ["", "Kế hoạch này", "giai đoạn 2021-2025", "144/200", "số 81 phố Thọ Nhuộm"])
def test_no_date(text):
    assert parse_date(text) == DateValue(text=text)


def test_numbers_and_ratios_are_not_dates():
    text = "Nghị định số 56/2017/NĐ-CP; Thông tư 13/2021/TT-BLĐTBXH; tỷ lệ 144/200 lên 150/200; Số 04-CT/TU"
    assert find_dates(text) == []


def test_find_dates_offsets_and_order():
    text = "Quyết định số 782/QĐ-TTg ngày 27/5/2021; báo cáo 6 tháng (trước ngày 5/7) và năm 2022."
    found = find_dates(text)
    assert [text[s:e] for s, e, _ in found] == ["ngày 27/5/2021", "ngày 5/7", "năm 2022"]
    assert [v.iso for _, _, v in found] == ["2021-05-27", None, "2022"]


def test_grammar_embeds_in_other_patterns():
    # DATE has no capturing groups, so it can be used twice in one pattern.
    pattern = re.compile(rf"từ\s+(?P<since>{DATE})\s+đến\s+(?P<until>{DATE})", re.VERBOSE)
    m = pattern.search("Tháng hành động vì trẻ em (từ ngày 01/6 đến ngày 30/6)")
    assert parse_date(m.group("since")).day == 1 and parse_date(m.group("until")).day == 30


def test_every_gold_reference_date_is_found_in_its_seed():
    for seed in SEEDS:
        text = seed.read_text("utf-8")
        found = {v.iso for _, _, v in find_dates(text)}
        for ref in gold_for(seed)["references"]:
            if ref["date"]:
                assert ref["date"] in found, (seed.name, ref)


def test_seed_header_dates_as_precise_as_written():
    for seed in SEEDS:
        gold_date = gold_for(seed)["metadata"]["date"]
        header = next((ln for ln in seed.read_text("utf-8").splitlines()[:12] if re.search(r"ngày.*năm", ln)), None)
        if gold_date:
            assert parse_date(header).iso == gold_date, seed.name
