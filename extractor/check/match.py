"""Match each plan target to the parent target(s) it carries down, by group and indicator.

Similarity is TF-IDF cosine over two views of each text, fitted on the parent's and the plan's
group/indicator texts together: syllable 1-2-grams ("cán bộ", "trẻ em": a Vietnamese word is one
or two syllables) and character 3-5-grams (robust to OCR slips, abbreviations and tone-mark
variants). A pair's score is the mean of the group similarity and the indicator similarity. Units
and directions must agree. When the parent has targets that differ only by year (M1.C1 by 2025,
O2030 by 2030), the plan target's year (or its plan's end year) picks among them. A pair is kept
when its score reaches ``THRESHOLD`` and it is within ``MARGIN`` of the best score of its plan
target: one plan target may carry down two parent targets (a joined group), and two plan targets
may carry down one parent target (a split group).

``THRESHOLD`` and ``MARGIN`` were chosen by grid search on the gold alignment tables
(``corpus/gold/*.alignment.json``, the five seeds against 782/QĐ-TTg): the middle of the widest
range of thresholds with the best F1 (``evaluate.score_alignment`` scores any pair of them).

The word view was first underthesea's word segments ("cán_bộ"). Measured on the seeds, syllable
1-2-grams match exactly the same pairs (precision 0.941, recall 0.970, best thresholds 0.42-0.50
for both) while underthesea's segmenter costs about 11 ms per plan (its CRF runs on every target
text) against under 1 ms for the n-grams, so the n-grams are the word view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import numpy as np

from ..records import PlanRecord, Target
from ..tones import fold
from .parents import Parent, ParentTarget, plan_period

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

THRESHOLD = 0.46
MARGIN = 0.08
YEAR_PENALTY = 0.5


@dataclass(frozen=True)
class Match:
    plan_index: int
    parent_id: str
    score: float


@lru_cache(maxsize=1)
def _analyzers() -> tuple[tuple[str, Callable[[str], list[str]]], ...]:
    """Two views of a folded text, by sklearn's own analyzers: syllable 1-2-grams ("cán bộ", "trẻ em")
    and character 3-5-grams. Features are tagged with their view ("w" or "c") so that one vectorizer
    fits both; each view is then L2-normalised on its own, so the two weigh the same. (scikit-learn
    is imported here, at the first check, not when vnplan starts.)"""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return (
        ("w", TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2), lowercase=False).build_analyzer()),
        ("c", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=False).build_analyzer()),
    )


def features(text: str) -> list[str]:
    """The tagged features of one text ("w:trẻ em", "c: tr")."""
    folded = fold(text)
    return [f"{tag}:{x}" for tag, analyse in _analyzers() for x in analyse(folded)]


def _count(texts: Sequence[str], vocabulary: dict[str, int]) -> tuple[list[int], list[int], list[int]]:
    """Feature counts of ``texts`` as CSR parts (indptr, indices, counts); new features join ``vocabulary``."""
    indptr: list[int] = [0]
    indices: list[int] = []
    counts: list[int] = []
    for text in texts:
        row = Counter(vocabulary.setdefault(f, len(vocabulary)) for f in features(text))
        indices += row.keys()
        counts += row.values()
        indptr.append(len(indices))
    return indptr, indices, counts


@dataclass(frozen=True)
class _ParentCounts:
    vocabulary: dict[str, int]
    rows: tuple[list[int], list[int], list[int]]  # CSR parts of the parent texts' counts


@lru_cache(maxsize=16)
def _parent_counts(texts: tuple[str, ...]) -> _ParentCounts:
    """The counts of a parent's texts, made once: the parent is the same for a whole batch."""
    vocabulary: dict[str, int] = {}
    return _ParentCounts(vocabulary, _count(texts, vocabulary))


