"""The one object the editor talks to for checks.

The fast engine answers inline (well under a millisecond a sentence). The model engine lives on a
`ModelWorker` thread that owns it; its answers come back through a queued Qt signal. Every request
has an id per stage, and a result whose id is not the latest for its stage (the text changed
since) is dropped, never applied.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..engine.cache import SentenceCache
from ..engine.types import CheckResult
from ..runtime.worker import ModelWorker, Response

FAST, MODEL = "fast", "model"


class CheckController(QObject):
    checked = Signal(int, object, str)  # request id, CheckResult, stage
    failed = Signal(int, str)
    model_state = Signal(str)  # "loading", "ready", "unavailable: ...", "off"
    busy = Signal(bool)
    _from_worker = Signal(object)  # emitted on the worker thread, received on the GUI thread
    _loaded = Signal(object)  # load error or None, likewise

    def __init__(self, engine, model_factory=None, parent=None, profile=None):
        super().__init__(parent)
        self.engine = engine  # the fast engine
        self.profile = profile  # the writer's profile, applied in both stages
        self.fast = SentenceCache(self._personal(engine))
        self._latest = {FAST: 0, MODEL: 0}
        self._next = 0
        self.worker: ModelWorker | None = None
        self._from_worker.connect(self._on_worker)
        self._loaded.connect(self._on_loaded)
        if model_factory is not None:
            self.start_model(model_factory)

    # -- model lifecycle ------------------------------------------------------------------------
    def start_model(self, model_factory) -> None:
        self.stop_model()
        self.model_state.emit("loading")

        def make():
            engine = model_factory()
            return SentenceCache(self._personal(engine))

        self.worker = ModelWorker(make, self._from_worker.emit, on_ready=self._loaded.emit).start()

    def _personal(self, engine):
        """Inside the cache: only sentences that changed are checked; what the profile learns about a
        word is applied by forgetting the cached sentences with that word (`forget_cached(words)`)."""
        from ..engine.personalize import PersonalizedEngine

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
            result = self.fast.check(text)
        except Exception as exc:  # noqa: BLE001 - errors travel as results; the editor stays up
            self.failed.emit(rid, str(exc))
            return rid
        self.deliver(rid, result, FAST)
        return rid

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
        caches = [self.fast] + ([self.worker.engine] if self.worker is not None and self.worker.engine is not None else [])
        for cache in caches:
            cache.clear() if words is None else cache.forget(words)

    def _on_loaded(self, error) -> None:
        self.model_state.emit(f"unavailable: {error}" if error else "ready")

    def _on_worker(self, resp: Response) -> None:
        if resp.stale:
            return
        if resp.id == self._latest[MODEL]:
            self.busy.emit(False)
        if resp.error is not None:
            self.failed.emit(resp.id, resp.error)
        elif resp.result is not None:
            self.deliver(resp.id, resp.result, MODEL)
