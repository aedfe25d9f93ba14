"""`learn`, `profile show|forget`, `check --profile` and `bench-personal`, run in-process."""

import json

import pytest

from dyslexic_writer.cli import main
from dyslexic_writer.engine.personal.profile import Profile


@pytest.fixture(autouse=True)
def _built(lexicon):
    """The dictionary is built before the commands need it."""


def test_learn_then_show_then_check_then_forget(tmp_path, capsys):
    prof = tmp_path / "me.yaml"
    lines = tmp_path / "pairs.tsv"
    lines.write_text("sed\tsaid\tI sed no.\nxqj\n\nbecuz\tbecause\n", encoding="utf-8")
    assert main(["learn", "--profile", str(prof), str(lines)]) == 1  # one line was malformed
    out = capsys.readouterr()
    assert "learned 2 corrections" in out.out and "line 2 skipped" in out.err
    p, _ = Profile.open(prof)
    assert [(x.written, x.intended, x.accepted) for x in p.pairs()] == [("becuz", "because", 1), ("sed", "said", 1)]
    assert p.pairs()[1].context == "I sed no."

    assert main(["profile", "show", "--profile", str(prof)]) == 0
    assert "sed -> said" in capsys.readouterr().out

    text = tmp_path / "t.txt"
    text.write_text("She sed yes.\n", encoding="utf-8")
    assert main(["check", "--engine", "fast", "--jsonl", "--profile", str(prof), str(text)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["corrected"] == "She said yes."

    assert main(["profile", "forget", "--profile", str(prof)]) == 0
    assert "forgot 2 things" in capsys.readouterr().out and not prof.exists()


def test_learn_records_exactly_like_an_accepted_correction(tmp_path, capsys):
    prof = tmp_path / "me.yaml"
    lines = tmp_path / "pairs.tsv"
    lines.write_text("Cave,\tgave\tHe cave me a book.\n", encoding="utf-8")
    main(["learn", "--profile", str(prof), str(lines)])
    by_cli, _ = Profile.open(prof)
    by_editor = Profile()
    by_editor.record_accepted("Cave,", "gave", "He cave me a book.")
    assert by_cli.pairs() == by_editor.pairs()


def test_a_broken_profile_is_reported_and_kept_aside(tmp_path, capsys):
    prof = tmp_path / "me.yaml"
    prof.write_text("{{{", encoding="utf-8")
    assert main(["profile", "show", "--profile", str(prof)]) == 0
    out = capsys.readouterr()
    assert "could not be read" in out.err and "nothing learned yet" in out.out
    assert (tmp_path / "me.yaml.bad").exists()


def test_bench_personal_ends_with_one_json_object(tmp_path, capsys):
    tsv = tmp_path / "w.tsv"
    tsv.write_text("err\tI sed no.\tI said no.\ta\nerr\tShe sed yes.\tShe said yes.\ta\n", encoding="utf-8")
    assert main(["bench-personal", str(tsv), "--engine", "fast"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(out[-1])
    assert summary["repeat_recall_with"] == 1.0 and "false_alarms_without" in summary
    assert any("recall on repeated errors" in line for line in out)


def test_bench_personal_reports_an_unreadable_file(tmp_path, capsys):
    assert main(["bench-personal", str(tmp_path / "missing.tsv")]) == 2
    assert "cannot read" in capsys.readouterr().err
