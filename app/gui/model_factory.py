"""How the editor builds its model engine: one function both the start-up code (app.py) and the
main window (after a settings change) use, kept apart so neither imports the other."""

from __future__ import annotations


def model_factory_for(settings, fast=None, profile=None):
    """A function that builds the model engine on the worker thread, or None for the fast engine only.

    The model engine shares the editor's fast engine, so words added to the dictionary or ignored
    count for both at once. With `profile`, the engine is built with the writer's own slips as
    options its context layer weighs, and applies the profile.
    """
    if settings.engine == "fast":
        return None

    def make():
        from ..assemble import make_engine

        return make_engine("model", settings.model, notify=lambda _msg: None, fast=fast, profile=profile)

    return make
