"""What the index holds, as the pages list it: every plan with its document fields (issuer, level,
doc type, year: the index's own definitions, ``index.documents.describe``), the facets of a search
(how many of the matching plans have each issuer, level, doc type, year, finding code, severity),
and the indexed plans carrying a number.

The index answers searches only, so the listing is one search of its document entries (and, for the
finding facets, of its finding entries), at most ``CATALOGUE_LIMIT`` of each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import get_args

from ..check import number_key
from ..check.rules import CODES
from ..index import Filters, Hit, Index
from ..index.documents import DocumentInfo, describe
from ..outputs.html import SEVERITY_LABELS
from ..records import Body, Metadata, PlanRecord, Provenance
from .plans import CATALOGUE_LIMIT

LEVELS: tuple[str, ...] = get_args(get_args(Body.model_fields["level"].annotation)[0])  # Optional[Literal[...]]
SEVERITIES = ("error", "warning", "info")
LEVEL_LABELS = {"national": "Trung ương", "province": "Tỉnh", "district": "Huyện", "commune": "Xã",
                "department": "Phòng, ban", "school": "Trường học"}
# the facets of the search page: (filter name, Vietnamese label, English label)
FACETS = (("issuer", "Cơ quan ban hành", "issuer"), ("level", "Cấp", "level"),
          ("doc_type", "Loại văn bản", "document type"), ("year", "Năm", "year"),
          ("code", "Mã phát hiện", "finding code"), ("severity", "Mức độ", "severity"))


def label(name: str, value: object) -> str:
    """The Vietnamese label of a facet's value (a level, a severity), or "" when it is its own."""
    return {"level": LEVEL_LABELS, "severity": SEVERITY_LABELS}.get(name, {}).get(str(value), "")


def listed(hit: Hit) -> DocumentInfo:
    """The document fields of a plan from its document entry, through the index's own ``describe``
    (so the level and year are what the filters compare)."""
    meta = Metadata.model_validate({k: v for k, v in hit.data.items() if k in Metadata.model_fields})
    path = hit.evidence.file if hit.evidence else ""
    record = PlanRecord(document=hit.document, metadata=meta, provenance=Provenance(path=path, kind="", sha256=hit.sha256))
    return describe(record)[0]


def catalogue(index: Index) -> dict[str, DocumentInfo]:
    """Every indexed plan (up to ``CATALOGUE_LIMIT``) by sha256, sorted by document name."""
    hits = index.search("", Filters(kinds=("document",)), CATALOGUE_LIMIT)
    return {h.sha256: listed(h) for h in sorted(hits, key=lambda h: (h.document, h.sha256))}


def with_number(plans: dict[str, DocumentInfo], number: str | None) -> list[DocumentInfo]:
    """The indexed plans whose own number is ``number``."""
    key = number_key(number) if number else None
    return [p for p in plans.values() if key and p.number and number_key(p.number) == key]


@dataclass
class Facet:
    name: str
    label_vi: str
    label_en: str
    values: list[tuple[str, int]] = field(default_factory=list)  # (value, how many matching plans)


def facets(index: Index, plans: dict[str, DocumentInfo], matching: Iterable[str]) -> list[Facet]:
    """The facets of the plans ``matching`` (sha256s): per value, how many of them have it. Finding
    codes and severities come from the index's finding entries; codes include every rule's."""
    shas = set(matching)
    found: dict[str, Counter[str]] = {name: Counter() for name, _, _ in FACETS}
    for sha in shas:
        info = plans.get(sha)
        if info is None:
            continue
        for name in ("issuer", "level", "doc_type", "year"):
            value = getattr(info, name)
            if value not in (None, ""):
                found[name][str(value)] += 1
    seen: dict[str, set[tuple[str, str]]] = {}
    for h in index.search("", Filters(kinds=("finding",)), CATALOGUE_LIMIT):
        if h.sha256 in shas:
            seen.setdefault(h.sha256, set()).update({("code", str(h.data.get("code"))),
                                                     ("severity", str(h.data.get("severity")))})
    for pairs in seen.values():
        for name, value in pairs:
            found[name][value] += 1
    out = []
    for name, vi, en in FACETS:
        counts = found[name]
        known = {"level": LEVELS, "severity": SEVERITIES, "code": CODES}.get(name, ())
        values = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        values += [(v, 0) for v in known if v not in counts]
        if name == "year":
            values.sort(key=lambda kv: kv[0], reverse=True)
        out.append(Facet(name, vi, en, values))
    return out
