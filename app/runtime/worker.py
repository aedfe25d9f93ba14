"""One thread owns a loaded model; everything else talks to it through a request queue.

Requests carry ids. When requests pile up, only the newest is worked on (older ones answer with
`stale=True` at once), because a result for text that has changed since is never applied anyway.
Errors travel inside responses; the worker thread never dies of one. `cancel()` asks the engine
in hand to stop between tokens (engines that generate check `cancelled()`).

`call(fn)` runs `fn(engine)` on the same thread for other users of the one loaded model (the
editor's local server): such calls are never skipped as stale nor cancelled, and their results
come back in a Future.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Callable

from ..engine.types import CheckResult


@dataclass(frozen=True)
class Response:
    id: int
    result: CheckResult | None = None
    error: str | None = None
    stale: bool = False
    seconds: float = 0.0


_STOP = object()


class WorkerStopped(RuntimeError):
    """A `call` that the worker will not run: it stopped first."""


@dataclass(frozen=True)
class _Call:
    fn: Callable[[object], object]
    future: Future


class ModelWorker:
    def __init__(self, make_engine: Callable[[], object], deliver: Callable[[Response], None],
                 name: str = "model-worker", on_ready: Callable[[str | None], None] | None = None):
        self._make_engine = make_engine
        self._deliver = deliver
        self._on_ready = on_ready  # called on the worker thread with the load error, or None
        self._queue: queue.Queue = queue.Queue()
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.engine = None
        self.load_error: str | None = None
        self.ready = threading.Event()
        self._in_call = False

    def start(self) -> "ModelWorker":
        self._thread.start()
        return self

    def submit(self, request_id: int, text: str) -> None:
        self._cancel.set()  # whatever is running is now out of date
        self._queue.put((request_id, text))

    def call(self, fn: Callable[[object], object]) -> Future:
        """Run `fn(engine)` on this thread, between checks; its result (or error) comes in the Future."""
        future: Future = Future()
        self._queue.put(_Call(fn, future))
        if not self._thread.is_alive() and self._thread.ident is not None:
            self._drain()  # stopped already: nothing would ever answer it
        return future

    def cancelled(self) -> bool:
        return self._cancel.is_set() and not self._in_call  # a call's answer is wanted, however long

    def stop(self, timeout: float = 10.0) -> None:
        self._cancel.set()
        self._queue.put(_STOP)
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            self.engine = self._make_engine()
            for part in (self.engine, getattr(self.engine, "primary", None)):
                if part is not None and hasattr(part, "cancelled"):
                    part.cancelled = self.cancelled  # generation stops between tokens
        except Exception as exc:  # noqa: BLE001 - reported, and every request answered with it
            self.load_error = f"{type(exc).__name__}: {exc}"
        finally:
            self.ready.set()
            if self._on_ready is not None:
                self._on_ready(self.load_error)
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            if isinstance(item, _Call):
                self._run_call(item)
                continue
            # Skip to the newest request; answer the skipped ones as stale.
            newest = item
            stop_after = False
            while True:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is _STOP:
                    stop_after = True
                    break
                if isinstance(nxt, _Call):
                    self._run_call(nxt)
                    continue
                self._deliver(Response(newest[0], stale=True))
                newest = nxt
            self._cancel.clear()
            self._handle(*newest)
            if stop_after:
                break
        self._drain()
        close = getattr(getattr(self.engine, "scorer", None), "close", None)
        if close is not None:
            close()

    def _run_call(self, call: _Call) -> None:
        if not call.future.set_running_or_notify_cancel():
            return
        if self.engine is None:
            call.future.set_exception(WorkerStopped(self.load_error or "no engine"))
            return
        self._in_call = True
        try:
            call.future.set_result(call.fn(self.engine))
        except Exception as exc:  # noqa: BLE001 - it goes back to the caller
            call.future.set_exception(exc)
        finally:
            self._in_call = False

    def _drain(self) -> None:
        """Answer every call still queued once the thread stops (checks need no answer then)."""
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Call) and item.future.set_running_or_notify_cancel():
                item.future.set_exception(WorkerStopped("the model worker stopped"))

    def _handle(self, request_id: int, text: str) -> None:
        if self.engine is None:
            self._deliver(Response(request_id, error=self.load_error or "no engine"))
            return
        t0 = time.perf_counter()
        try:
            result = self.engine.check(text)
        except Exception as exc:  # noqa: BLE001 - the error goes back with the request
            self._deliver(Response(request_id, error=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - t0))
            return
        self._deliver(Response(request_id, result=result, seconds=time.perf_counter() - t0))
