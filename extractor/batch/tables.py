"""The tables a batch leaves for people, remade from the journal at the end of every run:
``summary.csv`` and ``summary.xlsx`` (one row per input), ``errors.csv``, ``skipped.csv`` and,
for checked plans, ``alignment.csv`` and ``alignment_rollup.csv`` (sheets of ``summary.xlsx``
too). A manifest's columns follow the summary's own, under their names (``submission.<name>``
where a name is already a summary column)."""

from __future__ import annotations

from pathlib import Path

from ..outputs.csvout import write_csv
from ..outputs.xlsx import Sheet, write_xlsx
from .files import atomic_open, atomic_open_binary
from .rollup import ROLLUP_COLUMNS, VERDICT_FILLS, Plan, alignment_table, rollup
from .summary import Row

ERROR_COLUMNS = ["file", "error", "reason", "path", "sha256"]
SKIPPED_COLUMNS = ["file", "reason", "path", "sha256"]


def write_tables(out: Path, plans: list[Plan], checked: bool) -> dict[str, int]:
    """Write the tables of ``plans`` (every input's row and cells, in input order); rows per file."""
    own = Row.columns()
    extra = list(dict.fromkeys(k for row, _ in plans for k in row.submission))
    names = {k: f"submission.{k}" if k in own else k for k in extra}
    flat = [_flat(row, names) for row, _ in plans]
    tables = {
        "summary.csv": (own + list(names.values()), flat),
        "errors.csv": (ERROR_COLUMNS + list(names.values()), [r for r in flat if r["status"] == "error"]),
        "skipped.csv": (SKIPPED_COLUMNS + list(names.values()), [r for r in flat if r["status"] == "skipped"]),
    }
    sheets = [Sheet("summary", *tables["summary.csv"])]
    if checked:
        tables["alignment.csv"] = alignment_table(plans)
        tables["alignment_rollup.csv"] = (ROLLUP_COLUMNS, rollup(plans))
        sheets += [Sheet("alignment", *tables["alignment.csv"], fills=VERDICT_FILLS),
                   Sheet("rollup", *tables["alignment_rollup.csv"])]
    counts = {}
    for name, (columns, rows) in tables.items():
        with atomic_open(out / name) as handle:
            counts[name] = write_csv(handle, columns, rows)
    with atomic_open_binary(out / "summary.xlsx") as handle:
        write_xlsx(handle, sheets)
    return counts


def _flat(row: Row, names: dict[str, str]) -> dict[str, object]:
    flat = dict(vars(row))
    submission = flat.pop("submission")
    flat.update({names[k]: v for k, v in submission.items()})
    return flat
