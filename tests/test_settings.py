import pytest

from dyslexic_writer.settings import Settings, load_settings, save_settings, settings_path, spelling_preference


def test_missing_file_gives_defaults(tmp_path):
    s, notice = load_settings(tmp_path / "nope.yaml")
    assert s == Settings() and notice is None


def test_round_trip(tmp_path):
    path = tmp_path / "settings.yaml"
    s = Settings(theme="dark", font_size=22, model="dw-qwen3-4b", recent_files=["/a.txt"])
    save_settings(s, path)
    loaded, notice = load_settings(path)
    assert loaded == s and notice is None


def test_corrupt_file_gives_defaults_and_a_notice(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("theme: [unclosed\n", encoding="utf-8")
    s, notice = load_settings(path)
    assert s == Settings() and "defaults" in notice
    assert (tmp_path / "settings.yaml.bad").exists()


def test_out_of_range_values_are_replaced(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("theme: neon\nfont_size: 500\nunknown_key: 1\nline_spacing: 1.8\n", encoding="utf-8")
    s, notice = load_settings(path)
    assert (s.theme, s.font_size, s.line_spacing) == ("light", 18, 1.8) and notice is None


def test_default_location_is_the_config_folder():
    import os

    assert str(settings_path()).startswith(os.environ["DYSLEXIC_WRITER_HOME"])


@pytest.mark.parametrize("choice, lang, expected", [
    ("auto", "en_GB.UTF-8", "british"), ("auto", "en_AU.UTF-8", "british"), ("auto", "en_US.UTF-8", "american"),
    ("auto", "C.UTF-8", ""), ("auto", "de_DE.UTF-8", ""), ("auto", "en_CA.UTF-8", ""),
    ("british", "en_US.UTF-8", "british"), ("american", "en_GB.UTF-8", "american"), ("either", "en_GB.UTF-8", ""),
])
def test_spelling_preference_follows_the_choice_or_the_system_language(choice, lang, expected):
    assert spelling_preference(choice, {"LANG": lang}) == expected


def test_an_unknown_spelling_choice_falls_back_to_auto(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("spelling: klingon\n", encoding="utf-8")
    assert load_settings(path)[0].spelling == "auto"
