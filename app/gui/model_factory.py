"""How the editor builds its model engine: one function both the start-up code (app.py) and the
main window (after a settings change) use, kept apart so neither imports the other."""

from __future__ import annotations


class ModelUnavailable(RuntimeError):
    """The model engine cannot be built; `problem` (a `doctor.ModelProblem`) says why in plain words.
    Raised on the model's thread; the controller hands the problem to the window as a value."""

    def __init__(self, problem):
        super().__init__(problem.detail)
        self.problem = problem


def model_factory_for(settings, fast=None, profile=None, failed=None):
    """A function that builds the model engine on the worker thread, or None for the fast engine only.

    The model engine shares the editor's fast engine, so words added to the dictionary or ignored
    count for both at once. With `profile`, the engine is built with the writer's own slips as
    options its context layer weighs, and applies the profile. `failed` (an exception) is a failure
    already met before the window opened (app.py prepares the embedded model under its splash):
    the factory reports it rather than try again.
    """
    if settings.engine == "fast":
        return None
    embedded = not settings.model or settings.model == "gemma3-270m"

    def make():
        from ..assemble import make_engine
        from ..doctor import diagnose

        try:
            if failed is not None:
                raise failed
            return make_engine("model", settings.model, notify=lambda _msg: None, fast=fast, profile=profile)
        except Exception as exc:  # noqa: BLE001 - every cause becomes a reason the window can show
            raise ModelUnavailable(diagnose(exc, embedded=embedded)) from exc

    return make
