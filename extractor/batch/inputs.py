"""What a run is given: the files to process, each with the name its outputs are filed under.

An argument is a file or a folder; a folder stands for the files in it (hidden ones left out),
in sorted order. Each input keeps a ``name``: its path relative to the folder it was found in
(its file name when it was given directly), so that two inputs never share an output name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

PathArg = Union[str, os.PathLike]


@dataclass(frozen=True)
class Input:
    """One file to process."""

    path: str  # as given or found
    name: str  # relative to the folder it was found in; outputs are filed under it
    extra: dict[str, str] = field(default_factory=dict)  # columns a manifest carries into the outputs


def collect(args: Iterable[PathArg]) -> list[Input]:
    """The inputs named by ``args``: files as given, folders expanded to the files they hold."""
    out: list[Input] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            out.extend(Input(str(f), f.name) for f in sorted(path.iterdir())
                       if f.is_file() and not f.name.startswith("."))
        else:
            out.append(Input(str(path), path.name))
    return out
