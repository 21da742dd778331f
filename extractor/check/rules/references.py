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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
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
    return _first_date(span.text)


@lru_cache(maxsize=4096)
def _first_date(text: str) -> Optional[str]:
    return next((v.iso for _, _, v in find_dates(text) if v.iso), None)


def _agree(a: str, b: str) -> bool:
    """Dates as precise as written that may be one: "2019" and "2019-11-22"."""
    return a.startswith(b) or b.startswith(a)


def _later(date: str, own: str) -> bool:
    """``date`` is after ``own``, compared at the precision both have ("2023-03" vs "2023": no)."""
    n = min(len(date), len(own))
    return date[:n] > own[:n]


def _dated(ref: Reference) -> list[tuple[str, Span]]:
    return [(d, s) for s in ref.mentions if (d := _mention_date(s))]


# ---------------------------------------------------------------- what a citation carries out

# A citation that says what it carries out: "Kế hoạch số 236-KH/TU ... triển khai thực hiện Chỉ thị số
# 17-CT/TW", "Nghị định ... quy định chi tiết một số điều của Luật số ...", "Thông tư ... hướng dẫn Nghị
# định số ...", "Nghị định ... sửa đổi, bổ sung Nghị định số ...": it cannot be older than what it
# carries out. Only verbs of implementing name what a quoted title carries out ("hướng dẫn tạm thời
# “X”" is guidance named X; "thực hiện quy định tạm thời “X”" carries X out).
_CARRIES_OUT = re.compile(r"\b(?:thực\s+hiện|triển\s+khai|thi\s+hành|hướng\s+dẫn|quy\s+định\s+chi\s+tiết"
                          r"|sửa\s+đổi|bổ\s+sung|thay\s+thế)\b", re.IGNORECASE)
_IMPLEMENTS = re.compile(r"\b(?:thực\s+hiện|triển\s+khai|thi\s+hành)\b", re.IGNORECASE)
_QUOTE = re.compile(r"[“\"]([^”\"]+)")
NEAR = 5  # words at most between the verb and what it carries out ("một số điều của", "quy định tạm thời")
QUOTE_WORDS = 3  # words two quoted titles share at least to be one title


def _spans(ctx: Context) -> Iterator[Span]:
    """The paragraphs citations stand in: the preamble and every section's items."""
    yield from (b.span for b in ctx.record.outline.preamble)
    for s, items in ctx.section_items:
        yield s.span
        yield from (item.span for item in items)


def _tails(ctx: Context) -> list[tuple[Reference, Span, str, Optional[tuple[Reference, Span]]]]:
    """Each mention with what follows it in its clause (to a ';', the paragraph's end or the next
    mention), and the mention that ends the clause, if one does."""
    record = ctx.record
    mentions = sorted(((m, ref) for ref in record.references for m in ref.mentions), key=lambda x: x[0].start)
    paragraphs = sorted(_spans(ctx), key=lambda p: p.start)
    starts = [p.start for p in paragraphs]
    mention_starts = [m.start for m, _ in mentions]
    furniture = sorted((f.start, f.end) for f in record.provenance.furniture)
    out = []
    for k, (m, ref) in enumerate(mentions):
        i = bisect_right(starts, m.start) - 1
        if i < 0 or m.start >= paragraphs[i].end:
            continue
        p = paragraphs[i]
        j = bisect_left(mention_starts, m.end, k + 1)  # the first later mention starting at its end or after
        after = mentions[j] if j < len(mentions) else None
        stop = after[0].start if after and after[0].start < p.end else p.end
        clause, semicolon, _ = _read(p, furniture)[m.end - p.start:stop - p.start].partition(";")
        ends_clause = after is not None and stop == after[0].start and not semicolon
        out.append((ref, m, clause, (after[1], after[0]) if after and ends_clause else None))
    return out


def _read(p: Span, furniture: list[tuple[int, int]]) -> str:
    """A paragraph's source text with the page furniture inside it (a page number where a page
    turns mid-paragraph) blanked, offsets kept."""
    text = p.text
    k = bisect_right(furniture, (p.start, -1))
    while k < len(furniture) and furniture[k][0] < p.end:
        a, b = max(furniture[k][0], p.start) - p.start, min(furniture[k][1], p.end) - p.start
        text = text[:a] + " " * (b - a) + text[b:]
        k += 1
    return text


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _one_date(ref: Reference) -> Optional[str]:
    """The date every mention of ``ref`` agrees on (the most precise), or None."""
    dates = {d for d, _ in _dated(ref)}  # distinct: a plan may cite one document hundreds of times
    if not dates or any(not _agree(a, b) for a in dates for b in dates):
        return None
    return max(dates, key=len)


def _carries(clause: str, at: int, verbs: re.Pattern[str]) -> bool:
    """Whether ``clause[:at]`` ends in a verb of ``verbs`` and at most ``NEAR`` words that name what
    it carries out ("triển khai thực hiện", "thi hành một số điều của"), with no list between
    ("… và", ","). Not a passive ("được sửa đổi, bổ sung bởi …": the other document is the later
    one) nor a purpose of the citing text itself ("…, để triển khai thực hiện …")."""
    before = clause[:at]
    found = list(verbs.finditer(before))
    if not found:
        return False
    verb, rest = found[-1], before[found[-1].end():]
    return (len(_words(rest)) <= NEAR and not re.search(r"[,;]|\bvà\b", rest)
            and not re.search(r"\b(?:được|bởi)\b", before, re.IGNORECASE)
            and not re.search(r"\b(?:để|nhằm)(?:\s+\w+){0,2}\s*$", before[:verb.start()], re.IGNORECASE))


