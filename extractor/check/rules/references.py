"""Citations that disagree: with themselves, with the citing plan, or with what the registry knows
of the cited document (date, issuer, type).

``cited_dates`` reads the plan alone (``vnplan extract`` reports it): a cited date whose year is not
the year in a normative number ("28/2010/TT-BGDĐT ngày 04/9/2020"), one document cited with two
dates, and a cited date after the plan's own. ``reference_mismatch`` asks the registry. Both give
``reference_mismatch``, once per cited number: the registry rule leaves alone a number the plan's
own text already flags.

A number without a year (``782/QĐ-TTg``, ``187/KH-UBND``) names a document only together with its
issuer: a citation whose issuer disagrees is another document, not a mismatch.
"""

from __future__ import annotations

import re
from typing import Optional

from ...fields.dates import find_dates
from ...records import Finding, Reference, Span
from ...tones import fold
from ..registry import issuers_agree
from .context import Context

_HAS_YEAR = re.compile(r"/(?:19|20)\d{2}/")


def reference_mismatch(ctx: Context) -> list[Finding]:
    if not ctx.registry:
        return []
    flagged = {f.number for f in ctx.record.findings if f.code == "reference_mismatch"}
    out = []
    for ref in ctx.record.references:
        if ref.number and ref.number in flagged:
            continue  # the plan's own text already shows the mismatch
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


# ---------------------------------------------------------------- from the plan alone

_NUMBER_YEAR = re.compile(r"/((?:19|20)\d{2})/")


def _mention_date(span: Span) -> Optional[str]:
    """The date a mention writes: the first date with a year in its evidence (the citation's tail)."""
    return next((v.iso for _, _, v in find_dates(span.text) if v.iso), None)


def _agree(a: str, b: str) -> bool:
    """Dates as precise as written that may be one: "2019" and "2019-11-22"."""
    return a.startswith(b) or b.startswith(a)


def _later(date: str, own: str) -> bool:
    """``date`` is after ``own``, compared at the precision both have ("2023-03" vs "2023": no)."""
    n = min(len(date), len(own))
    return date[:n] > own[:n]


def _dated(ref: Reference) -> list[tuple[str, Span]]:
    return [(d, s) for s in ref.mentions if (d := _mention_date(s))]


def cited_dates(ctx: Context) -> list[Finding]:
    """``reference_mismatch`` from the plan's own text. Per cited number: a date whose year is not
    the year in the number; two dates that cannot both be right; a date after the plan's own date
    (unless more than half of the dated citations are: then the plan's own date is the one in doubt,
    and so it is when a single dated citation is later)."""
    record = ctx.record
    own = record.metadata.date
    dated = {id(ref): _dated(ref) for ref in record.references if ref.number}
    later = {key for key, ds in dated.items() if own and any(_later(d, own) for d, _ in ds)}
    own_in_doubt = len(later) * 2 > len([ds for ds in dated.values() if ds])
    out = []
    for ref in record.references:
        mentions = dated.get(id(ref)) or []
        if not ref.number or not mentions:
            continue
        why: list[tuple[str, str]] = []  # (Vietnamese, English)
        evidence: list[Span] = []
        year = _NUMBER_YEAR.search(ref.number)
        off = [(d, s) for d, s in mentions if year and not d.startswith(year.group(1))]
        if year and off:
            why.append((f"năm trong số hiệu ({year.group(1)}) khác năm của ngày được ghi ({off[0][0]})",
                        f"the year in the number ({year.group(1)}) disagrees with the cited date ({off[0][0]})"))
            evidence.append(off[0][1])
        pair = next(((a, b) for i, b in enumerate(mentions) for a in mentions[:i] if not _agree(a[0], b[0])), None)
        if pair:
            (first, span), (second, other) = pair
            why.append((f"được ghi hai ngày khác nhau: {first} và {second}",
                        f"it is cited with two different dates: {first} and {second}"))
            evidence += [span, other]
        if id(ref) in later and not own_in_doubt and own:
            d, s = next((d, s) for d, s in mentions if _later(d, own))
            why.append((f"ngày được ghi ({d}) sau ngày của chính văn bản này ({own})",
                        f"the cited date ({d}) is later than this document's own date ({own})"))
            evidence += [s] + ([record.metadata.spans["date"]] if "date" in record.metadata.spans else [])
        if not why:
            continue
        unique = list({(e.start, e.end): e for e in evidence}.values())
        out.append(Finding(
            code="reference_mismatch", severity="warning", number=ref.number, evidence=unique,
            rule="check.rules.references.cited_dates",
            message_vi=f"{ref.number}: " + "; ".join(vi for vi, _ in why) + ".",
            message_en=f"{ref.number}: " + "; ".join(en for _, en in why) + ".",
        ))
    return out
