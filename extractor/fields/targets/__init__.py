"""Targets: every percentage or x/y ratio a plan commits to reach or keep.

A target sentence comes in two shapes, and one sentence may hold several targets:

* value first: ``90% cán bộ, giáo viên ...; 80% cha mẹ, người chăm sóc trẻ em được
  cung cấp thông tin ...``. Each value is followed by its *group* (the population,
  as written), which runs up to the next value or to the *predicate* (``được ...``,
  ``đạt ...``, ``triển khai ...``). Groups without a predicate of their own share
  the next one: the example is two targets with one indicator.
* value last: ``Giảm tỷ lệ lao động trẻ em và người chưa thành niên (...) dưới 1%``.
  The group is the noun phrase after ``tỷ lệ``; the indicator is the verb phrase
  before it (``Giảm tỷ lệ``).

``find_targets`` reads one normalised paragraph (or table row); ``extract_targets``
runs it over a ``Doc`` and adds section, path, label, year and evidence spans.

The package, top to bottom: ``grammar`` (the words around a value), ``matches`` (what the step
finds before it becomes a record), ``phrases`` (comparator, direction, year, label of one value and
whether it is a statistic), ``predicates`` (where a predicate begins without a cue word),
``sentences`` (the targets of one sentence), ``tables`` (of markdown table rows), ``features`` and
``filter`` (the target filter: what a model reads of a candidate value, and its veto when training
chose it; ``models/target_filter.md``) and ``finder`` (over a whole document).
"""

from .finder import extract_targets, find_targets, may_hold_quantity
from .matches import TargetContext, TargetMatch
from .phrases import heading_year, plan_label

__all__ = ["TargetContext", "TargetMatch", "extract_targets", "find_targets", "heading_year", "may_hold_quantity",
           "plan_label"]
