import pytest

pytest.importorskip("PySide6")


def test_typing_benchmark_runs_and_reports(qtbot):
    from dyslexic_writer.bench.typing import run

    r = run("fast", words=12)
    assert r["keystrokes"] > 40 and r["marks"] >= 1
    assert 0 <= r["median_ms"] <= r["worst_ms"]


def test_the_typed_text_has_the_words_asked_for():
    from dyslexic_writer.bench.typing import TEXT

    base = TEXT.split()
    assert len(base) > 200 and len(" ".join((base * 2)[:300]).split()) == 300
