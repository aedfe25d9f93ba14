"""A dictionary index built at packaging time is used when it matches, ignored when it does not."""

import shutil
import sqlite3

from dyslexic_writer.engine import lexicon as L
from dyslexic_writer.engine.shipped_index import ENV, current_shipped_index


def test_a_matching_shipped_index_is_used_without_building(lexicon, tmp_path, monkeypatch):
    shipped = tmp_path / "shipped.sqlite"
    shutil.copy(lexicon.path, shipped)
    monkeypatch.setenv(ENV, str(shipped))
    monkeypatch.setattr(L, "build_index", lambda path: (_ for _ in ()).throw(AssertionError("built")))
    opened = L.open_lexicon(tmp_path / "empty-cache")
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

    monkeypatch.setattr(L, "build_index", fake_build)
    opened = L.open_lexicon(tmp_path / "cache")
    assert built and opened.path == built[0] and current_shipped_index() is None
