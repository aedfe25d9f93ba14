"""A dictionary index built at packaging time, so a fresh install opens the editor at once.

`packaging/build.py` compiles the index (`lexicon.build_index`) and puts it in the bundle as
package data: `dyslexic_writer/resources/index/lexicon-v<INDEX_FORMAT>.sqlite`. At start-up the
lexicon uses it when its fingerprint matches this install's sources; otherwise (another version of
a word-list package, an edited extra_words.txt) the index is built in the cache folder as before.
The file is only ever opened read-only, so a read-only install folder is fine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

# Where the packaging step puts the file, relative to the `dyslexic_writer.resources` package.
FOLDER = "index"
# Points at a prebuilt index elsewhere (tests, or a distribution that keeps it in /usr/share).
ENV = "DYSLEXIC_WRITER_SHIPPED_INDEX"


def shipped_name(index_format: int) -> str:
    return f"lexicon-v{index_format}.sqlite"


def candidates(index_format: int) -> list[Path]:
    """Places a shipped index may be, in order."""
    found = []
    if os.environ.get(ENV):
        found.append(Path(os.environ[ENV]))
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None):
        # PyInstaller: data files sit under the bundle folder, whatever the loader reports.
        found.append(Path(sys._MEIPASS) / "dyslexic_writer" / "resources" / FOLDER / shipped_name(index_format))
    try:
        from importlib.resources import files

        res = files("dyslexic_writer.resources")
        found.append(Path(str(res)) / FOLDER / shipped_name(index_format))
    except Exception:  # noqa: BLE001 - resources inside a zip (or an odd loader) have no plain path
        pass
    return found


def shipped_index(index_format: int, is_current: Callable[[Path], bool]) -> Path | None:
    """The first shipped index that exists and matches this install (`is_current`), or None."""
    for path in candidates(index_format):
        if path.is_file() and is_current(path):
            return path
    return None


def current_shipped_index() -> Path | None:
    """The shipped index when it matches this install (for callers outside the lexicon)."""
    from .lexicon import INDEX_FORMAT, _is_current

    return shipped_index(INDEX_FORMAT, _is_current)
