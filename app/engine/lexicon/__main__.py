"""`python -m dyslexic_writer.engine.lexicon FOLDER`: compile the dictionary index into FOLDER
(as `lexicon-v<INDEX_FORMAT>.sqlite`) unless one built from this install's sources is already
there, and print its path. The wheel's build hook (setup.py) and packaging/build.py both run it,
in a child process, so the index is always built by the app's own code."""

from __future__ import annotations

import sys
from pathlib import Path

from .build import build_index
from .index import index_name, is_current


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__.split("\n")[0], file=sys.stderr)
        return 2
    path = Path(argv[0]) / index_name()
    if not is_current(path):
        build_index(path)
    if not is_current(path):
        print(f"the index built at {path} does not match this install's sources", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
