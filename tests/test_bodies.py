"""Responsible bodies: the seed plans against their gold annotations, and constructed variants."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import SEEDS, gold_for

from extractor.evaluate import score_bodies
from extractor.fields.bodies import body_key, body_level, canonical, extract_bodies, find_defined_abbreviations
from extractor.pipeline import build_doc
from extractor.tones import fold

S000, S001, S002, S003, S004 = SEEDS


@cache
def doc_of(path: Path):
    return build_doc(path)


def bodies_of(path: Path) -> dict[str, object]:
    return {fold(b.name): b for b in extract_bodies(doc_of(path))}


def plan(tmp_path: Path, text: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return build_doc(path)


def names(doc) -> dict[str, str]:
    return {fold(b.name): b.role for b in extract_bodies(doc)}


# ---------------------------------------------------------------- the seeds against gold


def test_seed_bodies_match_gold_overall():
    tp = fp = fn = 0
    roles: list[float] = []
    for seed in SEEDS:
        pred = [{"name": b.name, "role": b.role} for b in extract_bodies(doc_of(seed))]
        counts = score_bodies(pred, gold_for(seed)["bodies"])
        tp, fp, fn = tp + counts.tp, fp + counts.fp, fn + counts.fn
        roles += counts.extra["role_accuracy"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.9
    assert sum(roles) / len(roles) >= 0.9


def test_seed_000_addressees_and_directed_bodies():
    found = bodies_of(S000)
    # "1. Sở Lao động- Thương binh và Xã hội": the hyphen spacing is normalised
    assert found[fold("Sở Lao động - Thương binh và Xã hội")].role == "lead"
    # "Giao phòng Bảo trợ xã hội – Trẻ em tham mưu": lowercase unit noun after "Giao"
    assert found[fold("Phòng Bảo trợ xã hội - Trẻ em")].role == "lead"
    # "Chỉ đạo Phòng ... các huyện, Phòng ... thành phố phối hợp với ..., UBND các xã, phường, thị trấn"
    assert found[fold("Phòng Lao động, Thương binh, Xã hội - Dân tộc các huyện")].role == "lead"
    assert found[fold("Phòng Lao động - Thương binh và Xã hội thành phố")].role == "lead"
    assert found[fold("Ủy ban nhân dân các xã, phường, thị trấn")].role == "coordinate"
    # cited, reported to or in the Nơi nhận list only: not assigned
    for name in ("Bộ Lao động - Thương binh và Xã hội", "Ủy ban nhân dân tỉnh", "Phòng Kế hoạch - Tài chính"):
        assert fold(name) not in found


def test_seed_001_headings_split_and_abbreviations_expanded():
    found = bodies_of(S001)
    # "6. Phòng Giáo dục Phổ thông; Phòng Giáo dục Thường xuyên - Chuyên nghiệp; Phòng Giáo dục Mầm non"
    for name in ("Phòng Giáo dục Phổ thông", "Phòng Giáo dục Thường xuyên - Chuyên nghiệp", "Phòng Giáo dục Mầm non"):
        assert found[fold(name)].role == "lead"
    # "8. Phòng Giáo dục và Đào tạo quận, huyện, thị xã và các đơn vị trường học trực thuộc"
    assert fold("Phòng Giáo dục và Đào tạo quận, huyện, thị xã") in found
    assert fold("các đơn vị trường học trực thuộc") in found
    assert fold("Phòng Chính trị, tư tưởng") in found  # "... là đơn vị thường trực, có trách nhiệm"
    assert fold("Công đoàn ngành Giáo dục và Đào tạo") in found  # "Công đoàn ngành GD&ĐT"
    assert fold("các cơ sở giáo dục") in found  # "Chỉ đạo các CSGD triển khai"
    # "phối hợp với phòng KHTC" is the lead "3. Phòng Kế hoạch Tài chính", not a second body
    assert fold("Phòng Kế hoạch Tài chính") in found and fold("Phòng Kế hoạch - Tài chính") not in found
    # the closing "Sở GDĐT đề nghị ..." and the Nơi nhận list assign nothing
    assert fold("Sở Giáo dục và Đào tạo") not in found
    assert len(found) == 12


def test_seed_001_heading_tasks_are_its_child_items():
    doc = doc_of(S001)
    body = next(b for b in extract_bodies(doc) if b.name == "Phòng Chính trị, tư tưởng")
    assert len(body.tasks) == 5
    assert body.tasks[0].text.startswith("Xây dựng Kế hoạch Chương trình")
    source = doc.source.text
    for task in body.tasks:
        assert source[task.span.start:task.span.end].replace("\n", " ").startswith(task.text[:30])


def test_seed_002_names_no_body():
    assert extract_bodies(doc_of(S002)) == []


def test_seed_003_level_heading_is_the_issuer():
    found = bodies_of(S003)
    # "1. Cấp tỉnh:" under a plan issued by "Ban Thường vụ tỉnh Đoàn"
    assert found[fold("Tỉnh Đoàn")].role == "lead"
    assert found[fold("Tỉnh Đoàn")].level == "province"
    assert found[fold("Nhà Thiếu nhi tỉnh")].role == "lead"  # subject of "chủ động tổ chức"
    assert found[fold("Trung tâm hoạt động thanh thiếu niên")].role == "lead"
    assert found[fold("các huyện, thành Đoàn")].role == "lead"
    # "Phối hợp ngành Giáo dục Đào tạo triển khai": coordinate, the field written in full
    assert found[fold("ngành Giáo dục và Đào tạo")].role == "coordinate"
    assert fold("Ban Thường vụ tỉnh Đoàn") not in found  # "báo cáo ... cho Ban Thường vụ tỉnh Đoàn"


def test_seed_004_slots():
    found = bodies_of(S004)
    assert found[fold("các sở, ban, ngành liên quan")].role == "lead"  # "2. Đề nghị các sở, ban, ngành liên quan"
    assert found[fold("Cơ sở bảo trợ xã hội tổng hợp tỉnh")].role == "lead"  # "tổng hợp" before "tỉnh" is a name word
    # "trách nhiệm giám sát ... của Hội đồng nhân dân, Ủy ban MTTQ Việt Nam các cấp": "các cấp" applies to both
    assert found[fold("Hội đồng nhân dân các cấp")].role == "lead"
    assert found[fold("Ủy ban Mặt trận Tổ quốc Việt Nam các cấp")].role == "lead"
    # "Tổng đài 111" is "Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111)"
    assert found[fold("Tổng đài điện thoại quốc gia bảo vệ trẻ em")].role == "coordinate"
    assert fold("Tổng đài 111") not in found
    assert found[fold("Cục Trẻ em")].role == "coordinate"
    assert found[fold("Cục Trẻ em")].level == "national"
    # generic mentions in running text are not bodies
    for name in ("các cơ quan chức năng có liên quan", "Mặt trận Tổ quốc", "Hội đồng Bảo trợ Quỹ trẻ em cấp tỉnh"):
        assert fold(name) not in found


def test_duplicate_section_numbers_keep_their_kinds():
    doc = doc_of(S004)  # "V. TỔ CHỨC THỰC HIỆN" and "V. CHẾ ĐỘ BÁO CÁO"
    heading = next(p for p in doc.paragraphs if p.text.startswith("1. Sở Lao động"))
    assert heading.section_kind == "organisation"
    report = next(p for p in doc.paragraphs if p.text.startswith("Đề nghị các sở"))
    assert report.section_kind == "reporting"


def test_mentions_point_into_the_source():
    doc = doc_of(S000)
    body = next(b for b in extract_bodies(doc) if b.name.startswith("Phòng Bảo trợ"))
    span = body.mentions[0]
    assert doc.source.text[span.start:span.end] == "phòng Bảo trợ xã hội – Trẻ em"
    assert body.as_written == "phòng Bảo trợ xã hội – Trẻ em"


# ---------------------------------------------------------------- constructed variants

DISTRICT = """ỦY BAN NHÂN DÂN HUYỆN KRÔNG BÚK

