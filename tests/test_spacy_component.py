"""The spaCy component: vnplan's records as span groups on a blank Vietnamese pipeline."""

from __future__ import annotations

import spacy
from conftest import SEEDS, extracted


def test_add_pipe_by_name_puts_records_in_doc_spans():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnplan")  # found through the package's spacy_factories entry point
    text = SEEDS[0].read_text("utf-8")
    doc = nlp(text)
    record = extracted(str(SEEDS[0]))
    targets = doc.spans["vnplan_targets"]
    assert len(targets) == len(record.targets)
    first = targets[0]
    assert first.label_ == "=100%" and first.text.startswith("100% các huyện, thành phố")
    assert first._.vnplan_record.group == "các huyện, thành phố"
    refs = doc.spans["vnplan_references"]
    assert any("782/QĐ-TTg" in s.text and s.label_ == "Quyết định" for s in refs)
    assert doc._.vnplan.metadata.signer == "Đàm Văn Chính"
    assert len(doc.spans["vnplan_bodies"]) == sum(len(b.mentions) for b in record.bodies)


def test_component_on_text_without_plan_structure():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnplan")
    doc = nlp("Một câu không có chỉ tiêu nào.")
    assert len(doc.spans["vnplan_targets"]) == 0 and doc._.vnplan.outline.sections == []
