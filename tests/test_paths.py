from dyslexic_writer import paths


def test_home_variable_moves_all_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("DYSLEXIC_WRITER_HOME", str(tmp_path))
    assert paths.data_dir() == tmp_path / "data"
    assert paths.config_dir() == tmp_path / "config"
    assert paths.cache_dir() == tmp_path / "cache"


def test_specific_variable_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("DYSLEXIC_WRITER_HOME", str(tmp_path))
    monkeypatch.setenv("DYSLEXIC_WRITER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"


def test_atomic_write(tmp_path):
    target = tmp_path / "a" / "b.txt"
    paths.atomic_write_text(target, "one")
    paths.atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["b.txt"]
