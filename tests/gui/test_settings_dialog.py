import pytest

pytest.importorskip("PySide6")

from dyslexic_writer.gui.settings_dialog import FAST_ONLY, SettingsDialog  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402


def test_choices_round_trip(qtbot):
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    dlg.size_spin.setValue(24)
    dlg.theme_combo.setCurrentText("dark")
    dlg.mode_combo.setCurrentIndex(dlg.mode_combo.findData("learning"))
    dlg.model_combo.setCurrentIndex(dlg.model_combo.findData(FAST_ONLY))
    s = dlg.result_settings()
    assert (s.font_size, s.theme, s.mode, s.engine, s.model) == (24, "dark", "learning", "fast", None)


def test_models_are_listed_with_size_and_the_recommendation(qtbot):
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    labels = [dlg.model_combo.itemText(i) for i in range(dlg.model_combo.count())]
    assert labels[0].startswith("Embedded default")
    assert any("recommended for this computer" in t for t in labels)
    # Only our own measured figures: the embedded scorer's seed99 result, "not measured" for the rest.
    assert "96.6% seed99 strict" in labels[0]
    assert all("seed99 strict" in t or "not measured" in t for t in labels[:-1])
    assert not any("original suite" in t for t in labels)


def test_unpublished_models_are_greyed_with_the_reason_and_never_recommended(qtbot):
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    model = dlg.model_combo.model()
    i = dlg.model_combo.findData("dw-qwen3-4b")
    assert not model.item(i).isEnabled() and "cannot be downloaded" in model.item(i).toolTip()
    assert "recommended" not in dlg.model_combo.itemText(i)
    rec = next(j for j in range(dlg.model_combo.count()) if "recommended" in dlg.model_combo.itemText(j))
    assert model.item(rec).isEnabled()


def test_a_saved_unpublished_choice_falls_back_to_the_embedded_default(qtbot):
    dlg = SettingsDialog(Settings(model="dw-qwen3-8b"))
    qtbot.addWidget(dlg)
    assert dlg.model_combo.currentIndex() == 0


def test_download_progress_and_result(qtbot, monkeypatch):
    import dyslexic_writer.runtime.download as dl

    def fake_download(entry, opts):
        for done in (0, 50, 100):
            opts.progress(done * 2**20, 100 * 2**20)
        return opts.models_dir / entry.file

    monkeypatch.setattr(dl, "download", fake_download)
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    dlg.model_combo.setCurrentIndex(dlg.model_combo.findData("qwen2.5-0.5b-instruct"))
    with qtbot.waitSignal(dlg.signals.finished, timeout=5000):
        dlg.start_download()
    dlg.wait_for_download()
    assert dlg.progress.value() == 100 and "Downloaded" in dlg.progress_label.text()
    assert dlg.download_button.isEnabled() and not dlg.cancel_button.isEnabled()


def test_download_errors_are_shown(qtbot, monkeypatch):
    import dyslexic_writer.runtime.download as dl

    def failing(entry, opts):
        raise dl.DownloadError("the hub has no repository x")

    monkeypatch.setattr(dl, "download", failing)
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    dlg.model_combo.setCurrentIndex(dlg.model_combo.findData("qwen2.5-0.5b-instruct"))
    with qtbot.waitSignal(dlg.signals.finished, timeout=5000):
        dlg.start_download()
    dlg.wait_for_download()
    assert "no repository" in dlg.progress_label.text()
    # An unpublished model is refused before any download starts.
    dlg.model_combo.setCurrentIndex(dlg.model_combo.findData("dw-qwen3-4b"))
    dlg.start_download()
    assert "not published yet" in dlg.progress_label.text() and dlg.download_button.isEnabled()


def test_spelling_choice_round_trips(qtbot):
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    assert dlg.spelling_combo.currentData() == "auto"
    dlg.spelling_combo.setCurrentIndex(dlg.spelling_combo.findData("british"))
    assert dlg.result_settings().spelling == "british"
