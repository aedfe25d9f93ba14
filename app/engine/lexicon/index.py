"""Where the compiled dictionary lives and when it is (re)built.

The index is built once into the cache folder, named after INDEX_FORMAT, and rebuilt when its
stored fingerprint no longer matches this install's sources (another version of a word-list
package, an edited extra_words.txt).

A fresh install need not wait for that build: `packaging/build.py` compiles the index
(`build_index`) and puts it in the bundle as package data,
`dyslexic_writer/resources/index/lexicon-v<INDEX_FORMAT>.sqlite`, which is used when its
fingerprint matches; otherwise the index is built in the cache folder as before. The file is only
ever opened read-only, so a read-only install folder is fine.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .build import INDEX_FORMAT, build_index, source_fingerprint
from .store import Lexicon, stored_fingerprint

# Where the packaging step puts the file, relative to the `dyslexic_writer.resources` package.
FOLDER = "index"
# Points at a prebuilt index elsewhere (tests, or a distribution that keeps it in /usr/share).
ENV = "DYSLEXIC_WRITER_SHIPPED_INDEX"


def index_name(index_format: int = INDEX_FORMAT) -> str:
    return f"lexicon-v{index_format}.sqlite"


def index_path(cache: Path | None = None) -> Path:
    if cache is None:
        from ...paths import cache_dir

        cache = cache_dir()
    return Path(cache) / index_name()


def is_current(path: Path) -> bool:
    """Whether the index file at `path` exists and was built from this install's sources."""
    stored = stored_fingerprint(path)
    return stored is not None and stored == source_fingerprint()


def needs_build(cache: Path | None = None) -> bool:
    return not is_current(index_path(cache))


def shipped_candidates() -> list[Path]:
    """Places a shipped index may be, in order."""
    found = []
    if os.environ.get(ENV):
        found.append(Path(os.environ[ENV]))
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None):
        # PyInstaller: data files sit under the bundle folder, whatever the loader reports.
        found.append(Path(sys._MEIPASS) / "dyslexic_writer" / "resources" / FOLDER / index_name())
    try:
        from importlib.resources import files

        res = files("dyslexic_writer.resources")
        found.append(Path(str(res)) / FOLDER / index_name())
    except Exception:  # noqa: BLE001 - resources inside a zip (or an odd loader) have no plain path
        pass
    return found


def current_shipped_index() -> Path | None:
    """The first shipped index that exists and matches this install, or None."""
    for path in shipped_candidates():
        if path.is_file() and is_current(path):
            return path
    return None


def open_lexicon(cache: Path | None = None, on_build=None) -> Lexicon:
    """The compiled dictionary, building it first when missing or stale (a few seconds, once).

    `on_build(seconds)` is called after a build, so callers can tell the user why the start was slow.
    """
    path = index_path(cache)
    if not is_current(path):
        shipped = current_shipped_index()  # built at packaging time; used when it matches
        if shipped is not None:
            return Lexicon(shipped)
        t0 = time.perf_counter()
        build_index(path)
        if on_build is not None:
            on_build(time.perf_counter() - t0)
    return Lexicon(path)
