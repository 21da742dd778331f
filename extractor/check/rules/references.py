"""Citations that disagree with what the registry knows of the cited document (date, issuer, type).

A number without a year (``782/QĐ-TTg``, ``187/KH-UBND``) names a document only together with its
issuer: a citation whose issuer disagrees is another document, not a mismatch.
"""

from __future__ import annotations

import re
from typing import Optional

from ...normalise import fold
from ...records import Finding
from ..registry import issuers_agree
from .context import Context

_HAS_YEAR = re.compile(r"/(?:19|20)\d{2}/")


def reference_mismatch(ctx: Context) -> list[Finding]:
    if not ctx.registry:
        return []
    out = []
    for ref in ctx.record.references:
        entry = ctx.registry.lookup_reference(ref)
        if not entry:
            continue
        issuer_ok = issuers_agree(ref.issuer, entry.issuer)
        if ref.number and not _HAS_YEAR.search(ref.number) and not issuer_ok:
            continue  # same number, another issuer: another document
        wrong: list[tuple[str, str, Optional[str], Optional[str]]] = []  # (Vietnamese, English, cited, known)
        if ref.date and entry.date and not (ref.date.startswith(entry.date) or entry.date.startswith(ref.date)):
            wrong.append(("ngày", "date", ref.date, entry.date))
        if not issuer_ok:
            wrong.append(("cơ quan ban hành", "issuer", ref.issuer, entry.issuer))
        if ref.doc_type and entry.doc_type and fold(ref.doc_type) != fold(entry.doc_type):
            wrong.append(("loại văn bản", "type", ref.doc_type, entry.doc_type))
        if not wrong:
            continue
        name = ref.number or ref.title
        out.append(Finding(
            code="reference_mismatch", severity="warning", number=ref.number, evidence=list(ref.mentions[:1]),
            rule="check.rules.references.reference_mismatch",
            message_vi=f"{name}: " + "; ".join(f"{vi} ghi {got}, đúng là {want}" for vi, _, got, want in wrong) + ".",
            message_en=f"{name}: " + "; ".join(f"{en} cited as {got}, registry has {want}" for _, en, got, want in wrong) + ".",
        ))
    return out
