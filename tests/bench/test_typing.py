import pytest

pytest.importorskip("PySide6")


def test_typing_benchmark_runs_and_reports(qtbot):
    from dyslexic_writer.bench.typing import run

    r = run("fast", words=12)
    assert r["keystrokes"] > 40 and r["marks"] >= 1
    assert 0 <= r["median_ms"] <= r["worst_ms"]
