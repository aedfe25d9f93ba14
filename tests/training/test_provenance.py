"""Generated resources record what they were built from; the shipped ones must match ../shared/data."""

from pathlib import Path

import pytest

from dyslexic_writer.training.provenance import fingerprint, header, recorded
from dyslexic_writer.training.regenerate import generated_files

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"


def test_the_fingerprint_covers_names_and_bytes(tmp_path):
    (tmp_path / "a").write_bytes(b"xy")
    (tmp_path / "b").write_bytes(b"z")
    first = fingerprint(tmp_path, ["b", "a"])
    assert first == fingerprint(tmp_path, ["a", "b", "a"])  # a set of files, in no particular order
    (tmp_path / "a").write_bytes(b"x")
    (tmp_path / "b").write_bytes(b"yz")
    assert fingerprint(tmp_path, ["a", "b"]) != first  # the same bytes split differently


def test_a_header_records_its_inputs(tmp_path):
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "x.dat").write_text("$a\nb\n")
    text = header("dyslexic-writer train channel", "training/channel.py", tmp_path, ["corpora/x.dat"],
                  "x 1", "a test.") + "body\n"
    assert all(line.startswith("# ") for line in text.splitlines()[:-1])
    assert recorded(text) == (["corpora/x.dat"], fingerprint(tmp_path, ["corpora/x.dat"]))
    assert recorded("body\n") is None


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not here")
@pytest.mark.parametrize("path", generated_files(ROOT / "resources" / "generated"), ids=lambda p: p.name)
def test_each_shipped_learned_resource_was_built_from_the_shared_data(path):
    found = recorded(path.read_text(encoding="utf-8"))
    assert found is not None, f"{path.name} records no inputs: regenerate it (dyslexic-writer train regenerate)"
    files, digest = found
    assert digest == fingerprint(SHARED_DATA, files), (
        f"{path.name} was built from other data than ../shared/data: run `dyslexic-writer train regenerate`")
