"""The main window as the GUI tests build it: no saved settings touched, autosave in a temp folder,
"discard" for the unsaved-changes question, and its checking threads stopped afterwards."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from dyslexic_writer.gui.autosave import Autosave  # noqa: E402
from dyslexic_writer.gui.main_window import MainWindow  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402


@pytest.fixture
def make_window(qtbot, engine, tmp_path):
    made = []

    def make(settings: Settings | None = None) -> MainWindow:
        w = MainWindow(engine, settings or Settings(), autosave=Autosave(tmp_path / "autosave"), persist_settings=False)
        w.ask_unsaved = lambda: QMessageBox.Discard
        qtbot.addWidget(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.controller.shutdown()
