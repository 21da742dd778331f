"""vnplan installs anywhere: the wheel carries its data (parents, registry, models, gazetteers) and,
installed into a fresh virtual environment outside the source tree, extracts and checks a plan."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile

from conftest import ROOT, SEEDS, compiled_modules

PACKAGE_DATA = ROOT / "extractor" / "data"


def test_the_wheel_carries_the_data_and_works_outside_the_source_tree(tmp_path):
    source = tmp_path / "source"  # a copy: building leaves build/ and *.egg-info behind
    shutil.copytree(ROOT / "extractor", source / "extractor", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
                   check=True, timeout=900, capture_output=True)  # mypyc compiles the pipeline: minutes
    (wheel,) = (tmp_path / "dist").glob("vnplan-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    data = {f"extractor/data/{p.relative_to(PACKAGE_DATA).as_posix()}" for p in PACKAGE_DATA.rglob("*") if p.is_file()}
    assert data and data <= shipped, sorted(data - shipped)
    compiled = [m for m in compiled_modules() if not any(n.startswith(m[:-3] + ".cpython-") for n in shipped)]
    assert not compiled, compiled  # every module of [tool.vnplan.compiled] ships compiled

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python, version = venv / "bin" / "python", f"python{sys.version_info.major}.{sys.version_info.minor}"
    # the dependencies come from this environment (no downloads); vnplan itself only from the wheel (this
    # environment holds an installed vnplan too: pip must install the wheel beside it, not skip it)
    (venv / "lib" / version / "site-packages" / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--ignore-installed", "-q", str(wheel)],
                   check=True, timeout=300, capture_output=True)
    where = subprocess.run([str(python), "-c", "import extractor; print(extractor.__file__)"], cwd=tmp_path,
                           check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(venv)), where

    seed = shutil.copy(SEEDS[0], tmp_path / SEEDS[0].name)
    vnplan = venv / "bin" / "vnplan"
    record = json.loads(subprocess.run([str(vnplan), "extract", seed], cwd=tmp_path, check=True, capture_output=True,
                                       text=True).stdout)
    assert record["provenance"]["extractor_version"] and len(record["outline"]["sections"]) == 5
    report = json.loads(subprocess.run([str(vnplan), "check", seed], cwd=tmp_path, check=True, capture_output=True,
                                       text=True).stdout)
    assert report["parent"]["id"] == "782/QĐ-TTg" and report["alignment"]
