"""The shape of the package: the pipeline's stages import only what comes before them, and no
modules import each other in a loop. Every import counts, those inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"

# The stages, from the ground up: a module may import its own stage and the stages below it.
STAGES: list[tuple[str, ...]] = [
    ("records", "resources", "runtime", "grammar", "tones", "gazetteer"),  # the contract, the data files, the shared vocabulary
    ("encodings", "readers"),                             # bytes -> pages of text
    ("normalise", "lost_spaces", "ocr_repair", "glyph_loss"),  # text -> paragraphs + offset map, OCR repaired
    ("document", "segment", "kinds", "kinds_model"),      # paragraphs -> the Doc and its outline
    ("fields",),                                          # Doc -> records
    ("check",),                                           # records -> findings, alignment
    ("outputs",),                                         # records -> JSON, Markdown, HTML
    ("pipeline",),                                        # the whole flow of one document
    ("evaluate", "spacy_component", "training"),          # beside the pipeline, above it
    ("batch",),                                           # many documents: the runner
    ("index",),                                           # records -> search engines
    ("schema",),                                          # the published contract: records and index mapping
    ("web",),                                             # the web app over runner and index
    ("cli",),                                             # the commands, on top of everything
]
STAGE_OF = {name: level for level, names in enumerate(STAGES) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The extractor modules ``path`` imports (relative imports resolved), anywhere in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("extractor")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("extractor"):
                continue
            for alias in node.names:  # "from . import grammar" imports a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _is_module(candidate) else target)
    return found - {name}


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 40, "the package's modules are found"
    return {module_name(f): imports_of(f) for f in files}


def stage(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return -1  # the package itself (its version)
    assert parts[1] in STAGE_OF, f"{module}: a module outside the stages; add its room to STAGES"
    return STAGE_OF[parts[1]]


def test_no_import_runs_back_up_the_pipeline():
    backwards = [(m, t) for m, targets in _graph().items() for t in targets if stage(t) > stage(m)]
    assert not backwards, "imports from an earlier stage into a later one: " + ", ".join(
        f"{m} -> {t}" for m, t in backwards)


def test_no_import_cycles():
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # a package's __init__ importing its own modules is a face, not a loop: a module importing its
    # package's __init__ back would be one, and shows here
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_walker_sees_relative_and_function_level_imports():
    graph = _graph()
    assert "extractor.pipeline" in graph["extractor.batch.jobs"]  # a relative import
    assert "extractor.kinds_model" in graph["extractor.kinds"]  # an import inside a function
    assert "extractor.grammar" in graph["extractor.fields.bodies.slots"]  # "from ... import grammar"