def tfidf_space(plan_texts: Sequence[str], parent_texts: tuple[str, ...]) -> csr_matrix:
    """TF-IDF vectors (rows: plan texts, then parent texts), the IDF fitted on exactly these texts,
    each view L2-normalised and the whole row scaled to unit length.

    The counts are made here (the parent's once per batch, a plan's features added to a copy of its
    vocabulary) and scikit-learn's ``TfidfTransformer`` weighs them: a ``TfidfVectorizer`` fitted per
    plan spent most of its time re-reading the parent's texts and sorting the vocabulary."""
    from scipy.sparse import csr_matrix
    from sklearn import config_context
    from sklearn.feature_extraction.text import TfidfTransformer

    parent = _parent_counts(parent_texts)
    vocabulary = dict(parent.vocabulary)
    plan_parts = _count(plan_texts, vocabulary)
    shape = len(vocabulary)
    p_indptr, p_indices, p_counts = parent.rows
    indptr = plan_parts[0] + [plan_parts[0][-1] + x for x in p_indptr[1:]]
    counts = csr_matrix((plan_parts[2] + p_counts, plan_parts[1] + p_indices, indptr),
                        shape=(len(indptr) - 1, shape), dtype=np.float64)
    with config_context(assume_finite=True, skip_parameter_validation=True):
        matrix = TfidfTransformer(sublinear_tf=True, norm=None).fit_transform(counts).tocsr()
    is_char = np.zeros(shape, dtype=np.intp)
    for feature, column in vocabulary.items():
        is_char[column] = feature[0] == "c"
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    views = is_char[matrix.indices]
    sq = np.zeros((matrix.shape[0], 2))
    np.add.at(sq, (rows, views), matrix.data ** 2)
    norms = np.sqrt(sq * 2)  # each view to length 1/sqrt(2): the row has unit length
    norms[norms == 0] = 1.0
    matrix.data /= norms[rows, views]
    return matrix


def _compatible(t: Target, p: ParentTarget) -> bool:
    if t.unit != p.unit:
        return False
    opposite = {("increase", "decrease"), ("decrease", "increase")}
    return (t.direction, p.direction) not in opposite


def year_twins(parent: Parent) -> dict[str, list[ParentTarget]]:
    """For each parent target, the targets (itself included) that share its group and indicator and
    differ only by year, such as M1.C1 (2025) and O2030."""
    by_text: dict[tuple[str, str], list[ParentTarget]] = {}
    for p in parent.targets:
        by_text.setdefault((fold(p.group), fold(p.indicator or "")), []).append(p)
    return {p.id: by_text[(fold(p.group), fold(p.indicator or ""))] for p in parent.targets}


def combine(group_sim: np.ndarray, ind_sim: np.ndarray) -> np.ndarray:
    """Both the group and the indicator must agree: the mean of the two similarities."""
    return (group_sim + ind_sim) / 2


def similarity(record: PlanRecord, parent: Parent) -> np.ndarray:
    """Score matrix (plan targets × parent targets)."""
    plan, par = record.targets, parent.targets
    if not plan or not par:
        return np.zeros((len(plan), len(par)))
    plan_texts = [t.group for t in plan] + [t.indicator or t.group for t in plan]
    parent_texts = [p.group for p in par] + [p.indicator or p.group for p in par]
    # each distinct text once: shared indicators and year twins do not weigh on the IDF
    plan_rows = {text: row for row, text in enumerate(dict.fromkeys(plan_texts))}
    parent_rows = {text: row for row, text in enumerate(dict.fromkeys(parent_texts))}
    vectors = tfidf_space(list(plan_rows), tuple(parent_rows))
    sims = (vectors[:len(plan_rows)] @ vectors[len(plan_rows):].T).toarray()
    sims = sims[np.ix_([plan_rows[t] for t in plan_texts], [parent_rows[t] for t in parent_texts])]
    n, m = len(plan), len(par)
    group_sim, ind_sim = sims[:n, :m], sims[n:, m:]
    scores = combine(group_sim, ind_sim)
    end = plan_period(record).end
    years = {pid: {t.year for t in twins} for pid, twins in year_twins(parent).items()}
    for a, t in enumerate(plan):
        year = t.year or end
        for b, p in enumerate(par):
            if not _compatible(t, p):
                scores[a, b] = 0.0
            elif len(years[p.id]) > 1 and year in years[p.id] and year != p.year:
                scores[a, b] *= YEAR_PENALTY
    return scores


def select(scores: np.ndarray, threshold: float = THRESHOLD, margin: float = MARGIN) -> list[tuple[int, int]]:
    if scores.size == 0:
        return []
    best_row = scores.max(axis=1)
    return [(int(a), int(b)) for a, b in zip(*np.nonzero(scores >= threshold)) if scores[a, b] >= best_row[a] - margin]


def match_targets(record: PlanRecord, parent: Parent, threshold: float = THRESHOLD,
                  margin: float = MARGIN, scores: Optional[np.ndarray] = None) -> list[Match]:
    """Every (plan target, parent target) pair the plan carries down, with its score."""
    scores = similarity(record, parent) if scores is None else scores
    return [Match(a, parent.targets[b].id, round(float(scores[a, b]), 3))
            for a, b in select(scores, threshold, margin)]
