"""The scorer of ``gold-format.md``: precision, recall and F1 per field, per document and overall.

Gold files are matched to documents by stem (``000_x.pdf``, ``000_x.docx`` and
``000_x.txt`` all score against ``000_x.gold.json``); the matching of plan targets to a parent's
is scored against ``<stem>.alignment.json`` tables (``score_alignment``). Every score is one
precision/recall/F1 (``Counts.scores``). Text is compared after NFC,
casefolding, tone-mark normalisation and collapsing of whitespace and of spaces
around hyphens. Fields not extracted score honestly: zero recall, never left out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .check import Parent, find_parents, number_key
from .check.match import MARGIN, THRESHOLD, match_targets
from .records import ErrorRecord, PlanRecord
from .resources import PARENTS_DIR
from .tones import fold

FIELDS = ("metadata", "sections", "targets", "references", "bodies", "findings")
METADATA_KEYS = ("doc_type", "number", "symbol", "issuer", "place", "date", "signer", "signer_title")
FINDING_KEYS = ("section", "value", "number", "parent_target")
# The key that locates a finding of each code (gold-format.md); other keys are not compared.
LOCATING_KEY = {
    "section_number_gap": "section", "section_number_duplicate": "section",
    "section_level_inconsistent": "section", "task_without_body": "section",
    "value_out_of_range": "value", "reference_mismatch": "number",
    "target_below_parent": "parent_target", "parent_target_missing": "parent_target",
    "period_outside_parent": None,
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: dict[str, list[float]] = field(default_factory=dict)  # accuracies / token F1 over matched pairs
    missed: list[Any] = field(default_factory=list)  # gold items nothing matched (one document's)
    spurious: list[Any] = field(default_factory=list)  # predicted items no gold matched

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, v in other.extra.items():
            self.extra.setdefault(k, []).extend(v)

    def scores(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if self.fn == 0 else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out: dict[str, Any] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                               "tp": self.tp, "fp": self.fp, "fn": self.fn}
        for k, v in sorted(self.extra.items()):
            out[k] = round(sum(v) / len(v), 4) if v else None
        return out


def _key(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return fold(str(value))


def tokens(text: Optional[str]) -> list[str]:
    return re.findall(r"\w+", fold(text or ""))


def token_f1(a: Optional[str], b: Optional[str]) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


# ---------------------------------------------------------------- per field


def score_metadata(pred: dict, gold: dict) -> Counts:
    """Each key is one item: a correct non-null value is a TP; null == null counts as accuracy only."""
    c = Counts(extra={"accuracy": []})
    for k in METADATA_KEYS:
        g, p = _key(gold.get(k)), _key(pred.get(k))
        c.extra["accuracy"].append(1.0 if g == p else 0.0)
        if g is not None and p == g:
            c.tp += 1
            continue
        if g is not None:
            c.fn += 1
            c.missed.append({k: gold.get(k)})
        if p is not None:
            c.fp += 1
            c.spurious.append({k: pred.get(k)})
    return c


def _match_by_key(pred: list[dict], gold: list[dict], key: Callable[[dict], Any]) -> tuple[Counts, list[tuple[dict, dict]]]:
    pool: dict[Any, list[dict]] = {}
    for p in pred:
        pool.setdefault(key(p), []).append(p)
    pairs, c = [], Counts()
    for g in gold:
        bucket = pool.get(key(g))
        if bucket:
            pairs.append((bucket.pop(0), g))
            c.tp += 1
        else:
            c.fn += 1
            c.missed.append(g)
    c.spurious = [p for bucket in pool.values() for p in bucket]
    c.fp = len(c.spurious)
    return c, pairs


def score_sections(pred: list[dict], gold: list[dict]) -> Counts:
    c, _ = _match_by_key(pred, gold, lambda s: (_key(s.get("number")), _key(s.get("title"))))
    return c


def score_references(pred: list[dict], gold: list[dict]) -> Counts:
    def key(r: dict) -> Any:
        return ("n", _key(r.get("number"))) if r.get("number") else ("t", _key(r.get("title")))

    c, pairs = _match_by_key(pred, gold, key)
    c.extra = {"date_accuracy": [float(_key(p.get("date")) == _key(g.get("date"))) for p, g in pairs],
               "issuer_accuracy": [float(_key(p.get("issuer")) == _key(g.get("issuer"))) for p, g in pairs]}
    return c


def score_bodies(pred: list[dict], gold: list[dict]) -> Counts:
    c, pairs = _match_by_key(pred, gold, lambda b: _key(b.get("name")))
    c.extra = {"role_accuracy": [float(p.get("role") == g.get("role")) for p, g in pairs]}
    return c


def score_targets(pred: list[dict], gold: list[dict]) -> Counts:
    """Same value, unit and comparator, and group token F1 >= 0.5; best pairs first."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if (_key(p.get("value")) == _key(g.get("value")) and p.get("unit") == g.get("unit")
                    and p.get("comparator") == g.get("comparator")):
                f = token_f1(p.get("group"), g.get("group"))
                if f >= 0.5:
                    candidates.append((f, i, j))
    used_p, used_g, pairs = set(), set(), []
    for f, i, j in sorted(candidates, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((f, pred[i], gold[j]))
    c = Counts(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs),
               missed=[g for j, g in enumerate(gold) if j not in used_g],
               spurious=[p for i, p in enumerate(pred) if i not in used_p])
    c.extra = {"group_token_f1": [f for f, _, _ in pairs],
               "section_accuracy": [float(_key(p.get("section")) == _key(g.get("section"))) for _, p, g in pairs],
               "year_accuracy": [float(p.get("year") == g.get("year")) for _, p, g in pairs]}
    return c


