"""Choosing an engine by name: `fast`, `model` or `auto`."""

from __future__ import annotations

import sys

from .fast import FastEngine
from .lexicon import needs_build

ENGINES = ("fast", "model", "auto")


class EngineUnavailable(RuntimeError):
    pass


def make_engine(name: str = "auto", model: str | None = None, notify=None):
    """The engine asked for, or the fast engine with a notice when no model can be used.

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
    # The context model arrives with the model worker; until one can be loaded, say so and go on.
    notify(f"no context model is available{f' ({model})' if model else ''}; using the fast engine")
    return fast
