"""The `serve` command's engine: the writer's profile and personal dictionary apply, and stay untouched."""

from __future__ import annotations

from dyslexic_writer.engine.personal.profile import Profile
from dyslexic_writer.server.checking import ParagraphChecker
from dyslexic_writer.server.engines import engine_builder, writer_settings

from server_client import check


def snapshot(folder):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_the_writers_profile_and_dictionary_apply_and_are_never_written(serve, tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("DYSLEXIC_WRITER_DATA_DIR", str(data))
    data.mkdir()
    (data / "personal_dictionary.txt").write_text("Zorblatic\n", encoding="utf-8")
    profile = Profile(data / "profiles" / "default.yaml")
    profile.record_accepted("zorp", "house", "I saw a zorp")
    profile.record_accepted("zorp", "house", "the zorp was big")
    before = snapshot(data)
    server = serve(checker=ParagraphChecker(engine_builder("fast", notify=lambda _m: None)))
    status, _, out = check(server, {"text": "Zorblatic saw a zorp.", "language": "en-US"})
    assert status == 200
    flagged = {m["context"]["text"][m["context"]["offset"] :][: m["length"]]: m for m in out["matches"]}
    assert "Zorblatic" not in flagged  # the personal dictionary's word
    assert flagged["zorp"]["replacements"][0]["value"] == "house"  # the profile's correction
    server.stop()
    assert snapshot(data) == before  # nothing written, nothing added


def test_a_broken_profile_is_left_where_it_is(tmp_path):
    path = tmp_path / "default.yaml"
    path.write_text("not: [a profile", encoding="utf-8")
    profile, notice = Profile.read_only(path)
    assert notice and "not used" in notice and profile.path is None
    assert path.read_text(encoding="utf-8") == "not: [a profile" and not list(tmp_path.glob("*.bad*"))


def test_the_editors_settings_are_read_without_writing(tmp_path, monkeypatch):
    monkeypatch.setenv("DYSLEXIC_WRITER_CONFIG_DIR", str(tmp_path))
    assert writer_settings() == {}
    (tmp_path / "settings.yaml").write_text("spelling: british\nlearn_from_me: false\n", encoding="utf-8")
    assert writer_settings() == {"spelling": "british", "learn_from_me": False}
    (tmp_path / "settings.yaml").write_text(": : broken [", encoding="utf-8")
    assert writer_settings() == {} and (tmp_path / "settings.yaml").exists()
