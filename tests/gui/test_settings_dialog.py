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
    assert any("MB" in t and "%" in t for t in labels)


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
        raise dl.DownloadError("the hub has no repository x (this fine-tuned model is not published yet)")

    monkeypatch.setattr(dl, "download", failing)
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    dlg.model_combo.setCurrentIndex(dlg.model_combo.findData("dw-qwen3-4b"))
    with qtbot.waitSignal(dlg.signals.finished, timeout=5000):
        dlg.start_download()
    dlg.wait_for_download()
    assert "not published yet" in dlg.progress_label.text()
