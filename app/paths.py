"""Where the app keeps its files: platformdirs folders, each overridable by an environment variable.

`DYSLEXIC_WRITER_HOME` moves all three at once (tests point it at a temp folder); the specific
variables win over it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "dyslexic-writer"


def _resolve(kind: str, default: str) -> Path:
    specific = os.environ.get(f"DYSLEXIC_WRITER_{kind.upper()}_DIR")
    if specific:
        return Path(specific).expanduser()
    home = os.environ.get("DYSLEXIC_WRITER_HOME")
    if home:
        return Path(home).expanduser() / kind
    return Path(default)


def data_dir() -> Path:
    """Models, the personal dictionary, autosaves."""
    return _resolve("data", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """settings.yaml."""
    return _resolve("config", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Rebuildable files, such as the dictionary's candidate index."""
    return _resolve("cache", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def atomic_write_text(path: Path, text: str) -> None:
    """Write through a temp file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
