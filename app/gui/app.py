"""Starting the editor."""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLE_TEXT = (
    "I went to teh libary yesterday becuz i wanted a new book.\n"
    "Their was alot of people, and Im not sure witch one to chose.\n"
    "My freind said its the best story she has ever red."
)


def model_factory_for(settings, fast=None):
    """A function that builds the model engine on the worker thread, or None for the fast engine only.

    The model engine shares the editor's fast engine, so words added to the dictionary or ignored
    count for both at once.
    """
    if settings.engine == "fast":
        return None

    def make():
        from ..engine.select import make_engine

        return make_engine("model", settings.model, notify=lambda _msg: None, fast=fast)

    return make


def build_window(args=None, with_model: bool = True):
    from PySide6.QtWidgets import QApplication

    from ..engine.lexicon import needs_build
    from ..engine.select import make_engine
    from ..settings import load_settings
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dyslexic Writer")
    settings, notice = load_settings()
    splash = None
    if needs_build():
        # The one slow start: say what is happening rather than show nothing for seconds.
        from PySide6.QtWidgets import QLabel

        splash = QLabel("Preparing the dictionary (first run only, a few seconds)...")
        splash.setMargin(24)
        splash.show()
        app.processEvents()
    fast = make_engine("fast", notify=lambda _msg: None)
    if splash is not None:
        splash.close()
    factory = model_factory_for(settings, fast) if with_model else None
    window = MainWindow(fast, settings, model_factory=factory)
    if notice:
        window.statusBar().showMessage(notice, 15000)
    return app, window


def run(args) -> int:
    app, window = build_window(args)
    if getattr(args, "file", None):
        window.load(Path(args.file))
    else:
        window.offer_recovery()
    window.show()
    return app.exec()


def screenshot(out: Path, theme: str = "light", width: int = 1000, height: int = 600) -> Path:
    """Render the window with sample text to a PNG (offscreen works), for reviewing the look."""
    from PySide6.QtCore import QEventLoop, QTimer

    app, window = build_window(with_model=False)
    window.persist_settings = False
    window.settings.theme = theme
    window.apply_settings()
    window.resize(width, height)
    window.editor.setPlainText(SAMPLE_TEXT)
    window.editor.check_now()
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()
    window.grab().save(str(out))
    window.editor.document().setModified(False)
    window.close()
    return out
