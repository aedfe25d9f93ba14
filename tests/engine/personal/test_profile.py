"""The writer's profile: its file format, counting, fading, rejections and forgetting."""

import yaml

from dyslexic_writer.engine.personal import profile as prof
from dyslexic_writer.engine.personal.profile import Profile, default_profile_path, normalise, short_context


def test_default_location_is_the_data_folder():
    import os

    assert str(default_profile_path()).startswith(os.environ["DYSLEXIC_WRITER_HOME"])
    assert default_profile_path().name == "default.yaml"


def test_round_trip_keeps_everything(tmp_path):
    path = tmp_path / "me.yaml"
    p, notice = Profile.open(path)
    assert notice is None and p.empty and not path.exists()
    assert p.record_accepted("Cave", "gave", "He cave me the book.")
    assert p.record_self("becuz", "because")
    assert p.record_rejected("flour", "flower", "the", "was", "the flour was soft")
    p.record_word("Grizzlebop")
    again, notice = Profile.open(path)
    assert notice is None
    assert [(x.written, x.intended, x.accepted, x.self_made) for x in again.pairs()] == [
        ("becuz", "because", 0, 1), ("cave", "gave", 1, 0)]
    assert again.pairs()[1].context == "He cave me the book."
    assert [(r.written, r.suggested, r.count) for r in again.rejections()] == [("flour", "flower", 1)]
    assert again.words() == ["Grizzlebop"] and again.knows("grizzlebop")
    assert again.events == 4


def test_the_file_is_readable_and_versioned(tmp_path):
    path = tmp_path / "me.yaml"
    p = Profile(path)
    p.record_accepted("wen", "when")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Dyslexic Writer")
    data = yaml.safe_load(text)
    assert data["format"] == prof.FORMAT and data["version"] == prof.VERSION
    assert data["corrections"][0]["written"] == "wen" and data["corrections"][0]["intended"] == "when"
    assert [f.name for f in tmp_path.iterdir()] == ["me.yaml"]  # written through a temp file, nothing left over


def test_a_corrupt_file_is_kept_aside_and_a_fresh_profile_starts(tmp_path):
    path = tmp_path / "me.yaml"
    path.write_text("corrections: [unclosed\n", encoding="utf-8")
    p, notice = Profile.open(path)
    assert p.empty and "could not be read" in notice and "me.yaml.bad" in notice
    assert (tmp_path / "me.yaml.bad").read_text(encoding="utf-8") == "corrections: [unclosed\n"
    assert not path.exists()
    # A second broken file never overwrites the first one kept aside.
    path.write_text("just words", encoding="utf-8")
    _, notice = Profile.open(path)
    assert (tmp_path / "me.yaml.bad1").exists() and "me.yaml.bad1" in notice


def test_an_old_or_newer_format_is_kept_aside_with_a_clear_message(tmp_path):
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump({"format": prof.FORMAT, "version": 0, "corrections": []}), encoding="utf-8")
    p, notice = Profile.open(path)
    assert p.empty and "version 0" in notice and "older" in notice
    path.write_text(yaml.safe_dump({"format": prof.FORMAT, "version": 99}), encoding="utf-8")
    _, notice = Profile.open(path)
    assert "newer" in notice


def test_bad_entries_count_as_a_corrupt_file(tmp_path):
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump({"format": prof.FORMAT, "version": 1, "corrections": [{"written": "x"}]}), encoding="utf-8")
    p, notice = Profile.open(path)
    assert p.empty and notice


def test_normalising_and_context():
    assert normalise('  "Cave,  ') == "cave"
    assert normalise("Some  Times") == "some times"
    assert short_context("one two three four cave five six seven eight", "cave") == "two three four cave five six seven"


def test_counts_are_capped_and_the_usual_word_comes_first():
    p = Profile()
    for _ in range(10):
        p.record_accepted("there", "their")
    p.record_accepted("there", "they're")
    (first, w1), (second, w2) = p.intended_for("there")
    assert (first, second) == ("their", "they're")
    assert prof.CAP - 0.01 < w1 <= prof.CAP and 0.9 < w2 <= 1.0


def test_nothing_is_learned_from_non_corrections():
    p = Profile()
    assert not p.record_accepted("same", "Same")
    assert not p.record_accepted("", "word")
    assert not p.record_accepted("one two three four", "x")
    assert p.empty


def test_pairs_fade_as_the_writer_moves_on(monkeypatch):
    monkeypatch.setattr(prof, "HALF_LIFE", 10)
    p = Profile()
    p.record_accepted("becuz", "because")
    assert p.intended_for("becuz")[0][1] == 1.0
    for i in range(10):
        p.record_accepted(f"w{i}x", f"word{i}")
    assert abs(p.intended_for("becuz")[0][1] - 0.5) < 1e-9
    for i in range(20):
        p.record_accepted(f"v{i}x", f"word{i}")
    assert p.intended_for("becuz") == []  # faded below use
    assert p.pairs()[-1].written == "becuz"  # but still listed until deleted


def test_rejections_count_here_and_overall_less_acceptances():
    p = Profile()
    p.record_rejected("flour", "flower", "the", "was")
    assert p.rejection("flour", "flower", "the", "was") == (1.0, 1.0)
    here, net = p.rejection("flour", "flower", "some", "and")
    assert here == 0.0 and net > 0.99
    p.record_accepted("flour", "flower")
    assert p.rejection("flour", "flower", "some", "and")[1] < 0.01


def test_forgetting_one_thing_and_everything(tmp_path):
    path = tmp_path / "me.yaml"
    p = Profile(path)
    p.record_accepted("cave", "gave")
    p.record_accepted("becuz", "because")
    p.record_rejected("flour", "flower")
    p.record_word("Grizzlebop")
    p.forget_pair("cave", "gave")
    p.forget_rejection("flour", "flower")
    p.forget_word("grizzlebop")
    reloaded, _ = Profile.open(path)
    assert [x.written for x in reloaded.pairs()] == ["becuz"] and not reloaded.rejections() and not reloaded.words()
    (tmp_path / "me.yaml.bad").write_text("old", encoding="utf-8")
    p.forget_all()
    assert p.empty and not path.exists() and not (tmp_path / "me.yaml.bad").exists()


def test_a_batch_writes_once(tmp_path, monkeypatch):
    writes = []
    monkeypatch.setattr(prof, "atomic_write_text", lambda path, text: writes.append(path))
    p = Profile(tmp_path / "me.yaml")
    with p.batch():
        p.record_accepted("wen", "when")
        p.record_accepted("becuz", "because")
    assert len(writes) == 1


def test_mentions_is_a_cheap_first_test():
    p = Profile()
    assert not p.mentions({"cave"})
    p.record_accepted("some times", "sometimes")
    assert p.mentions({"x", "some times"}) and not p.mentions({"some"})
