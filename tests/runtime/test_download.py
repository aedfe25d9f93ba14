"""Downloads against a local stand-in hub on 127.0.0.1 (never the internet)."""

import hashlib
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fake_hub import FakeHub  # noqa: E402

from dyslexic_writer.runtime.catalog import ModelEntry  # noqa: E402
from dyslexic_writer.runtime.download import (  # noqa: E402
    DownloadCancelled,
    DownloadError,
    DownloadOptions,
    download,
    verify,
)

DATA = b"GGUF" + os.urandom(2_000_000)
ENTRY = ModelEntry(
    id="tiny", name="Tiny", family="qwen3", parameters="1M", role="corrector", file="tiny.gguf", size_mb=2,
    template="qwen3", ram_gb=1, vram_gb=1, sha256=hashlib.sha256(DATA).hexdigest(), hf_repo="me/tiny-GGUF",
    hf_file="tiny.gguf",
)


@pytest.fixture
def hub():
    with FakeHub({("me/tiny-GGUF", "tiny.gguf"): DATA}) as h:
        yield h


def test_download_with_progress_and_checksum(hub, tmp_path):
    seen = []
    path = download(ENTRY, DownloadOptions(tmp_path, endpoint=hub.url, progress=lambda d, t: seen.append((d, t))))
    assert path == tmp_path / "tiny.gguf" and path.read_bytes() == DATA
    assert seen[-1] == (len(DATA), len(DATA))
    assert verify(ENTRY, tmp_path)[0]


def test_resume_after_interruption(hub, tmp_path):
    hub.cut_after, hub.cuts_left = 500_000, 1
    with pytest.raises(DownloadError, match="resume"):
        download(ENTRY, DownloadOptions(tmp_path, endpoint=hub.url))
    assert (tmp_path / "tiny.gguf.part").stat().st_size == 500_000
    path = download(ENTRY, DownloadOptions(tmp_path, endpoint=hub.url))
    assert path.read_bytes() == DATA
    ranges = [r for method, _, r in hub.requests if method == "GET" and r]
    assert ranges == ["bytes=500000-"]
    assert not (tmp_path / "tiny.gguf.part").exists()


def test_cancel_keeps_the_part_for_later(hub, tmp_path):
    cancel = threading.Event()

    def progress(done, total):
        if done >= 1 << 20:
            cancel.set()

    with pytest.raises(DownloadCancelled):
        download(ENTRY, DownloadOptions(tmp_path, endpoint=hub.url, cancel=cancel, progress=progress))
    assert not (tmp_path / "tiny.gguf").exists()
    assert (tmp_path / "tiny.gguf.part").stat().st_size == 1 << 20
    assert download(ENTRY, DownloadOptions(tmp_path, endpoint=hub.url)).read_bytes() == DATA


def test_checksum_mismatch_is_refused(hub, tmp_path):
    bad = replace(ENTRY, sha256="0" * 64)
    with pytest.raises(DownloadError, match="checksum"):
        download(bad, DownloadOptions(tmp_path, endpoint=hub.url))
    assert not (tmp_path / "tiny.gguf").exists()


def test_unpublished_repo_gives_a_clear_message(hub, tmp_path):
    missing = replace(ENTRY, hf_repo="me/not-yet-GGUF", hf_file="other.gguf", file="other.gguf", published=False)
    with pytest.raises(DownloadError, match="not published yet"):
        download(missing, DownloadOptions(tmp_path, endpoint=hub.url))


def test_offline_mode(tmp_path):
    with pytest.raises(DownloadError, match="offline"):
        download(ENTRY, DownloadOptions(tmp_path, offline=True))


def test_free_space_is_checked_first(hub, tmp_path):
    huge = replace(ENTRY, size_mb=10**9)
    with pytest.raises(DownloadError, match="disk space"):
        download(huge, DownloadOptions(tmp_path, endpoint=hub.url))
    assert hub.requests == []


def test_verify_reports_problems(tmp_path):
    assert not verify(ENTRY, tmp_path)[0]
    (tmp_path / "tiny.gguf").write_bytes(b"GGUF" + b"\0" * 5000)
    ok, msg = verify(ENTRY, tmp_path)
    assert not ok and "checksum" in msg