KẾ HOẠCH

Tuyên truyền phòng, chống tai nạn thương tích trẻ em năm 2023

Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND tỉnh Đắk Lắk, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của các cấp, các ngành và cộng đồng.

II. NỘI DUNG

1. Phòng Văn hóa và Thông tin huyện chủ trì, phối hợp với Công an huyện, Huyện Đoàn tổ chức tuyên truyền trên hệ thống loa truyền thanh.

2. Tổ chức hội nghị tập huấn cho cán bộ các xã, thị trấn.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Lao động - Thương binh và Xã hội huyện

- Là cơ quan thường trực, tham mưu UBND huyện triển khai Kế hoạch.

- Phối hợp với Hội Liên hiệp Phụ nữ huyện, Trung tâm Y tế huyện kiểm tra các cơ sở.

2. Phòng Giáo dục và Đào tạo

Chỉ đạo các trường Mầm non, Tiểu học, THCS trên địa bàn tổ chức lồng ghép nội dung phòng, chống đuối nước.

3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp tuyên truyền, vận động.

Nơi nhận:
- UBND tỉnh;
- Sở Y tế;
- Lưu: VT.
"""


def test_district_plan(tmp_path):
    found = names(plan(tmp_path, DISTRICT))
    assert found[fold("Phòng Văn hóa và Thông tin huyện")] == "lead"
    assert found[fold("Công an huyện")] == "coordinate"
    assert found[fold("Huyện Đoàn")] == "coordinate"
    assert found[fold("Phòng Lao động - Thương binh và Xã hội huyện")] == "lead"
    assert found[fold("Hội Liên hiệp Phụ nữ huyện")] == "coordinate"
    assert found[fold("Trung tâm Y tế huyện")] == "coordinate"
    assert found[fold("Phòng Giáo dục và Đào tạo")] == "lead"
    assert found[fold("các trường mầm non, tiểu học, trung học cơ sở")] == "lead"  # kinds written out; "trên địa bàn" is no part of the name
    assert found[fold("Ủy ban Mặt trận Tổ quốc Việt Nam huyện")] == "lead"
    # "tham mưu UBND huyện": advised, not assigned; the Nơi nhận list assigns nothing
    for name in ("Ủy ban nhân dân huyện", "Ủy ban nhân dân tỉnh", "Sở Y tế"):
        assert fold(name) not in found


def test_district_levels(tmp_path):
    bodies = {b.name: b for b in extract_bodies(plan(tmp_path, DISTRICT))}
    assert bodies["Phòng Văn hóa và Thông tin huyện"].level == "district"
    assert bodies["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"].level == "district"
    assert body_level("Ủy ban nhân dân các xã, phường, thị trấn") == "commune"
    assert body_level("Cơ sở bảo trợ xã hội tổng hợp tỉnh") == "province"  # "xã hội" is no commune
    assert body_level("Sở Y tế") == "province"
    assert body_level("các cơ sở giáo dục") == "school"


COMMUNE = """KẾ HOẠCH

