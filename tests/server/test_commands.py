"""`dyslexic-writer serve` and `bench-serve` from the command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.request

import pytest

from dyslexic_writer.cli import main
from dyslexic_writer.server.bench import document, edit_word


def test_the_bench_document_is_fixed_by_its_seed_and_edits_change_one_word():
    vocab = ["apple", "river", "stone"]
    doc = document(200, seed=3, vocabulary=vocab)
    assert doc == document(200, seed=3, vocabulary=vocab) and doc != document(200, seed=4, vocabulary=vocab)
    assert sum(len(p.split(" ")) for p in doc) == 200
    assert len(set(s for p in doc for s in p.split(". "))) > 0.9 * sum(p.count(". ") + 1 for p in doc)
    edited = edit_word(doc, 57, "zebra")
    changed = [(a, b) for a, b in zip(doc, edited) if a != b]
    assert len(changed) == 1
    a, b = (x.split(" ") for x in changed[0])
    assert sum(x != y for x, y in zip(a, b)) == 1 and any(y.startswith("zebra") for y in b)


def test_bench_serve_ends_with_a_json_line(capsys):
    assert main(["bench-serve", "--engine", "fast", "--words", "150", "--edits", "3"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert result["words"] == 150 and result["edits"] == 3
    assert result["first_check_ms"] > 0 and result["recheck_median_ms"] > 0
    assert "re-check after a one-word edit" in "\n".join(lines[:-1])


@pytest.mark.skipif(sys.platform == "win32", reason="stopped with SIGINT, as Ctrl+C does")
def test_serve_answers_and_stops_on_ctrl_c():
    proc = subprocess.Popen([sys.executable, "-m", "dyslexic_writer", "serve", "--engine", "fast", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    killer = threading.Timer(300, proc.kill)  # a hung server must not hang the test run
    killer.start()
    try:
        lines = []
        while not any(line.startswith("Ready") for line in lines):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            lines.append(line)
        url = lines[0].split(" on ")[1].split(" ")[0]  # http://127.0.0.1:PORT/v2
        assert url.startswith("http://127.0.0.1:")
        body = b"language=en-US&text=I+went+to+teh+libary."
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy for loopback
        with direct.open(urllib.request.Request(url + "/check", body), timeout=60) as resp:
            matches = json.loads(resp.read())["matches"]
        assert [m["replacements"][0]["value"] for m in matches] == ["the", "library"]
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
    finally:
        killer.cancel()
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
