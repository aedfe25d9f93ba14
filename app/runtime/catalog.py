"""Model catalog (filled in with the catalog work); for now: resolving a GGUF path."""

from __future__ import annotations

from pathlib import Path


def resolve_model_path(model: str) -> Path:
    path = Path(model).expanduser()
    if path.exists():
        return path
    raise ValueError(f"no model file at {model}")
