"""Autosave: unsaved text is written atomically to the data folder; a leftover after a crash is
offered back at the next start."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..paths import atomic_write_text, data_dir


class Autosave:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or data_dir() / "autosave"
        self.text_path = self.folder / "unsaved.txt"
        self.meta_path = self.folder / "unsaved.json"

    def save(self, text: str, source: Path | None) -> None:
        atomic_write_text(self.text_path, text)
        atomic_write_text(self.meta_path, json.dumps({"source": str(source) if source else None, "pid": os.getpid()}))

    def clear(self) -> None:
        for p in (self.text_path, self.meta_path):
            p.unlink(missing_ok=True)

    def pending(self) -> tuple[str, Path | None] | None:
        """(text, file it belonged to) left by a session that did not end cleanly."""
        if not self.text_path.exists():
            return None
        try:
            text = self.text_path.read_text(encoding="utf-8")
            meta = json.loads(self.meta_path.read_text(encoding="utf-8")) if self.meta_path.exists() else {}
        except (OSError, ValueError):
            return None
        source = meta.get("source")
        return text, Path(source) if source else None