Phòng, chống bạo lực học đường trên địa bàn xã Tân Lập năm 2024

Thực hiện Kế hoạch số 20/KH-UBND ngày 10/01/2024 của UBND huyện Đan Phượng, UBND xã Tân Lập xây dựng Kế hoạch như sau:

I. NHIỆM VỤ

1. Công an xã phối hợp với Trường Tiểu học Tân Lập, Trường THCS Tân Lập rà soát các điểm nguy cơ.

2. Giao Đoàn Thanh niên xã chủ trì tổ chức các hoạt động hè cho thiếu nhi.

3. Căn cứ chức năng, nhiệm vụ, Trạm Y tế xã có trách nhiệm sơ cứu ban đầu.

II. TỔ CHỨC THỰC HIỆN

1. Cấp xã:

- Hội Liên hiệp Phụ nữ xã: vận động các gia đình quản lý con em.
"""


def test_commune_plan(tmp_path):
    found = names(plan(tmp_path, COMMUNE))
    assert found[fold("Công an xã")] == "lead"
    assert found[fold("Trường Tiểu học Tân Lập")] == "coordinate"
    assert found[fold("Trường THCS Tân Lập")] == "coordinate"
    assert found[fold("Đoàn Thanh niên xã")] == "lead"
    # after an opening adverbial "Căn cứ chức năng, nhiệm vụ, ..."
    assert found[fold("Trạm Y tế xã")] == "lead"
    # "1. Cấp xã:" in a plan issued by UBND xã: the issuer; "- X: tasks" names X
    assert found[fold("Ủy ban nhân dân xã Tân Lập")] == "lead"
    assert found[fold("Hội Liên hiệp Phụ nữ xã")] == "lead"


ABBREVIATED = """KẾ HOẠCH

Thực hiện công tác bảo vệ trẻ em năm 2024

Sở Y tế tỉnh Quảng Nam (sau đây gọi tắt là SYT) ban hành Kế hoạch thực hiện như sau:

I. NHIỆM VỤ

1. Trung tâm Kiểm soát bệnh tật (CDC) chủ trì, phối hợp với các bệnh viện tuyến tỉnh tổ chức khám sàng lọc.

2. Các cơ sở khám bệnh, chữa bệnh (sau đây gọi tắt là CSKCB) tổ chức tư vấn dinh dưỡng.

