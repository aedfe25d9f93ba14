"""Real LanguageTool clients from PyPI against the server with the real fast engine: language-tool-python
(its remote-server mode, which never downloads LanguageTool) and the pylanguagetool command line."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dyslexic_writer.server.checking import ParagraphChecker

language_tool_python = pytest.importorskip("language_tool_python")


@pytest.fixture
def loopback_only(monkeypatch):
    """A proxy set in the environment must not see loopback requests."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost,::1")


@pytest.fixture
def server(serve, engine, loopback_only):
    return serve(checker=ParagraphChecker(lambda: engine))


def test_language_tool_python_gets_our_matches(server):
    text = "😀🎉 I went to teh libary yesterday.\nIt was 𝒻un."
    tool = language_tool_python.LanguageTool("en-US", remote_server=f"http://127.0.0.1:{server.port}")
    try:
        assert tool.is_remote
        matches = tool.check(text)
        # The client turns UTF-16 offsets back into Python's: the words land where they are.
        found = {text[m.offset : m.offset + m.error_length]: m for m in matches}
        assert {"teh", "libary"} <= set(found)
        assert found["libary"].replacements[0] == "library"
        assert found["libary"].rule_id == "MORFOLOGIK_RULE_EN_US" and found["libary"].category == "TYPOS"
        assert "I went to the library" in tool.correct(text)
    finally:
        tool.close()


def _pkg_resources_shim(folder: Path) -> str | None:
    """pylanguagetool's CLI imports pkg_resources (for --version only), which setuptools 81+ no
    longer ships; a stand-in lets the real command run."""
    if importlib.util.find_spec("pkg_resources") is not None:
        return None
    (folder / "pkg_resources.py").write_text(
        "from importlib.metadata import version\n\n\n"
        "class _Dist:\n    def __init__(self, name):\n        self.version = version(name)\n\n\n"
        "def get_distribution(name):\n    return _Dist(name)\n", encoding="utf-8")
    return str(folder)


def test_the_pylanguagetool_command_gets_our_matches(server, tmp_path):
    script = Path(sys.executable).with_name("pylanguagetool")
    if not script.exists():
        pytest.skip("pylanguagetool is not installed")
    sample = tmp_path / "essay.txt"
    sample.write_text("I went to teh libary becuz it was raining.\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONUTF8": "1", "NO_COLOR": "1"}
    shim = _pkg_resources_shim(tmp_path)
    if shim:
        env["PYTHONPATH"] = os.pathsep.join(x for x in (shim, env.get("PYTHONPATH")) if x)
    run = subprocess.run([str(script), "--api-url", f"http://127.0.0.1:{server.port}/v2/", "--lang", "en-US",
                          "--no-color", "--rules", "--rule-categories", str(sample)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1, run.stderr  # 1: it found mistakes
    assert "MORFOLOGIK_RULE_EN_US" in run.stdout and "TYPOS" in run.stdout
    assert "I went to teh library" in run.stdout  # its "fixed" line for libary
    assert "Dyslexic Writer" in run.stdout  # "Text checked by ... (Dyslexic Writer 0.1.0)"
