import pytest

from dyslexic_writer.engine.personal.dictionary import PersonalDictionary, default_path


def test_add_remove_and_persist(tmp_path):
    path = tmp_path / "sub" / "dict.txt"
    d = PersonalDictionary(path)
    d.add("Grizzlebop")
    assert "grizzlebop" in d and "Grizzlebop" in d
    assert PersonalDictionary(path).words() == ["Grizzlebop"]
    d.remove("Grizzlebop")
    assert "Grizzlebop" not in PersonalDictionary(path)


def test_rejects_multi_line_entries(tmp_path):
    with pytest.raises(ValueError):
        PersonalDictionary(tmp_path / "d.txt").add("two\nlines")


def test_default_path_is_under_the_test_home():
    import os

    assert str(default_path()).startswith(os.environ["DYSLEXIC_WRITER_HOME"])


def test_refresh_reads_what_another_program_wrote(tmp_path):
    path = tmp_path / "dict.txt"
    server, editor = PersonalDictionary(path), PersonalDictionary(path)
    assert server.refresh() is False  # nothing changed yet
    editor.add("Grizzlebop")
    assert "Grizzlebop" not in server
    assert server.refresh() is True and "grizzlebop" in server
    assert server.refresh() is False  # read once
    server.add("Wuzzle")  # its own write is not news to it
    assert server.refresh() is False
    editor.refresh()
    editor.remove("Grizzlebop")
    assert server.refresh() is True and "Grizzlebop" not in server and "Wuzzle" in server
