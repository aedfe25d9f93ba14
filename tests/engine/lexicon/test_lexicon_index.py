"""The index's life cycle: reused once built, and a prebuilt (shipped) one used when it matches,
ignored when it does not."""

import shutil
import sqlite3

from dyslexic_writer.engine.lexicon import ENV, current_shipped_index, is_current, needs_build, open_lexicon
from dyslexic_writer.engine.lexicon import index as index_module


def test_index_is_reused_once_built(lexicon):
    assert not needs_build()
    again = open_lexicon()
    assert again.path == lexicon.path
    again.close()


def test_a_missing_or_foreign_file_is_not_current(tmp_path):
    assert not is_current(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert not is_current(junk)


def test_a_matching_shipped_index_is_used_without_building(lexicon, tmp_path, monkeypatch):
    shipped = tmp_path / "shipped.sqlite"
    shutil.copy(lexicon.path, shipped)
    monkeypatch.setenv(ENV, str(shipped))
    monkeypatch.setattr(index_module, "build_index", lambda path: (_ for _ in ()).throw(AssertionError("built")))
    opened = open_lexicon(tmp_path / "empty-cache")
    assert opened.path == shipped and opened.is_valid("school")
    assert current_shipped_index() == shipped


def test_a_stale_shipped_index_falls_back_to_building(lexicon, tmp_path, monkeypatch):
    shipped = tmp_path / "stale.sqlite"
    shutil.copy(lexicon.path, shipped)
    con = sqlite3.connect(shipped)
    con.execute("UPDATE meta SET value='0000' WHERE key='fingerprint'")
    con.commit()
    con.close()
    monkeypatch.setenv(ENV, str(shipped))
    built = []
    def fake_build(path):
        built.append(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(lexicon.path, path)

    monkeypatch.setattr(index_module, "build_index", fake_build)
    opened = open_lexicon(tmp_path / "cache")
    assert built and opened.path == built[0] and current_shipped_index() is None