def score_findings(pred: list[dict], gold: list[dict]) -> Counts:
    def key(f: dict) -> Any:
        code = f.get("code") or ""
        located = LOCATING_KEY.get(code, "section")
        return (code, _key(f.get(located)) if located else None)

    c, _ = _match_by_key(pred, gold, key)
    return c


SCORERS: dict[str, Callable[[Any, Any], Counts]] = {
    "metadata": score_metadata, "sections": score_sections, "targets": score_targets,
    "references": score_references, "bodies": score_bodies, "findings": score_findings,
}


# ---------------------------------------------------------------- records → gold shape


def as_gold(record: PlanRecord) -> dict:
    """A PlanRecord in the gold annotation's shape."""
    meta = record.metadata
    return {
        "document": record.document,
        "metadata": {k: getattr(meta, k) for k in METADATA_KEYS},
        "sections": [{"number": s.number, "title": s.title} for s in record.outline.sections],
        "targets": [t.model_dump(include={"value", "comparator", "unit", "group", "section", "year", "denominator"})
                    for t in record.targets],
        "references": [r.model_dump(include={"doc_type", "number", "title", "date", "issuer"}) for r in record.references],
        "bodies": [{"name": b.name, "role": b.role} for b in record.bodies],
        "findings": [{"code": f.code, **{k: getattr(f, k) for k in FINDING_KEYS if getattr(f, k) is not None}}
                     for f in record.findings],
    }


def stem(name: str) -> str:
    name = Path(name).name
    return name[: -len(".gold.json")] if name.endswith(".gold.json") else Path(name).stem


def evaluate(gold_dir: Path, records: Iterable[PlanRecord | ErrorRecord]) -> dict:
    """Scores per field, per document and overall; a gold file with no record scores zero recall."""
    golds = {stem(p.name): json.loads(p.read_text("utf-8")) for p in sorted(Path(gold_dir).glob("*.gold.json"))}
    preds: dict[str, dict] = {}
    errors: dict[str, str] = {}
    for r in records:
        if isinstance(r, ErrorRecord):
            errors[stem(r.document)] = f"{r.error}: {r.reason}"
        else:
            preds[stem(r.document)] = as_gold(r)
    overall = {f: Counts() for f in FIELDS}
    documents: dict[str, dict] = {}
    for name, gold in golds.items():
        pred = preds.get(name, {})
        doc_scores: dict[str, Any] = {}
        for f in FIELDS:
            counts = SCORERS[f](pred.get(f, {} if f == "metadata" else []), gold.get(f, {} if f == "metadata" else []))
            overall[f].add(counts)
            doc_scores[f] = counts.scores() | {"missed": counts.missed, "spurious": counts.spurious}
        if name in errors:
            doc_scores["error"] = errors[name]
        elif name not in preds:
            doc_scores["error"] = "no document found for this gold file"
        documents[name] = doc_scores
    return {"overall": {f: overall[f].scores() for f in FIELDS}, "documents": documents}


