"""vnplan's build: a wheel or a regular install compiles the pipeline's pure-Python steps with mypyc.

The modules named in ``[tool.vnplan.compiled]`` of pyproject.toml (the per-token and per-line loops
of normalise, segment, the field extractors and the plan rules) become C extensions beside their
sources; their behaviour is the source's (``tests/test_wheel.py`` compares the records). An editable
install (``pip install -e .``) stays interpreted, so that an edit takes effect at once; so does any
build with ``VNPLAN_COMPILE=0``.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    """The source files to compile: the globs of ``[tool.vnplan.compiled]``, package inits left out."""
    config = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))
    files = {path for pattern in config["tool"]["vnplan"]["compiled"]["modules"] for path in HERE.glob(pattern)}
    return sorted(p.relative_to(HERE).as_posix() for p in files if p.name != "__init__.py")


def wants_compiling() -> bool:
    if os.environ.get("VNPLAN_COMPILE", "1") == "0":
        return False
    return not any(arg in ("editable_wheel", "develop") for arg in sys.argv[1:])


def main() -> None:
    if not wants_compiling():
        setup()
        return
    from mypyc.build import mypycify

    # one C file per module, so that build_ext compiles them in parallel
    setup(ext_modules=mypycify(compiled_modules(), multi_file=True, opt_level="3", debug_level="0"),
          options={"build_ext": {"parallel": os.cpu_count() or 1}})


if __name__ == "__main__":  # setuptools runs this file as __main__; the tests import it for its list
    main()