def _carried_out(ctx: Context) -> dict[int, tuple[Reference, Span, Span]]:
    """Per citation (by ``id``), a cited document it carries out that is dated after it: (that
    document, this mention, that mention). A document named with two dates is left to the rule
    that flags it; a quoted title links two citations when one carries out what the other names."""
    links: list[tuple[Reference, Span, Reference, Span]] = []
    quoted: list[tuple[Reference, Span, list[str], bool, bool]] = []  # (citation, mention, title, carries, names)
    for ref, m, clause, ended_by in _tails(ctx):
        if ended_by and _carries(clause, len(clause), _CARRIES_OUT):
            links.append((ref, m, *ended_by))
        for q in (_QUOTE.finditer(clause) if "“" in clause or '"' in clause else ()):
            before = clause[:q.start()]
            names = not any(len(_words(before[v.end():])) <= NEAR for v in _IMPLEMENTS.finditer(before))
            quoted.append((ref, m, _words(q.group(1)), _carries(clause, q.start(), _IMPLEMENTS), names))
    for ref, m, title, carries, _ in quoted:
        if not carries or len(title) < QUOTE_WORDS:
            continue
        named = [(r, s) for r, s, t, _, names in quoted if names and r is not ref and len(t) >= QUOTE_WORDS
                 and (t[:len(title)] == title or title[:len(t)] == t)]
        if len({id(r) for r, _ in named}) == 1:
            links.append((ref, m, *named[0]))
    out: dict[int, tuple[Reference, Span, Span]] = {}
    for a, a_span, b, b_span in links:
        a_date, b_date = _one_date(a), _one_date(b)
        if a.number and b.number and a is not b and a_date and b_date and _later(b_date, a_date):
            out.setdefault(id(a), (b, a_span, b_span))
    return out


def cited_dates(ctx: Context) -> list[Finding]:
    """``reference_mismatch`` from the plan's own text. Per cited number: a date whose year is not
    the year in the number; two dates that cannot both be right; a date after the plan's own date
    when fewer than half of the dated citations are (when half or more are, the plan's own date is as
    much in doubt as theirs: one of two dated citations, or a single one, cannot tell which is wrong);
    a date before that of a cited document it says it carries out (``_carried_out``)."""
    record = ctx.record
    own = record.metadata.date
    dated = {id(ref): _dated(ref) for ref in record.references if ref.number}
    later = {key for key, ds in dated.items() if own and any(_later(d, own) for d, _ in ds)}
    own_in_doubt = len(later) * 2 >= len([ds for ds in dated.values() if ds])
    carried_out = _carried_out(ctx)
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
        firsts: dict[str, tuple[str, Span]] = {}  # each date's first mention (the first pair is among them)
        for d, s in mentions:
            firsts.setdefault(d, (d, s))
        distinct = list(firsts.values())
        pair = next(((a, b) for i, b in enumerate(distinct) for a in distinct[:i] if not _agree(a[0], b[0])), None)
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
        if id(ref) in carried_out:
            source, here, there = carried_out[id(ref)]
            mine, theirs = _one_date(ref), _one_date(source)
            why.append((f"được ghi ngày {mine}, trước ngày {theirs} của {source.number} mà văn bản này thực hiện",
                        f"it is dated {mine}, before {source.number} ({theirs}), which it carries out"))
            evidence += [here, there]
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


# ---------------------------------------------------------------- a law's number and its legislature

# The terms of the National Assembly (Quốc hội khóa IX to XVI): a law numbered "33/2013/QH13" was
# passed by the 13th, in a year of its term; the first and last years belong to two terms (a new
# one sits from its election, mid-year).
LEGISLATURE_TERMS: dict[int, tuple[int, int]] = {
    9: (1992, 1997), 10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016),
    14: (2016, 2021), 15: (2021, 2026), 16: (2026, 2031),
}
_LAW_NUMBER = re.compile(r"^\d+/(?P<year>(?:19|20)\d{2})/QH(?P<term>\d{1,2})$")


def legislature_terms(ctx: Context) -> list[Finding]:
    """``reference_mismatch`` for a law whose number names a legislature that did not sit in the
    number's year ("33/2013/QH11": the 11th National Assembly sat 2002-2007)."""
    out = []
    for ref in ctx.record.references:
        m = _LAW_NUMBER.match(ref.number or "")
        term = LEGISLATURE_TERMS.get(int(m.group("term"))) if m else None
        if m is None or term is None or term[0] <= int(m.group("year")) <= term[1]:
            continue
        year, k = m.group("year"), int(m.group("term"))
        out.append(Finding(
            code="reference_mismatch", severity="warning", number=ref.number, evidence=ref.mentions[:1],
            rule="check.rules.references.legislature_terms",
            message_vi=f"{ref.number}: Quốc hội khóa {k} họp {term[0]}-{term[1]}, không thể thông qua luật năm {year}.",
            message_en=f"{ref.number}: the National Assembly of term {k} sat {term[0]}-{term[1]} and cannot have "
                       f"passed a law in {year}.",
        ))
    return out
