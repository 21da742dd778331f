"""Section kinds: purpose, objectives, tasks, budget, organisation, reporting, review, other.

Two classifiers behind one function: keyword rules over the folded heading, and a
scikit-learn model (``models/section_kind.joblib``, trained by ``vnplan train-kinds``
on ``corpus/headings.tsv``). ``classify`` uses the one that scored best in
cross-validation (see ``models/section_kind.md``).
"""

from __future__ import annotations

import re

from .normalise import fold

KINDS = ("purpose", "objectives", "tasks", "budget", "organisation", "reporting", "review", "other")

# Ordered: the first rule that matches wins, so compound headings such as
# "TỔNG KẾT, ĐÁNH GIÁ – THÔNG TIN BÁO CÁO" fall to the more specific kind.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("budget", re.compile(r"kinh phí|ngân sách|nguồn (?:lực|vốn)|tài chính")),
    ("organisation", re.compile(r"tổ chức thực hiện|phân công|trách nhiệm (?:thực hiện|của)|tổ chức triển khai")),
    ("reporting", re.compile(r"báo cáo|thông tin,? báo cáo")),
    ("review", re.compile(r"tổng kết|sơ kết|đánh giá|kiểm tra,? giám sát")),
    ("purpose", re.compile(r"mục đích|yêu cầu|quan điểm|sự cần thiết|căn cứ")),
    ("objectives", re.compile(r"mục tiêu|chỉ tiêu|định hướng")),
    ("tasks", re.compile(r"nội dung|nhiệm vụ|giải pháp|hoạt động|biện pháp|công việc")),
]


def classify_by_rules(title: str) -> str:
    folded = fold(title)
    # "TỔNG KẾT, ĐÁNH GIÁ – THÔNG TIN BÁO CÁO": review and reporting both fit; reporting
    # wins only when the heading is about reporting alone.
    for kind, pattern in _RULES:
        if pattern.search(folded):
            if kind == "reporting" and re.search(r"tổng kết|sơ kết", folded):
                return "review"
            return kind
    return "other"


def classify(title: str) -> tuple[str, float]:
    """The kind of a section heading and a confidence, by the method the model card chose."""
    from . import kinds_model

    method = kinds_model.chosen_method()
    kind = classify_by_rules(title)
    if method == "rules" or (method == "hybrid" and kind != "other"):
        return kind, 1.0 if kind != "other" else 0.5
    predicted = kinds_model.predict(title)
    return predicted if predicted else (kind, 0.5)
