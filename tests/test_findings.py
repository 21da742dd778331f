"""Findings on real documents (issue 10): values that are rates or changes, texts that end mid-way,
numbering inside sections and labelled lists, items numbered like sections, citations dated before
what they carry out. Every test is on variants constructed here, never on a corpus document's words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, extracted

from extractor.check import check_record, load_parent, plan_findings
from extractor.check.rules import CODES, RULES
from extractor.evaluate import LOCATING_KEY
from extractor.pipeline import extract
from extractor.records import PlanRecord, Provenance, Span, Target
from extractor.resources import PARENTS_DIR

HEADER = ("ỦY BAN NHÂN DÂN\nHUYỆN NAM TRÀ MY\n\nSố: 77/KH-UBND\n\nNam Trà My, ngày {date}\n\n{kind}\n"
          "Phát triển giáo dục năm 2024\n\n")
CLOSING = ("\n\nTrên đây là Kế hoạch của Ủy ban nhân dân huyện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
           "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n")
ORGANISATION = "\n\nII. TỔ CHỨC THỰC HIỆN\n\nPhòng Giáo dục và Đào tạo chủ trì triển khai Kế hoạch này."  # after I


def plan(tmp_path: Path, body: str, closing: str = CLOSING, date: str = "10 tháng 6 năm 2024",
         kind: str = "KẾ HOẠCH", name: str = "plan.txt") -> PlanRecord:
    path = tmp_path / name
    path.write_text(HEADER.format(date=date, kind=kind) + body + closing, "utf-8")
    record = extract(path)
    assert isinstance(record, PlanRecord)
    return record


def found(record: PlanRecord, code: str) -> list:
    return [f for f in record.findings if f.code == code]


def located(record: PlanRecord, code: str) -> list:
    """The findings of ``code`` by the key that locates them when scored."""
    return [getattr(f, LOCATING_KEY[code]) for f in found(record, code)]


def test_the_new_rules_are_registered_with_codes_the_scorer_locates():
    new = {"item_numbering", "labelled_numbering", "roman_items"}
    rules = [rule for rule in RULES if rule.check.__name__ in new]
    assert {rule.check.__name__ for rule in rules} == new and all(rule.needs == "plan" for rule in rules)
    assert {code for rule in rules for code in rule.codes} <= set(LOCATING_KEY) & set(CODES)


# ---------------------------------------------------------------- values out of range


@pytest.mark.parametrize("line", [
    "- Tỷ số giới tính khi sinh không quá 111,2 số bé trai/100 bé gái.",
    "- Tỷ số giới tính khi sinh dưới 112 trẻ trai/100 trẻ gái.",
    "- Tỷ suất sinh thô giảm -0,2 điểm phần trăm so với năm 2023.",
    "- Mức giảm tỷ lệ sinh con thứ ba -0,1 điểm phần trăm.",
])
def test_named_rates_and_signed_changes_are_in_range(tmp_path, line):
    record = plan(tmp_path, "I. MỤC TIÊU\n\n" + line + ORGANISATION)
    assert record.targets and record.targets[0].flags
    assert not found(record, "value_out_of_range")


@pytest.mark.parametrize("line, value", [
    ("- Trên 100% trẻ em được tiêm chủng đầy đủ.", 100),
    ("- 105% trẻ em trong độ tuổi được đến trường.", 105),
])
def test_shares_over_a_hundred_stay_out_of_range(tmp_path, line, value):
    record = plan(tmp_path, "I. MỤC TIÊU\n\n" + line + ORGANISATION)
    assert located(record, "value_out_of_range") == [value]


def _with_targets(targets: list[Target]) -> PlanRecord:
    return PlanRecord(document="t.txt", provenance=Provenance(path="t.txt", kind="txt"), targets=targets)


def test_a_ratio_over_its_base_is_out_of_range_unless_a_named_rate():
    span = Span(start=0, end=1, page=1, line=1)
    share = Target(value=120, unit="ratio", denominator=100, group="xã", span=span)
    rate = share.model_copy(update={"flags": ["named_rate"]})
    negative = Target(value=-3, group="hộ nghèo", span=span)
    change = negative.model_copy(update={"flags": ["signed_change"]})
    assert [f.value for f in plan_findings(_with_targets([share, rate, negative, change]))] == [120, -3]


# ---------------------------------------------------------------- texts that end mid-way

TASKS = "I. MỤC ĐÍCH\n\nNâng cao chất lượng giáo dục.\n\nII. NHIỆM VỤ\n\n1. Tổ chức tập huấn cho giáo viên."
TASKS_ORGANISED = TASKS + ORGANISATION.replace("II.", "III.")


@pytest.mark.parametrize("ending", [
    "\n\n2. Rà soát cơ sở vật chất, trang thi",             # cut mid-word
    "\n\n2. Rà soát cơ sở vật chất của các trường học",      # cut after a phrase
    "\n\n2. Rà soát cơ sở vật chất:",                        # cut after a lead-in
    "\n\nIII. KINH PHÍ",                                     # cut after a heading
])
def test_a_text_that_ends_mid_way_is_incomplete_and_sets_no_task_without_body(tmp_path, ending):
    record = plan(tmp_path, TASKS + ending, closing="")
    assert record.provenance.incomplete
    (warning,) = [w for w in record.provenance.warnings if w.startswith("incomplete")]
    assert "ends mid-way" in warning and "task_without_body" in warning
    assert not found(record, "task_without_body")


@pytest.mark.parametrize("closing", [
    CLOSING,
    "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.",
    "\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An",
    "\n\n2. Rà soát cơ sở vật chất của các trường học./.",  # the end mark closes the last sentence
])
def test_a_whole_text_is_complete_and_keeps_task_without_body(tmp_path, closing):
    record = plan(tmp_path, TASKS, closing=closing)
    assert not record.provenance.incomplete
    assert not any(w.startswith("incomplete") for w in record.provenance.warnings)
    assert located(record, "task_without_body") == ["II"]


def test_a_decision_whose_attached_plan_is_cut_is_incomplete(tmp_path):
    decision = ("QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển giáo dục.\n\n"
                "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\n"
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n\nKẾ HOẠCH\nPhát triển giáo dục năm 2024\n\n")
    cut = plan(tmp_path, decision + TASKS, closing="", kind="QUYẾT ĐỊNH")
    assert cut.provenance.incomplete
    whole = plan(tmp_path, decision + TASKS, kind="QUYẾT ĐỊNH")
    assert not whole.provenance.incomplete


def test_a_cut_text_leaves_missing_parent_targets_as_notes_that_say_why(tmp_path):
    seed = next(p for p in SEEDS if p.name.startswith("001"))
    text = seed.read_text("utf-8")
    drop = "80% cha mẹ, người chăm sóc trẻ em"  # the plan's carrying down of M2.C1b, as in test_check
    cut = text[:text.index("Trên đây là")].rstrip()
    cut = cut[:cut.rindex(" ")]  # end mid-sentence, before the closing
    assert drop in cut
    path = tmp_path / "cut.txt"
    path.write_text(cut.replace(drop, "cha mẹ"), "utf-8")
    record = extract(path)
    assert isinstance(record, PlanRecord) and record.provenance.incomplete
    parent = load_parent(PARENTS_DIR / "782-QD-TTg.json")
    report = check_record(record, parent)
    assert not [f for f in report.findings if f.code == "parent_target_missing"]
    notes = [f for f in report.notes if f.code == "parent_target_missing"]
    assert notes and all("ends mid-way" in f.message_en and "bị cắt ngang" in f.message_vi for f in notes)
    # the whole seed gives the same omission as a warning, without the note
    whole = extracted(str(seed)).model_copy(deep=True)
    whole.targets = [t for t in whole.targets if "cha mẹ" not in t.group]
    (missing,) = [f for f in check_record(whole, parent).findings if f.code == "parent_target_missing"]
    assert missing.severity == "warning" and "mid-way" not in missing.message_en


# ---------------------------------------------------------------- numbering inside sections


def items(*labels_and_texts: str) -> str:
    return "\n\n".join(labels_and_texts)


@pytest.mark.parametrize("section, gaps", [
    (items("1. Mục đích", "2. Yêu cầu", "4. Kinh phí"), ["4"]),
    (items("1. Tuyên truyền.", "2. Tập huấn.", "3,5% kinh phí dành cho kiểm tra.", "4. Báo cáo."), ["4"]),
    (items("1) Tuyên truyền", "2) Tập huấn", "3) Kiểm tra", "5) Báo cáo"), ["5"]),
    (items("1. Mục tiêu", "1.1. Mục tiêu chung", "1.3. Mục tiêu cụ thể"), ["1.3"]),
    (items("1. Mục tiêu", "1.1. Chung", "1.2. Cụ thể", "2. Nhiệm vụ", "2.2. Tuyên truyền"), ["2.2"]),
    (items("1.1. Mục tiêu chung", "1.2. Mục tiêu cụ thể"), ["1.1"]),          # no "1." above them
    (items("1. Mục tiêu", "1.1. Chung", "1.2. Cụ thể", "3.1. Nhiệm vụ", "3.2. Giải pháp"), ["3.1"]),
    (items("1. Mục tiêu", "1.1. Chung", "1.1.1. Trẻ em", "1.1.3. Phụ nữ"), ["1.1.3"]),
])
def test_gaps_in_numbered_items_and_decimal_subsections(tmp_path, section, gaps):
    record = plan(tmp_path, "I. MỤC TIÊU\n\n" + section + ORGANISATION)
    assert located(record, "section_number_gap") == gaps
    (first, *_) = found(record, "section_number_gap")
    assert first.evidence[0].text.startswith(gaps[0]) and "section I" in first.message_en


@pytest.mark.parametrize("section", [
    items("1. Mục đích", "2. Yêu cầu", "3. Kinh phí"),
    items("1. Mục đích", "1. Nâng cao nhận thức", "2. Huy động nguồn lực", "2. Yêu cầu", "1. Kịp thời",
          "2. Đúng đối tượng", "3. Kinh phí"),                          # sub-lists restart their count
    items("1. Mục đích", "1) Nâng cao", "2) Huy động", "3) Phối hợp", "2. Yêu cầu", "1) Kịp thời"),
    items("1. Mục tiêu", "1.1. Chung", "1.2. Cụ thể", "2. Nhiệm vụ", "2.1. Tuyên truyền", "2.2. Tập huấn"),
    items("1. Mục tiêu", "a) Trẻ em", "1. Tỷ lệ nhập học", "2. Tỷ lệ hoàn thành", "b) Phụ nữ", "3. Tỷ lệ biết chữ"),
    # "3," a typo, or OCR's reading of "3."
    items("1. Tuyên truyền.", "2. Tập huấn.", "3, Kiểm tra việc thực hiện.", "4. Báo cáo."),
    items("1. Tuyên truyền.", "2. Tập huấn.", "3, 95% cơ sở được kiểm tra.", "4. Báo cáo."),
    items("1. Tuyên truyền.", "2. Tập huấn.", "3 Kiểm tra việc thực hiện.", "4. Báo cáo."),
    items("1. Mục tiêu", "1.1. Chung.", "1.2, Cụ thể.", "1.3. Lộ trình."),
])
def test_numbering_without_gaps_gives_none(tmp_path, section):
    record = plan(tmp_path, "I. MỤC TIÊU\n\n" + section + ORGANISATION)
    assert not found(record, "section_number_gap")


def test_a_parts_own_number_is_its_subsections_parent(tmp_path):
    body = ("PHẦN 1. MỤC TIÊU\n\n1.1. Mục tiêu chung\n\n1.2. Mục tiêu cụ thể\n\n"
            "PHẦN 2. TỔ CHỨC THỰC HIỆN\n\nPhòng Giáo dục và Đào tạo chủ trì.")
    assert not found(plan(tmp_path, body), "section_number_gap")


# ---------------------------------------------------------------- labelled lists


@pytest.mark.parametrize("entries, gaps", [
    (["Chỉ tiêu 1: 90% trẻ em", "Chỉ tiêu 3: 85% giáo viên", "Chỉ tiêu 5: 80% cha mẹ"],
     ["Chỉ tiêu 3", "Chỉ tiêu 5"]),
    (["- Nhiệm vụ 1. Tuyên truyền", "- Nhiệm vụ 3. Kiểm tra"], ["Nhiệm vụ 3"]),
    (["Nhiệm vụ số 1 - Tuyên truyền", "Nhiệm vụ số 2 - Tập huấn", "Nhiệm vụ số 4 - Báo cáo"], ["Nhiệm vụ số 4"]),
    (["a) Giải pháp 1: Tuyên truyền", "b) Giải pháp 2: Tập huấn", "c) Giải pháp 4: Kiểm tra"], ["Giải pháp 4"]),
    (["Bước 1 (tháng 6): khảo sát", "Bước 3 (tháng 8): tổng hợp"], ["Bước 3"]),
])
def test_gaps_in_labelled_lists(tmp_path, entries, gaps):
    record = plan(tmp_path, "I. MỤC TIÊU\n\n(05 Chỉ tiêu)\n\n" + "\n\n".join(entries) + ORGANISATION)
    assert located(record, "section_number_gap") == gaps


@pytest.mark.parametrize("entries", [
    ["a) Mục tiêu 1: Phòng ngừa", "- Chỉ tiêu 1: 90% trẻ em", "- Chỉ tiêu 2: 85% giáo viên",
     "b) Mục tiêu 2: Truyền thông", "- Chỉ tiêu 1: 80% cha mẹ", "- Chỉ tiêu 2: 70% doanh nghiệp"],
    ["Chỉ tiêu 2: 85% giáo viên", "Chỉ tiêu 3: 80% cha mẹ"],        # a list the text opens mid-way
    ["Chỉ tiêu 1: 90% trẻ em", "Nội dung 1: tuyên truyền", "Chỉ tiêu 2: 85% giáo viên"],
    ["Dự án 1: Giảm nghèo", "Dự án 3: Hỗ trợ sản xuất"],             # a programme's projects, picked
    ["Lớp 1: 70 học sinh", "Lớp 3: 65 học sinh"],
    ["Mục tiêu 1: Phòng ngừa", "Mục tiêu 2: Truyền thông", "Mục tiêu 3: Đào tạo",
     "II. NHIỆM VỤ", "Mục tiêu 1: tổ chức tuyên truyền", "Mục tiêu 3: mở lớp tập huấn"],  # taken up again
])
def test_labelled_lists_without_gaps_give_none(tmp_path, entries):
    organisation = ORGANISATION.replace("II.", "III.") if "II. NHIỆM VỤ" in entries else ORGANISATION
    record = plan(tmp_path, "I. MỤC TIÊU\n\n" + "\n\n".join(entries) + organisation)
    assert not found(record, "section_number_gap")


# ---------------------------------------------------------------- items numbered like sections


@pytest.mark.parametrize("section, paragraph, numeral", [
    ("II. MỤC TIÊU CỤ THỂ", "I. Giám sát chặt chẽ, phát hiện sớm và xử lý triệt để các ổ dịch trên địa bàn.", "I"),
    ("II. MỤC TIÊU CỤ THỂ", "I) Giám sát chặt chẽ, phát hiện sớm và xử lý triệt để các ổ dịch.", "I"),
    ("III. NHIỆM VỤ", "II. Tổ chức tập huấn cho cán bộ y tế xã, phường về giám sát dịch bệnh.", "II"),
    ("II. MỤC TIÊU CỤ THỂ", "II. Giảm số mắc và tử vong do các bệnh truyền nhiễm so với năm trước.", "II"),
])
def test_an_item_numbered_like_a_section(tmp_path, section, paragraph, numeral):
    body = ("I. MỤC TIÊU CHUNG\n\nKhống chế kịp thời dịch bệnh.\n\n" +
            ("II. YÊU CẦU\n\nBảo đảm kịp thời.\n\n" if section.startswith("III") else "") +
            f"{section}\n\n{paragraph}" + "\n\nIV. TỔ CHỨC THỰC HIỆN\n\nTrung tâm Y tế chủ trì.")
    record = plan(tmp_path, body)
    (f,) = found(record, "section_level_inconsistent")
    assert f.section == numeral and f.evidence[0].text.startswith(numeral) and f.severity == "info"
    assert [s.number for s in record.outline.sections][-1] == "IV"


def test_a_higher_numeral_may_be_a_section_and_a_part_may_hold_roman_subsections(tmp_path):
    body = ("I. MỤC TIÊU\n\nKhống chế kịp thời dịch bệnh.\n\n"
            "II. NHIỆM VỤ\n\nIV. Tổ chức tập huấn cho cán bộ y tế xã, phường về giám sát dịch bệnh.")
    assert not found(plan(tmp_path, body), "section_level_inconsistent")
    parts = ("PHẦN I. ĐÁNH GIÁ\n\nI. Kết quả đạt được\n\nII. Tồn tại, hạn chế\n\n"
             "PHẦN II. NHIỆM VỤ\n\nI. Nhiệm vụ chung\n\nPhòng Giáo dục và Đào tạo chủ trì.")
    assert not found(plan(tmp_path, parts), "section_level_inconsistent")


# ---------------------------------------------------------------- citations dated before what they carry out


BASES = {
    "direct": ("Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2022 của UBND tỉnh về triển khai thực hiện Chỉ thị số "
               "15/CT-TTg ngày 20/3/2022 của Thủ tướng Chính phủ;", "10/KH-UBND", "15/CT-TTg"),
    "detail": ("Căn cứ Thông tư số 12/2020/TT-BGDĐT ngày 02/3/2020 của Bộ Giáo dục và Đào tạo hướng dẫn thi hành "
               "một số điều của Nghị định số 45/2020/NĐ-CP ngày 10/4/2020 của Chính phủ;", "12/2020/TT-BGDĐT",
               "45/2020/NĐ-CP"),
    "quoted": ("Căn cứ Nghị quyết số 30/NQ-CP ngày 11/10/2021 của Chính phủ về việc ban hành quy định tạm thời "
               "“Phòng, chống dịch an toàn, linh hoạt trong tình hình mới”;\n\nCăn cứ Quyết định số 40/QĐ-BYT "
               "ngày 27/01/2021 của Bộ Y tế về hướng dẫn chuyên môn thực hiện quy định tạm thời “Phòng, chống dịch "
               "an toàn, linh hoạt trong tình hình mới”;", "40/QĐ-BYT", "30/NQ-CP"),
}


@pytest.mark.parametrize("kind", sorted(BASES))
def test_a_citation_dated_before_what_it_carries_out(tmp_path, kind):
    bases, early, source = BASES[kind]
    record = plan(tmp_path, bases + "\n\n" + TASKS_ORGANISED)
    (f,) = found(record, "reference_mismatch")
    assert f.number == early and source in f.message_en and "carries out" in f.message_en
    assert len(f.evidence) == 2 and early in f.evidence[0].text and source in f.evidence[1].text


@pytest.mark.parametrize("bases", [
    # in order
    "Căn cứ Kế hoạch số 10/KH-UBND ngày 05/5/2022 của UBND tỉnh triển khai thực hiện Chỉ thị số 15/CT-TTg "
    "ngày 20/3/2022 của Thủ tướng Chính phủ;",
    # the plan carries out a programme; the decision after "và" is another basis
    "Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2022 của UBND tỉnh về thực hiện Chương trình giảm nghèo và "
    "Quyết định số 15/QĐ-UBND ngày 20/3/2022 của UBND tỉnh;",
    # a clause ends at the semicolon
    "Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2022 của UBND tỉnh về tổ chức thực hiện;\n\n"
    "Căn cứ Quyết định số 15/QĐ-UBND ngày 20/3/2022 của UBND tỉnh;",
    # a passive: the other document amends this one, so it is the later one
    "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015, được sửa đổi, bổ sung bởi "
    "Luật số 47/2019/QH14 ngày 22/11/2019;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 đã được sửa đổi bởi Nghị định số 45/2022/NĐ-CP ngày "
    "10/6/2022;",
    # the purpose of the citing plan itself, not of the cited decision
    "Căn cứ Quyết định số 10/QĐ-UBND ngày 05/01/2022 của UBND tỉnh, để triển khai thực hiện Chỉ thị số "
    "15/CT-TTg ngày 20/3/2022 của Thủ tướng Chính phủ;",
    # both cite the quoted title as carried out: no order between them
    "Căn cứ Quyết định số 40/QĐ-BYT ngày 27/01/2021 của Bộ Y tế thực hiện “Phòng, chống dịch an toàn, linh "
    "hoạt”;\n\nCăn cứ Quyết định số 50/QĐ-UBND ngày 10/10/2021 của UBND tỉnh triển khai “Phòng, chống dịch an "
    "toàn, linh hoạt”;",
])
def test_citations_in_order_or_not_linked_give_no_mismatch(tmp_path, bases):
    assert not found(plan(tmp_path, bases + "\n\n" + TASKS_ORGANISED), "reference_mismatch")


def test_a_document_cited_with_two_dates_is_flagged_once_and_its_implementer_not(tmp_path):
    bases = ("Căn cứ Chỉ thị số 17-CT/TW ngày 21/10/2022 của Ban Bí thư;\n\nCăn cứ Kế hoạch số 236-KH/TU ngày "
             "11/01/2023 của Ban Thường vụ Tỉnh ủy về việc triển khai thực hiện Chỉ thị số 17-CT/TW ngày "
             "21/10/2023 của Ban Bí thư;")
    assert located(plan(tmp_path, bases + "\n\n" + TASKS_ORGANISED), "reference_mismatch") == ["17-CT/TW"]


def test_one_of_two_dated_citations_after_the_plans_own_date_cannot_tell_which_is_wrong(tmp_path):
    bases = ("Căn cứ Quyết định số 267/QĐ-TTg ngày 22/02/2024 của Thủ tướng Chính phủ;\n\n"
             "Xét đề nghị của Phòng Giáo dục tại Tờ trình số 116/TTr-PGD ngày 15/6/2024;")
    assert not found(plan(tmp_path, bases + "\n\n" + TASKS_ORGANISED), "reference_mismatch")


@pytest.mark.parametrize(("basis", "flagged"), [
    ("Căn cứ Luật Phòng, chống thiên tai số 33/2013/QH11;", ["33/2013/QH11"]),  # the 11th sat 2002-2007
    ("Căn cứ Luật Giáo dục số 43/2019/QH13 ngày 14/6/2019;", ["43/2019/QH13"]),
    ("Căn cứ Luật Phòng, chống thiên tai số 33/2013/QH13;", []),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015;", []),
    ("Căn cứ Luật Trẻ em số 102/2016/QH13 ngày 05/4/2016;", []),  # 2016: the last year of the 13th
])
def test_a_laws_number_names_a_legislature_that_sat_in_its_year(tmp_path, basis, flagged):
    assert located(plan(tmp_path, basis + "\n\n" + TASKS_ORGANISED), "reference_mismatch") == flagged


@pytest.mark.parametrize("date", ["ngày 16 tháng năm 2013", "ngày 16 tháng ... năm 2013"])
def test_a_cited_date_with_a_blank_month_still_gives_its_year(tmp_path, date):
    basis = f"Căn cứ Thông tư số 17/2012/TT-BGDĐT {date} của Bộ trưởng Bộ Giáo dục và Đào tạo;"
    record = plan(tmp_path, basis + "\n\n" + TASKS_ORGANISED)
    (ref,) = [r for r in record.references if r.number == "17/2012/TT-BGDĐT"]
    assert (ref.date, ref.issuer) == ("2013", "Bộ trưởng Bộ Giáo dục và Đào tạo")
    assert located(record, "reference_mismatch") == ["17/2012/TT-BGDĐT"]
