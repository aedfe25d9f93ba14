"""`doctor`, and the honest numbers in `models list` / `models recommend`."""

import os
import subprocess
import sys


def run(args, env=None):
    return subprocess.run([sys.executable, "-m", "dyslexic_writer", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def test_models_list_shows_only_measured_figures():
    out = run(["models", "list"]).stdout
    assert "seed99 strict" in out
    gemma = next(line for line in out.splitlines() if line.startswith("gemma3-270m"))
    assert "96.6%" in gemma
    qwen = next(line for line in out.splitlines() if line.startswith("dw-qwen3-8b"))
    assert "not measured" in qwen and "98.0" not in qwen


def test_recommend_names_the_llama_cpp_build_and_never_an_unpublished_model():
    out = run(["models", "recommend"]).stdout
    assert "llama.cpp:" in out
    rec = next(line for line in out.splitlines() if line.startswith("recommended:"))
    assert not rec.startswith("recommended: dw-")


def test_doctor_reports_every_part_with_an_exit_code():
    proc = run(["doctor"], env={"QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode in (0, 1), proc.stderr
    for part in ("Qt window system", "speech", "llama.cpp", "embedded model", "data folder"):
        assert part in proc.stdout
    assert "Traceback" not in proc.stderr