II. TỔ CHỨC THỰC HIỆN

1. Văn phòng SYT

- Hướng dẫn các CSKCB triển khai Kế hoạch.

2. CDC

- Tổng hợp kết quả gửi về SYT.
"""


def test_abbreviations_defined_by_the_plan(tmp_path):
    assert find_defined_abbreviations(ABBREVIATED) == {
        "CDC": "Trung tâm Kiểm soát bệnh tật",  # not the initials: the name from its unit noun
        "SYT": "Sở Y tế",  # initials, the place after them dropped
        "CSKCB": "cơ sở khám bệnh, chữa bệnh",
    }
    assert find_defined_abbreviations("Sở Giáo dục và Đào tạo (GDĐT) Hà Nội; các cơ sở giáo dục (CSGD)") == {
        "GDĐT": "Giáo dục và Đào tạo", "CSGD": "cơ sở giáo dục"}
    found = names(plan(tmp_path, ABBREVIATED))
    # "2. CDC" and "Trung tâm Kiểm soát bệnh tật (CDC) chủ trì" are one body
    assert found[fold("Trung tâm Kiểm soát bệnh tật")] == "lead"
    assert found[fold("các cơ sở khám bệnh, chữa bệnh")] == "lead"
    assert found[fold("Văn phòng Sở Y tế")] == "lead"
    assert found[fold("các bệnh viện tuyến tỉnh")] == "coordinate"
    assert len(found) == 4


HEALTH = """UBND TỈNH NGHỆ AN
SỞ Y TẾ

KẾ HOẠCH

Phòng chống dịch bệnh mùa hè năm 2024

Căn cứ Quyết định số 123/QĐ-BYT ngày 01/02/2024 của Bộ Y tế; Sở Y tế Nghệ An ban hành Kế hoạch như sau:

I. NHIỆM VỤ, GIẢI PHÁP

1. Tăng cường giám sát dịch bệnh; Trung tâm Kiểm soát bệnh tật tỉnh làm đầu mối, phối hợp chặt chẽ với Viện Pasteur Nha Trang và Cục Y tế dự phòng.

2. Các bệnh viện tuyến tỉnh, Trung tâm Y tế các huyện, thành phố, thị xã sẵn sàng thu dung điều trị.

3. Phòng, chống dịch bệnh tay chân miệng; phòng ngừa sốt xuất huyết.

II. TỔ CHỨC THỰC HIỆN

1. Đối với Ủy ban nhân dân các huyện, thành phố, thị xã

Chỉ đạo Trạm Y tế các xã, phường, thị trấn, phối hợp với Đoàn Thanh niên, Hội Liên hiệp Phụ nữ cùng cấp tổ chức chiến dịch diệt lăng quăng.

2. Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh: tăng cường thông tin, tuyên truyền.

Nơi nhận:
- Bộ Y tế (b/c);
- UBND tỉnh (b/c);
- Lưu: VT, NVY.
"""


def test_health_department_plan(tmp_path):
    found = names(plan(tmp_path, HEALTH))
    assert found[fold("Trung tâm Kiểm soát bệnh tật tỉnh")] == "lead"  # "... tỉnh làm đầu mối"
    assert found[fold("Viện Pasteur Nha Trang")] == "coordinate"
    assert found[fold("Cục Y tế dự phòng")] == "coordinate"
    # a subject list: a plural class of bodies and a unit noun with its localities
    assert found[fold("các bệnh viện tuyến tỉnh")] == "lead"
    assert found[fold("Trung tâm Y tế các huyện, thành phố, thị xã")] == "lead"
    assert found[fold("Ủy ban nhân dân các huyện, thành phố, thị xã")] == "lead"  # "1. Đối với ..."
    assert found[fold("Trạm Y tế các xã, phường, thị trấn")] == "lead"
    # "Đoàn Thanh niên, Hội Liên hiệp Phụ nữ cùng cấp": "cùng cấp" applies to both
    assert found[fold("Đoàn Thanh niên cùng cấp")] == "coordinate"
    assert found[fold("Hội Liên hiệp Phụ nữ cùng cấp")] == "coordinate"
    # "2. Báo Nghệ An, Đài Phát thanh và Truyền hình tỉnh: ..." addresses two bodies
    assert found[fold("Báo Nghệ An")] == "lead"
    assert found[fold("Đài Phát thanh và Truyền hình tỉnh")] == "lead"
    assert fold("Bộ Y tế") not in found and fold("Ủy ban nhân dân tỉnh") not in found
    assert len(found) == 11


NO_BODY = """KẾ HOẠCH

