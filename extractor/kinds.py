"""Section kinds: purpose, objectives, tasks, budget, organisation, reporting, review, other.

Two classifiers behind one function: keyword rules over the folded heading, and a scikit-learn
model (``kinds_model``, trained by ``vnplan train-kinds``). ``classify`` uses the one that scored
best in cross-validation, as the model's sidecar ``models/section_kind.json`` records it (see the
model card ``models/section_kind.md``); with the rules chosen, scikit-learn is never imported.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from .records import SectionKind
from .resources import MODELS_DIR, data_json
from .tones import fold

SIDECAR = MODELS_DIR / "section_kind.json"

# Ordered: the first rule that matches wins, so compound headings such as
# "TỔNG KẾT, ĐÁNH GIÁ – THÔNG TIN BÁO CÁO" fall to the more specific kind.
_RULES: list[tuple[SectionKind, re.Pattern[str]]] = [
    ("budget", re.compile(r"kinh phí|ngân sách|nguồn (?:lực|vốn)|tài chính")),
    ("organisation", re.compile(r"tổ chức thực hiện|phân công|trách nhiệm (?:thực hiện|của)|tổ chức triển khai")),
    ("reporting", re.compile(r"báo cáo|thông tin,? báo cáo")),
    ("review", re.compile(r"tổng kết|sơ kết|đánh giá|kiểm tra,? giám sát")),
    ("purpose", re.compile(r"mục đích|yêu cầu|quan điểm|sự cần thiết|căn cứ")),
    ("objectives", re.compile(r"mục tiêu|chỉ tiêu|định hướng")),
    ("tasks", re.compile(r"nội dung|nhiệm vụ|giải pháp|hoạt động|biện pháp|công việc")),
]


def classify_by_rules(title: str) -> SectionKind:
    folded = fold(title)
    # "TỔNG KẾT, ĐÁNH GIÁ – THÔNG TIN BÁO CÁO": review and reporting both fit; reporting
    # wins only when the heading is about reporting alone.
    for kind, pattern in _RULES:
        if pattern.search(folded):
            if kind == "reporting" and re.search(r"tổng kết|sơ kết", folded):
                return "review"
            return kind
    return "other"


@lru_cache(maxsize=1)
def chosen_method() -> str:
    """``rules``, ``model`` or ``hybrid``: what cross-validation chose (rules when no model was trained)."""
    if not SIDECAR.exists():
        return "rules"
    return str(data_json("models/section_kind.json").get("chosen", "rules"))


def classify(title: str) -> tuple[SectionKind, float]:
    """The kind of a section heading and a confidence, by the method the model card chose."""
    method = chosen_method()
    kind = classify_by_rules(title)
    if method == "rules" or (method == "hybrid" and kind != "other"):
        return kind, 1.0 if kind != "other" else 0.5
    from .kinds_model import predict

    predicted = predict(title)
    return (cast(SectionKind, predicted[0]), predicted[1]) if predicted else (kind, 0.5)