def missing_documents(result: dict) -> list[str]:
    """Gold files that no document (or only an error record) answered."""
    return [name for name, d in result["documents"].items() if "error" in d]


def _cell(scores: dict) -> str:
    """A document's F1 for one field; "–" where neither gold nor vnplan has a record of it."""
    return "       –" if scores["tp"] + scores["fp"] + scores["fn"] == 0 else f"{scores['f1']:>8.3f}"


def format_explanation(result: dict) -> str:
    """Per document and field, what gold has that nothing matched (-) and what vnplan found that
    matched nothing (+)."""
    lines = []
    for name, d in result["documents"].items():
        rows = [f"  {f}: {sign} {json.dumps(item, ensure_ascii=False)}"
                for f in FIELDS for sign, key in (("-", "missed"), ("+", "spurious")) for item in d[f][key]]
        if rows or "error" in d:
            lines += [name] + ([f"  ERROR {d['error']}"] if "error" in d else []) + rows
    return "\n".join(lines)


def format_table(result: dict) -> str:
    """The overall table, then F1 per document ("–": nothing to find, nothing found)."""
    lines = ["field        precision  recall     f1   extra", "-" * 72]
    for f, s in result["overall"].items():
        if f == "alignment":
            continue
        extra = ", ".join(f"{k} {v:.3f}" for k, v in s.items()
                          if k not in ("precision", "recall", "f1", "tp", "fp", "fn") and v is not None)
        lines.append(f"{f:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}   {extra}")
    if "alignment" in result["overall"]:
        a = result["overall"]["alignment"]
        lines.append(f"{'alignment':<12} {a['precision']:>9.3f} {a['recall']:>7.3f} {a['f1']:>6.3f}   "
                     "matching of plan targets to parent targets")
    lines += ["", "F1 per document: " + "  ".join(f"{f[:8]:>8}" for f in FIELDS)]
    for name, d in result["documents"].items():
        row = "  ".join(_cell(d[f]) for f in FIELDS)
        lines.append(f"{name[:28]:<28} {row}" + (f"  ERROR {d['error']}" if "error" in d else ""))
    return "\n".join(lines)


# ---------------------------------------------------------------- alignment against a parent


def gold_pairs(gold: dict, record: PlanRecord) -> set[tuple[int, str]]:
    """Gold pairs as (plan target index, parent id): a gold plan target is the record's target with the
    same value and the best group token F1 (at least 0.5); one that no target matches gets index -1."""
    out = set()
    for pair in gold["pairs"]:
        want = pair["plan_target"]
        cands = [(token_f1(t.group, want["group"]) + (t.year == want.get("year"))
                  + token_f1(t.indicator or "", want.get("indicator") or "") / 10, i)
                 for i, t in enumerate(record.targets) if abs(t.value - want["value"]) < 1e-9]
        cands = [c for c in cands if c[0] >= 0.5]
        idx = max(cands)[1] if cands else -1
        out.add((idx, pair["parent_target"]))
    return out


def has_alignment_gold(gold_dir: Path) -> bool:
    return any(Path(gold_dir).glob("*.alignment.json"))


def score_alignment(gold_dir: Path, records: Iterable[PlanRecord | ErrorRecord],
                    parents: Optional[list[Parent]] = None, threshold: float = THRESHOLD,
                    margin: float = MARGIN) -> dict[str, Any]:
    """Precision, recall and F1 of the matched target pairs against the gold alignment tables
    (``<stem>.alignment.json``: the plan's parent and its pairs)."""
    golds = {p.name[: -len(".alignment.json")]: json.loads(p.read_text("utf-8"))
             for p in sorted(Path(gold_dir).glob("*.alignment.json"))}
    by_number = {number_key(p.number): p for p in (parents if parents is not None else find_parents(PARENTS_DIR))
                 if p.number}
    counts = Counts()
    for record in records:
        gold = golds.get(stem(record.document)) if isinstance(record, PlanRecord) else None
        if gold is None or not isinstance(record, PlanRecord):
            continue
        want = gold_pairs(gold, record)
        got = {(m.plan_index, m.parent_id)
               for m in match_targets(record, by_number[number_key(gold["parent"])], threshold, margin)}
        counts.add(Counts(tp=len(got & want), fp=len(got - want), fn=len(want - got)))
    return counts.scores()