Tuyên truyền pháp luật năm 2024

I. NỘI DUNG

1. Tổ chức tuyên truyền pháp luật về trẻ em trên các phương tiện thông tin đại chúng.

2. Tăng cường phối hợp giữa các cơ quan, tổ chức có liên quan; phối hợp với các ngành liên quan.

3. Phòng ngừa, phát hiện và hỗ trợ trẻ em có nguy cơ. Ban hành hướng dẫn. Hội nghị sơ kết giữa năm.

II. TỔ CHỨC THỰC HIỆN

Các cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện.
"""


def test_task_list_without_a_body(tmp_path):
    # "Tổ chức", "Phòng ngừa", "Ban hành", "Hội nghị" open no name; generic mentions are no bodies
    assert extract_bodies(plan(tmp_path, NO_BODY)) == []


def test_canonical_names_and_keys():
    assert canonical("ngành Giáo dục Đào tạo", {}) == "ngành Giáo dục và Đào tạo"
    assert canonical("phòng KHTC", {}) == "Phòng Kế hoạch - Tài chính"
    assert canonical("Sở LĐ-TB&XH", {}) == "Sở Lao động - Thương binh và Xã hội"
    assert canonical("các CSKCB", {"CSKCB": "cơ sở khám bệnh, chữa bệnh"}) == "các cơ sở khám bệnh, chữa bệnh"
    assert body_key("Phòng Kế hoạch - Tài chính") == body_key("Phòng Kế hoạch Tài chính")
    assert body_key("các phòng Giáo dục và Đào tạo") == body_key("Phòng Giáo dục và Đào tạo")
    assert body_key("Sở Y tế") != body_key("Sở Tư pháp")


def test_school_office_units_and_verbs_that_end_names(tmp_path):
    doc = plan(tmp_path, "KẾ HOẠCH\nThử nghiệm\n\nI. TỔ CHỨC THỰC HIỆN\n"
                         "1. Bộ phận Kế toán - Tài vụ\nHướng dẫn các cơ sở giáo dục lập dự toán kinh phí đúng quy định.\n")
    got = names(doc)
    assert got.get(fold("Bộ phận Kế toán - Tài vụ")) == "lead"
    assert "các cơ sở giáo dục" in got and not any(n.endswith("lập dự toán") for n in got)


STEERING = """KẾ HOẠCH
Thực hiện công tác phòng, chống lao động trẻ em năm 2024

I. TỔ CHỨC THỰC HIỆN
1. Ban chỉ đạo Phòng Lao động - Thương binh và Xã hội huyện tổ chức kiểm tra.
2. Phòng Tư pháp chủ trì; giao Trung tâm Y tế huyện phối hợp thực hiện.
- Chỉ đạo Ủy ban nhân dân các xã rà soát trẻ em có nguy cơ.
"""


def test_directive_slots_open_at_a_word_and_not_after_ban(tmp_path):
    found = names(plan(tmp_path, STEERING))
    assert found[fold("Trung tâm Y tế huyện")] == "lead"  # "giao X": a directive inside a sentence
    assert found[fold("Ủy ban nhân dân các xã")] == "lead"  # "Chỉ đạo X" opening the paragraph body
    # "Ban chỉ đạo Phòng ...": the steering committee's name, not a directive to the Phòng
    assert fold("Phòng Lao động - Thương binh và Xã hội huyện") not in found


SCHOOLS = """KẾ HOẠCH
Phòng ngừa lao động trẻ em trong các cơ sở giáo dục năm 2024

I. TỔ CHỨC THỰC HIỆN
1. Bộ phận Chính trị tư tưởng
Chủ trì tham mưu triển khai Kế hoạch.
2. Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn quận
- Xây dựng kế hoạch của đơn vị.
- Các trường tiểu học tổ chức tuyên truyền cho học sinh.
"""


def test_school_kinds_name_a_school_after_its_unit_noun(tmp_path):
    bodies = {fold(b.name): b for b in extract_bodies(plan(tmp_path, SCHOOLS))}
    addressee = bodies[fold("các trường mầm non, tiểu học, trung học cơ sở trên địa bàn quận")]
    assert addressee.role == "lead" and addressee.level == "school"
    assert addressee.tasks[0].text == "Xây dựng kế hoạch của đơn vị."
    assert bodies[fold("Bộ phận Chính trị tư tưởng")].level == "department"  # a section of an office, no ministry
