"""The one object the editor talks to for checks.

The fast engine answers a sentence in a few milliseconds, but a new long misspelling costs it up to
~150 ms (ranking a wide set of candidates) and its first one loads tables for a second or more. So
checks made while the writer types (`request_soon`) run on a `ModelWorker` thread of their own,
which loads those tables as soon as the window opens; `request` still answers inline, for commands
and tests that need the result at once. The model engine lives on another `ModelWorker` thread.
Answers from both come back through queued Qt signals. Every request has an id per stage, and a
result whose id is not the latest for its stage (the text changed since) is dropped, never applied.
A model that cannot load is reported as a `doctor.ModelProblem` value (`model_problem`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from ..engine.cache import SentenceCache
from ..engine.types import CheckResult
from ..runtime.worker import ModelWorker, Response

FAST, MODEL = "fast", "model"
# Checked on the fast thread as the window opens, so the tables a first misspelling needs (the wide
# candidate index, the respeller, the inflection tables) are loaded before the writer's first word.
WARM_UP_TEXT = "Ther wer sum wierd peeple at the libary becuase of the wether. She runned home."


class _Locked:
    """The fast sentence cache, one check at a time: the GUI thread (`request`) and the fast thread
    (`request_soon`) share it."""

    def __init__(self, cache, lock):
        self.cache, self.lock = cache, lock

    def check(self, text):
        with self.lock:
            return self.cache.check(text)


class CheckController(QObject):
    checked = Signal(int, object, str)  # request id, CheckResult, stage
    failed = Signal(int, str)
    model_state = Signal(str)  # "loading", "ready", "unavailable: ...", "off"
    busy = Signal(bool)
    model_problem = Signal(object)  # a doctor.ModelProblem: why the model cannot be used
    _from_worker = Signal(object)  # emitted on the worker thread, received on the GUI thread
    _from_fast = Signal(object)  # likewise, from the fast thread
    _loaded = Signal(object)  # a ModelProblem, or None once the model is ready; likewise

    def __init__(self, engine, model_factory=None, parent=None, profile=None):
        super().__init__(parent)
        self.engine = engine  # the fast engine
        self.profile = profile  # the writer's profile, applied in both stages
        self.fast = SentenceCache(self._personal(engine))
        self._fast_lock = threading.Lock()
        self._latest = {FAST: 0, MODEL: 0}
        self._next = 0
        self._fast_pending = 0  # checks handed to the fast thread and not answered yet
        self.worker: ModelWorker | None = None
        self._from_worker.connect(self._on_worker)
        self._from_fast.connect(self._on_fast)
        self._loaded.connect(self._on_loaded)
        self.fast_worker: ModelWorker | None = ModelWorker(self._warm_fast, self._from_fast.emit, name="fast-checks").start()
        if model_factory is not None:
            self.start_model(model_factory)

    def _warm_fast(self):
        from ..engine.agreement import warm_up

        try:
            warm_up()
            self.engine.check(WARM_UP_TEXT)  # the engine itself: nothing enters the sentence cache
        except Exception:  # noqa: BLE001 - only a head start; a real check reports its own error
            pass
        return _Locked(self.fast, self._fast_lock)

    # -- model lifecycle ------------------------------------------------------------------------
    def start_model(self, model_factory) -> None:
        self.stop_model()
        self.model_state.emit("loading")
        failure = []  # the typed problem, made on the worker thread before `on_ready` runs there

        def make():
            try:
                engine = model_factory()
            except Exception as exc:
                failure.append(self._problem_of(exc))
                raise
            return SentenceCache(self._personal(engine))

        def ready(error):
            self._loaded.emit(None if error is None else (failure[0] if failure else self._problem_of(RuntimeError(error))))

        self.worker = ModelWorker(make, self._from_worker.emit, on_ready=ready).start()

    @staticmethod
    def _problem_of(exc):
        problem = getattr(exc, "problem", None)  # model_factory.ModelUnavailable
        if problem is not None:
            return problem
        from ..doctor import diagnose

        return diagnose(exc)

    def _personal(self, engine):
        """Inside the cache: only sentences that changed are checked; what the profile learns about a
        word is applied by forgetting the cached sentences with that word (`forget_cached(words)`)."""
        from ..engine.personal.personalize import PersonalizedEngine

        if self.profile is None or isinstance(engine, PersonalizedEngine):
            return engine  # none to apply, or the engine was built with it (`model_factory_for`)
        return PersonalizedEngine(engine, self.profile)

    def stop_model(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
            self.model_state.emit("off")

    def shutdown(self) -> None:
        self.stop_model()
        if self.fast_worker is not None:
            self.fast_worker.stop()
            self.fast_worker = None

    @property
    def model_ready(self) -> bool:
        return self.worker is not None and self.worker.ready.is_set() and self.worker.engine is not None

    # -- requests ---------------------------------------------------------------------------
    def _new_id(self, stage: str) -> int:
        self._next += 1
        self._latest[stage] = self._next
        return self._next

    @property
    def latest(self) -> int:
        return max(self._latest.values())

    def latest_for(self, stage: str) -> int:
        return self._latest[stage]

    def request(self, text: str) -> int:
        """A fast check, answered before this returns."""
        rid = self._new_id(FAST)
        try:
            with self._fast_lock:
                result = self.fast.check(text)
        except Exception as exc:  # noqa: BLE001 - errors travel as results; the editor stays up
            self.failed.emit(rid, str(exc))
            return rid
        self.deliver(rid, result, FAST)
        return rid

    def request_soon(self, text: str) -> int:
        """A fast check on the fast thread (typing never waits on it), answered through `checked`."""
        if self.fast_worker is None:
            return self.request(text)
        rid = self._new_id(FAST)
        self._fast_pending += 1
        self.fast_worker.submit(rid, text)
        return rid

    @property
    def fast_pending(self) -> bool:
        """Whether a fast check handed to the fast thread has not been answered yet."""
        return self._fast_pending > 0

    def request_model(self, text: str) -> int | None:
        """A model check, answered later through `checked`; None when no model is running."""
        if self.worker is None:
            return None
        rid = self._new_id(MODEL)
        self.busy.emit(True)
        self.worker.submit(rid, text)
        return rid

    def deliver(self, rid: int, result: CheckResult, stage: str = FAST) -> bool:
        """Hand a result to the editor unless a newer request of its stage has been made since."""
        if rid != self._latest[stage]:
            return False
        self.checked.emit(rid, result, stage)
        return True

    def forget_cached(self, words=None) -> None:
        """The personal dictionary, ignore list or profile changed: cached answers may be wrong now
        (with `words`, only the sentences containing them)."""
        with self._fast_lock:
            self.fast.clear() if words is None else self.fast.forget(words)
        if self.worker is not None and self.worker.engine is not None:
            self.worker.engine.clear() if words is None else self.worker.engine.forget(words)

    def _on_loaded(self, problem) -> None:
        if problem is not None:
            self.model_problem.emit(problem)
        self.model_state.emit(f"unavailable: {problem.detail}" if problem is not None else "ready")

    def _on_fast(self, resp: Response) -> None:
        self._fast_pending -= 1
        if resp.stale:
            return
        if resp.error is not None:
            self.failed.emit(resp.id, resp.error)
        elif resp.result is not None:
            self.deliver(resp.id, resp.result, FAST)

    def _on_worker(self, resp: Response) -> None:
        if resp.stale:
            return
        if resp.id == self._latest[MODEL]:
            self.busy.emit(False)
        if resp.error is not None:
            self.failed.emit(resp.id, resp.error)
        elif resp.result is not None:
            self.deliver(resp.id, resp.result, MODEL)
