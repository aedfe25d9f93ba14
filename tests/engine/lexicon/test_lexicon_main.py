"""`python -m dyslexic_writer.engine.lexicon FOLDER` (the wheel hook's and build.py's one way to
compile the index): builds only when the folder lacks a current index, and says so when it fails."""

import pytest

import dyslexic_writer.engine.lexicon.__main__ as cli


def test_a_current_index_is_reused(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "is_current", lambda p: True)
    monkeypatch.setattr(cli, "build_index", lambda p: pytest.fail("rebuilt a current index"))
    assert cli.main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / cli.index_name())


def test_a_missing_index_is_built_and_checked(tmp_path, monkeypatch, capsys):
    built = []
    monkeypatch.setattr(cli, "build_index", built.append)
    monkeypatch.setattr(cli, "is_current", lambda p: bool(built))
    assert cli.main([str(tmp_path)]) == 0 and built == [tmp_path / cli.index_name()]
    monkeypatch.setattr(cli, "is_current", lambda p: False)  # built, yet not from these sources
    assert cli.main([str(tmp_path)]) == 1 and "does not match" in capsys.readouterr().err


def test_it_wants_one_folder():
    assert cli.main([]) == 2
