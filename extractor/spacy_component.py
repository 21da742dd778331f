"""A spaCy pipeline component: ``nlp.add_pipe("vnplan")`` puts vnplan's records into ``doc.spans``.

    import spacy, extractor.spacy_component  # registers the factory
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnplan")
    doc = nlp(plan_text)
    doc.spans["vnplan_targets"], doc.spans["vnplan_references"], doc.spans["vnplan_bodies"]
    doc._.vnplan  # the whole PlanRecord

Each span's label is the record's kind (``=90%``, ``Quyết định``, ``lead``) and the
span's ``vnplan_record`` extension (``span._.vnplan_record``) holds the record itself.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from .pipeline import build_doc, record_from_doc
from .readers.base import Page, SourceDocument
from .records import Span

if not SpacyDoc.has_extension("vnplan"):
    SpacyDoc.set_extension("vnplan", default=None)
if not SpacySpan.has_extension("vnplan_record"):
    SpacySpan.set_extension("vnplan_record", default=None)


class VnplanComponent:
    """Runs vnplan on ``doc.text`` and exposes targets, references and bodies as span groups."""

    def __init__(self, nlp: Language, name: str = "vnplan"):
        self.name = name

    def __call__(self, doc: SpacyDoc) -> SpacyDoc:
        source = SourceDocument(path="<spacy>", name="<spacy>", kind="txt", pages=[Page(1, doc.text, "text")])
        record = record_from_doc(build_doc(source))
        doc._.vnplan = record
        doc.spans["vnplan_targets"] = self._spans(
            doc, [(t.span, f"{t.comparator}{t.value:g}{'%' if t.unit == '%' else ''}", t) for t in record.targets])
        doc.spans["vnplan_references"] = self._spans(
            doc, [(m, r.doc_type or "document", r) for r in record.references for m in r.mentions])
        doc.spans["vnplan_bodies"] = self._spans(
            doc, [(m, b.role, b) for b in record.bodies for m in b.mentions])
        return doc

    @staticmethod
    def _spans(doc: SpacyDoc, items: list[tuple[Span, str, object]]) -> list[SpacySpan]:
        out = []
        for span, label, rec in items:
            s = doc.char_span(span.start, span.end, label=label, alignment_mode="expand")
            if s is not None:
                s._.vnplan_record = rec
                out.append(s)
        return out


@Language.factory("vnplan")
def make_vnplan(nlp: Language, name: str) -> VnplanComponent:
    return VnplanComponent(nlp, name)
