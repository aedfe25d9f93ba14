"""Choosing and building an engine by name (above `engine/`, since it loads models through `runtime/`): `fast`, `model` or `auto`, optionally with a model path or catalog id.

- `fast`: dictionary and rules only.
- `model`: a model must load. A base model (or the embedded default) scores candidates in context;
  a chat model with a known prompt family rewrites sentences (its edits pass guardrails, and the
  embedded scorer confirms doubtful ones).
- `auto`: like `model`, with the fast engine's suggestions merged in, and a fall back to the fast
  engine (saying so) when no model can be loaded.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from .engine.combined import CombinedEngine
from .engine.fast import FastEngine
from .engine.lexicon import current_shipped_index, needs_build
from .engine.types import Engine

ENGINES = ("fast", "model", "auto")


class EngineUnavailable(RuntimeError):
    pass


def load_scorer(model: str | None = None):
    """A scorer for a GGUF path or catalog id, or for the embedded default when `model` is None."""
    from .runtime.hardware import run_settings_for
    from .runtime.llama import LlamaScorer, ModelLoadError

    try:
        if model is None:
            from .runtime.embedded import MODEL_ID, embedded_model_path

            path, label = embedded_model_path(), MODEL_ID
        else:
            from .runtime.catalog import resolve_model_path

            path = resolve_model_path(model)
            label = path.name
        threads, layers = run_settings_for(path)
        return LlamaScorer(path, n_threads=threads, n_gpu_layers=layers, model_id=label), label
    except (ModelLoadError, RuntimeError, OSError, ImportError, ValueError) as exc:
        raise EngineUnavailable(str(exc)) from exc


def _load_scorer_warming(fast, model: str | None):
    """`load_scorer`, while a second thread loads the pure-Python tables the first check needs
    (lemminflect's, the wide search's): llama.cpp loads the model in C without holding the GIL, so
    the two overlap (about 0.8 s off a first `check` on 2 cores). The thread ends before this returns."""
    warm = threading.Thread(target=_warm_tables, args=(fast,), name="warm-tables", daemon=True)
    warm.start()
    try:
        return load_scorer(model)
    finally:
        warm.join()


def _warm_tables(fast) -> None:
    from .engine.agreement import warm_up
    from .engine.candidates.ranker import wide_index

    try:
        warm_up()
        wide_index(fast.lexicon)
    except Exception:  # noqa: BLE001 - only a head start: the check itself reports any error
        pass


def model_family(model: str) -> tuple[Path, str | None]:
    """(path, prompt family) of a model; family None means a base model, used as a scorer."""
    from .runtime.catalog import CatalogError, find, resolve_model_path

    try:
        entry = find(model)
    except CatalogError:
        entry = None
    try:
        path = resolve_model_path(model)
    except (ValueError, CatalogError) as exc:
        raise EngineUnavailable(str(exc)) from exc
    if entry is not None:
        return path, entry.template if entry.role == "corrector" else None
    export_info = path.with_name("export.json")  # written beside models by `train export`
    if export_info.is_file():
        import json

        info = json.loads(export_info.read_text(encoding="utf-8"))
        if info.get("file") == path.name and info.get("family"):
            return path, info["family"]
    from .runtime.llama import ModelLoadError, check_gguf_header, quiet_llama_logs

    try:
        check_gguf_header(path)
        quiet_llama_logs()
        from llama_cpp import Llama

        meta = Llama(str(path), vocab_only=True, verbose=False).metadata or {}
    except (ModelLoadError, ValueError, RuntimeError) as exc:
        raise EngineUnavailable(str(exc)) from exc
    if "tokenizer.chat_template" not in meta:
        return path, None
    from .runtime.llama import family_from_metadata

    return path, family_from_metadata(meta)


def make_engine(name: str = "auto", model: str | None = None, notify=None, fast: FastEngine | None = None,
                profile=None, spelling: str = "") -> Engine:
    """The engine asked for; `auto` falls back to the fast engine (with a notice) when no model loads.

    `notify(message)` receives notices (the CLI prints them on stderr). `fast` shares an existing fast
    engine (and so its personal dictionary and ignore list) with the model engine. `profile` (an
    engine.personal.profile.Profile) wraps the engine so it uses that writer's own habits. `spelling`
    ("british", "american" or "" for either) is the new fast engine's preferred spelling.
    """
    if profile is not None:
        from .engine.personal.personalize import PersonalizedEngine, ProfileOptions

        # The context layer is built with the writer's own slips as options to weigh.
        options = ProfileOptions(profile)
        engine = _make_engine(name, model, notify, fast, spelling, options)
        return PersonalizedEngine(engine, profile, options)
    return _make_engine(name, model, notify, fast, spelling, None)


def _make_engine(name: str, model: str | None, notify, fast: FastEngine | None, spelling: str, alternatives):
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    notify = notify or (lambda msg: print(msg, file=sys.stderr))
    if fast is None:
        if needs_build() and current_shipped_index() is None:
            notify("Preparing the dictionary (first run only, a few seconds)...")
        fast = FastEngine()
        fast.lexicon.spelling = spelling
    if name == "fast":
        return fast
    t0 = time.perf_counter()
    try:
        engine = _model_engine(fast, model, notify, alternatives)
    except EngineUnavailable as exc:
        if name == "model":
            raise
        notify(f"no model could be loaded ({exc}); using the fast engine")
        return fast
    engine.load_seconds = time.perf_counter() - t0
    return engine


def _model_engine(fast, model: str | None, notify, alternatives=None):
    from .engine.context import ContextEngine

    if model is None:
        scorer, label = _load_scorer_warming(fast, None)
        return ContextEngine(fast, scorer, model_name=label, alternatives=alternatives)
    path, family = model_family(model)
    if family is None:
        scorer, label = _load_scorer_warming(fast, str(path))
        return ContextEngine(fast, scorer, model_name=label, alternatives=alternatives)
    from .runtime.llama import LlamaGenerator, ModelLoadError
    from .engine.generative import GenerativeCorrector
    from .engine.prompts import prompt_format

    from .runtime.hardware import run_settings_for

    threads, layers = run_settings_for(path)
    try:
        generator = LlamaGenerator(path, n_threads=threads, n_gpu_layers=layers)
    except ModelLoadError as exc:
        raise EngineUnavailable(str(exc)) from exc
    try:
        scorer, _ = load_scorer(None)
    except EngineUnavailable as exc:
        notify(f"the embedded scorer is unavailable ({exc}); doubtful edits will be dropped")
        scorer = None
    corrector = GenerativeCorrector(fast, generator, prompt_format(family), scorer=scorer)
    if scorer is None:
        return corrector
    # The scorer is the stronger judge in context; the generator adds what it did not see.
    return CombinedEngine(ContextEngine(fast, scorer, alternatives=alternatives), corrector, name="model")
