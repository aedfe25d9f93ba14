"""Starting the editor."""

from __future__ import annotations

import sys
from pathlib import Path


def run(args) -> int:
    from PySide6.QtWidgets import QApplication

    from ..engine.select import make_engine
    from .main_window import MainWindow

    from ..engine.lexicon import needs_build

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dyslexic Writer")
    splash = None
    if needs_build():
        # The one slow start: say what is happening rather than show nothing for seconds.
        from PySide6.QtWidgets import QLabel

        splash = QLabel("Preparing the dictionary (first run only, a few seconds)...")
        splash.setMargin(24)
        splash.show()
        app.processEvents()
    engine = make_engine("fast")
    if splash is not None:
        splash.close()
    window = MainWindow(engine)
    if getattr(args, "file", None):
        window.load(Path(args.file))
    window.show()
    return app.exec()
