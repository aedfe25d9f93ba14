"""Starting the editor."""

from __future__ import annotations

import sys
from pathlib import Path


def run(args) -> int:
    from PySide6.QtWidgets import QApplication

    from ..engine.select import make_engine
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dyslexic Writer")
    engine = make_engine("fast")
    window = MainWindow(engine)
    if getattr(args, "file", None):
        window.load(Path(args.file))
    window.show()
    return app.exec()
