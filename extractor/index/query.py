"""Queries and their answers, the same for every engine.

A query is words (all must match), ``"exact phrases"`` and prefixes (``tre*``), folded like the
indexed text; a word written with punctuation inside ("782/QĐ-TTg") is a phrase of its parts.
``Filters`` restrict by document and entry fields; a ``Hit`` is one matching entry with its
highlighted snippet and evidence, a ``Citation`` one plan that cites or implements a document.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .documents import KINDS, Evidence, Part
from .folding import token_spans, tokens

_PIECE = re.compile(r'"([^"]*)"(\*?)|(\S+)')
SNIPPET_CHARS = 200


@dataclass(frozen=True)
class Term:
    """Folded words that must appear in this order, the last as a prefix when ``prefix``."""

    words: tuple[str, ...]
    prefix: bool = False


def parse(query: str) -> list[Term]:
    """The terms of a query string: ``"…"`` phrases, ``word*`` prefixes, plain words."""
    terms = []
    for m in _PIECE.finditer(query):
        phrase, star, word = m.groups()
        text, prefix = (phrase, bool(star)) if word is None else (word.rstrip("*"), word.endswith("*"))
        words = tuple(tokens(text))
        if words:
            terms.append(Term(words, prefix))
    return terms


@dataclass(frozen=True)
class Filters:
    """What a search is restricted to; ``None`` filters nothing. ``kinds`` are entry kinds."""

    kinds: tuple[str, ...] = ()
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    doc_type: str | None = None
    year: int | None = None
    parent: str | None = None
    cites: str | None = None
    body: str | None = None
    code: str | None = None
    severity: str | None = None

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown entry kinds: {', '.join(sorted(unknown))}")

    def given(self) -> dict[str, Any]:
        """The field filters that were given, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name != "kinds" and getattr(self, f.name) not in (None, "")}


def matches(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """The ranges of ``text`` that match a term, in order; overlapping ranges and ranges one space
    apart are merged ("**trẻ em**", not "**trẻ** **em**")."""
    spans = token_spans(text)
    words = [w for w, _, _ in spans]
    found = []
    for term in terms:
        n = len(term.words)
        for i in range(len(words) - n + 1):
            last = words[i + n - 1]
            if words[i:i + n - 1] == list(term.words[:-1]) and (
                    last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]):
                found.append((spans[i][1], spans[i + n - 1][2]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and (start <= merged[-1][1] or text[merged[-1][1]:start] == " "):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, ranges: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """About ``SNIPPET_CHARS`` of ``text`` around its first match, cut at spaces, and the matches
    inside it (offsets into the snippet)."""
    if len(text) <= SNIPPET_CHARS:
        return text, ranges
    first = ranges[0][0] if ranges else 0
    start = max(0, first - SNIPPET_CHARS // 4)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        end = max(text.rfind(" ", start, end), first + 1)
    lead = "… " if start else ""
    shift = len(lead) - start
    inside = [(a + shift, min(b, end) + shift) for a, b in ranges if start <= a < end]
    return lead + text[start:end] + (" …" if end < len(text) else ""), inside


@dataclass(frozen=True)
class Hit:
    """One matching entry: its plan, what it is, its score, snippet, highlights and evidence."""

    kind: str
    sha256: str
    document: str
    ordinal: int
    title: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    evidence: Evidence | None
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["score"] = round(self.score, 6)
        out["highlights"] = [list(r) for r in self.highlights]
        return out


def hit(kind: str, sha256: str, document: str, ordinal: int, title: str, score: float,
        parts: list[Part], terms: list[Term], data: dict[str, Any]) -> Hit:
    """The hit of an entry: the part with the most matches gives the snippet and the evidence."""
    scored = [(part, matches(part.text, terms)) for part in parts]
    part, ranges = max(scored, key=lambda pr: len(pr[1])) if scored else (Part(""), [])
    text, highlights = snippet(part.text, ranges)
    return Hit(kind, sha256, document, ordinal, title, score, text, highlights, part.evidence, data)


@dataclass(frozen=True)
class Citation:
    """A plan that cites a document (its mentions) or implements it (its checked parent), with the
    alignment of its targets to its parent's when it was checked."""

    sha256: str
    document: str
    path: str
    number: str | None
    title: str | None
    issuer: str | None
    date: str | None
    cites: bool
    implements: bool
    mentions: list[Evidence]
    parent: dict[str, Any] | None
    verdicts: dict[str, int]
    alignment: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
