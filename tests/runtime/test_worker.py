import threading

from dyslexic_writer.engine.types import CheckResult
from dyslexic_writer.runtime.worker import ModelWorker


class SlowEngine:
    def __init__(self, gate: threading.Event | None = None):
        self.gate = gate
        self.seen = []
        self.started = threading.Event()

    def check(self, text):
        self.started.set()
        if self.gate is not None:
            self.gate.wait(5)
        if text == "boom":
            raise ValueError("bad text")
        self.seen.append(text)
        return CheckResult(text)


def collect():
    out = []
    done = threading.Condition()

    def deliver(resp):
        with done:
            out.append(resp)
            done.notify_all()

    def wait_for(n):
        with done:
            assert done.wait_for(lambda: len(out) >= n, timeout=5)

    return out, deliver, wait_for


def test_results_errors_and_ids():
    out, deliver, wait_for = collect()
    w = ModelWorker(SlowEngine, deliver).start()
    w.submit(1, "hello")
    wait_for(1)
    w.submit(2, "boom")
    wait_for(2)
    w.stop()
    assert not w.alive
    assert out[0].id == 1 and out[0].result.text == "hello" and out[0].error is None
    assert out[1].id == 2 and "bad text" in out[1].error and out[1].result is None


def test_only_the_newest_of_a_backlog_is_worked_on():
    gate = threading.Event()
    engine = SlowEngine(gate)
    out, deliver, wait_for = collect()
    w = ModelWorker(lambda: engine, deliver).start()
    w.submit(1, "first")  # blocks on the gate
    assert engine.started.wait(5)
    for i in range(2, 6):
        w.submit(i, f"edit {i}")
    assert w.cancelled()
    gate.set()
    wait_for(5)
    w.stop()
    fresh = [r for r in out if not r.stale]
    assert [r.id for r in fresh] == [1, 5]
    assert sorted(r.id for r in out if r.stale) == [2, 3, 4]
    assert engine.seen == ["first", "edit 5"]


def test_a_failed_load_is_reported_per_request():
    def broken():
        raise RuntimeError("no such model")

    out, deliver, wait_for = collect()
    w = ModelWorker(broken, deliver).start()
    assert w.ready.wait(5) and "no such model" in w.load_error
    w.submit(1, "x")
    wait_for(1)
    w.stop()
    assert "no such model" in out[0].error


def test_calls_run_on_the_worker_between_checks_and_are_never_stale():
    gate = threading.Event()
    engine = SlowEngine(gate)
    out, deliver, wait_for = collect()
    w = ModelWorker(lambda: engine, deliver).start()
    w.submit(1, "first")
    assert engine.started.wait(5)
    calls = [w.call(lambda e, i=i: (i, threading.current_thread().name, e is engine)) for i in range(3)]
    w.submit(2, "second")
    gate.set()
    assert [c.result(5) for c in calls] == [(i, "model-worker", True) for i in range(3)]
    wait_for(2)
    w.stop()
    assert [r.id for r in out if not r.stale] == [1, 2]


def test_a_call_is_not_cancelled_by_a_new_check():
    seen = []
    w = ModelWorker(SlowEngine, lambda r: None).start()

    def long_call(engine):
        w.submit(9, "typing goes on")  # the editor asks for a check meanwhile
        seen.append(w.cancelled())
        return "done"

    assert w.call(long_call).result(5) == "done" and seen == [False]
    w.stop()


def test_calls_fail_rather_than_hang_when_the_worker_stops_or_has_no_engine():
    import pytest

    from dyslexic_writer.runtime.worker import WorkerStopped

    def broken():
        raise RuntimeError("no memory")

    w = ModelWorker(broken, lambda r: None).start()
    with pytest.raises(WorkerStopped, match="no memory"):
        w.call(lambda e: e).result(5)
    w.stop()
    with pytest.raises(WorkerStopped):
        w.call(lambda e: e).result(5)  # after the stop: answered at once
