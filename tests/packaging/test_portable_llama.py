"""packaging/portable_llama.py: CI's cache of portable llama-cpp-python wheels, without compiling."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import portable_llama as pl  # noqa: E402


def test_cache_follows_xdg(tmp_path):
    assert pl.cache_root({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "dyslexic-writer-ci"
    assert pl.cache_root({"HOME": str(tmp_path)}) == tmp_path / ".cache" / "dyslexic-writer-ci"


def test_version_from_sdist_or_given():
    assert pl.version_of(".cache/llama-cpp-python-sdist/llama_cpp_python-0.3.36.tar.gz") == "0.3.36"
    assert pl.version_of("0.3.36") == "0.3.36"
    with pytest.raises(ValueError):
        pl.version_of("latest")


def test_build_ignores_pips_own_cache_and_sets_the_portable_flags(tmp_path):
    sdist = tmp_path / "llama_cpp_python-0.3.36.tar.gz"
    sdist.write_bytes(b"")
    cmd, env = pl.build_command(str(sdist), tmp_path / "out")
    assert env["CMAKE_ARGS"] == "-DGGML_NATIVE=OFF"
    assert cmd[-3:] == [str(sdist), "-w", str(tmp_path / "out")] and "--no-cache-dir" in cmd and "--no-deps" in cmd
    assert "llama-cpp-python==0.3.36" in pl.build_command("0.3.36", tmp_path)[0]


def test_compiles_only_when_the_version_is_missing(tmp_path):
    calls = []

    def fake_pip(cmd, check, env):
        calls.append(env["CMAKE_ARGS"])
        out = Path(cmd[cmd.index("-w") + 1])
        (out / "llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl").write_bytes(b"wheel")

    first = pl.ensure_wheel("0.3.36", tmp_path, run=fake_pip)
    again = pl.ensure_wheel("0.3.36", tmp_path, run=fake_pip)
    assert first == again and first.is_file() and calls == ["-DGGML_NATIVE=OFF"]
    assert first.parent == pl.wheel_dir("0.3.36", tmp_path) and first.parent.name.endswith("-portable")
    pl.ensure_wheel("0.3.37", tmp_path, run=fake_pip)
    assert len(calls) == 2


def test_a_failed_build_leaves_nothing_that_looks_finished(tmp_path):
    def failing_pip(cmd, check, env):
        raise RuntimeError("compiler died")

    with pytest.raises(RuntimeError):
        pl.ensure_wheel("0.3.36", tmp_path, run=failing_pip)
    assert pl.cached_wheel(pl.wheel_dir("0.3.36", tmp_path)) is None
