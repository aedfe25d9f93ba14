"""Choosing an engine by name: `fast`, `model` or `auto`."""

from __future__ import annotations

import sys
import time

from .fast import FastEngine
from .lexicon import needs_build

ENGINES = ("fast", "model", "auto")


class EngineUnavailable(RuntimeError):
    pass


def load_scorer(model: str | None = None, n_threads: int | None = None):
    """A scorer for a GGUF path, or for the embedded default when `model` is None."""
    from ..runtime.llama_scorer import LlamaScorer, ModelLoadError

    try:
        if model is None:
            from ..runtime.embedded import MODEL_ID, embedded_model_path

            return LlamaScorer(embedded_model_path(), n_threads=n_threads), MODEL_ID
        from ..runtime.catalog import resolve_model_path

        path = resolve_model_path(model)
        return LlamaScorer(path, n_threads=n_threads), path.name
    except (ModelLoadError, RuntimeError, OSError, ImportError, ValueError) as exc:
        raise EngineUnavailable(str(exc)) from exc


def make_engine(name: str = "auto", model: str | None = None, notify=None):
    """The engine asked for; `auto` falls back to the fast engine (with a notice) when no model loads.

    `notify(message)` receives notices (the CLI prints them on stderr).
    """
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    notify = notify or (lambda msg: print(msg, file=sys.stderr))
    if needs_build():
        notify("Preparing the dictionary (first run only, a few seconds)...")
    fast = FastEngine()
    if name == "fast":
        return fast
    from .context import ContextEngine

    t0 = time.perf_counter()
    try:
        scorer, label = load_scorer(model)
    except EngineUnavailable as exc:
        if name == "model":
            raise
        notify(f"no context model could be loaded ({exc}); using the fast engine")
        return fast
    engine = ContextEngine(fast, scorer, model_name=label)
    engine.load_seconds = time.perf_counter() - t0
    return engine
