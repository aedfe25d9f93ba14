"""A portable llama-cpp-python wheel, built once per version and kept in a cache folder.

`python packaging/portable_llama.py SDIST_OR_VERSION` prints the path of a wheel compiled with
GGML_NATIVE=OFF (AVX2 baseline), building it only when the cache lacks one. CI (.ci/run) installs
that wheel into its environment, so the tests and the bundle run on the same portable build and
`build.py` has nothing to rebuild.

Why a cache of our own: pip's wheel cache is keyed by the sdist alone and ignores CMAKE_ARGS, so it
would hand back a native build; and compiling llama.cpp costs about 9 minutes on 2 cores.
Standard library only: it runs before the project is installed.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

CMAKE_ARGS = "-DGGML_NATIVE=OFF"
_SDIST = re.compile(r"llama_cpp_python-(\d[\w.]*)\.tar\.gz$")


def cache_root(env: dict[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".cache")
    return Path(base) / "dyslexic-writer-ci"


def version_of(source: str) -> str:
    """The version from an sdist's file name, or `source` itself when it is a version."""
    found = _SDIST.search(Path(source).name)
    if found:
        return found.group(1)
    if not re.fullmatch(r"\d[\w.]*", source):
        raise ValueError(f"neither a llama-cpp-python sdist nor a version: {source}")
    return source


def wheel_dir(version: str, root: Path) -> Path:
    """One folder per version, Python and machine: the wheel's tags alone would not say it was
    built portable, and a folder per key keeps a half-written build from being picked up."""
    tag = f"cp{sys.version_info.major}{sys.version_info.minor}"
    return root / f"llama-cpp-python-{version}-{tag}-{platform.machine()}-portable"


def cached_wheel(folder: Path) -> Path | None:
    wheels = sorted(folder.glob("llama_cpp_python-*.whl"))
    return wheels[-1] if wheels else None


def build_command(source: str, out: Path) -> tuple[list[str], dict[str, str]]:
    """`pip wheel` for `source` (an sdist path or a version) with the portable flags; --no-cache-dir
    so pip cannot substitute a wheel it built earlier with other flags."""
    spec = source if _SDIST.search(Path(source).name) and Path(source).exists() else f"llama-cpp-python=={version_of(source)}"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-cache-dir", spec, "-w", str(out)]
    return cmd, {"CMAKE_ARGS": CMAKE_ARGS, "FORCE_CMAKE": "1"}


def ensure_wheel(source: str, root: Path | None = None, run=subprocess.run) -> Path:
    folder = wheel_dir(version_of(source), root or cache_root())
    found = cached_wheel(folder)
    if found:
        return found
    partial = folder.with_name(folder.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    for old in partial.glob("*.whl"):
        old.unlink()
    cmd, extra = build_command(source, partial)
    print(f"compiling llama-cpp-python {version_of(source)} with {CMAKE_ARGS} (about 9 minutes on 2 cores)...",
          file=sys.stderr, flush=True)
    run(cmd, check=True, env={**os.environ, **extra})
    built = cached_wheel(partial)
    if built is None:
        raise SystemExit(f"pip wheel left no llama_cpp_python wheel in {partial}")
    partial.replace(folder)  # only a finished build gets the real name
    return folder / built.name


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    print(ensure_wheel(argv[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
