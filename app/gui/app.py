"""Starting the editor."""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLE_TEXT = (
    "I went to teh libary yesterday becuz i wanted a new book.\n"
    "Their was alot of people, and Im not sure witch one to chose.\n"
    "My freind said its the best story she has ever red."
)


from .model_factory import model_factory_for  # noqa: F401 - here for callers that import it from app


def build_window(args=None, with_model: bool = True):
    from PySide6.QtWidgets import QApplication

    from ..engine.lexicon import current_shipped_index, needs_build
    from ..assemble import make_engine
    from ..settings import load_settings
    from .main_window import MainWindow
    from .splash import StartupSplash

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dyslexic Writer")
    settings, notice = load_settings()
    splash = StartupSplash()
    if needs_build() and current_shipped_index() is None:
        # The one slow start (an install built without its shipped index, or with changed word
        # lists): say what is happening rather than show nothing for seconds.
        fast = splash.run("Preparing the dictionary (first run only, a few seconds)...",
                          lambda _report: make_engine("fast", notify=lambda _msg: None))
    else:
        fast = make_engine("fast", notify=lambda _msg: None)
    failed = prepare_embedded_model(settings, splash) if with_model else None
    from ..engine.personal.profile import Profile

    profile, profile_notice = Profile.open()  # the writer's own profile, in the data folder
    factory = model_factory_for(settings, fast, profile, failed=failed) if with_model else None
    window = MainWindow(fast, settings, model_factory=factory, profile=profile)
    notice = " ".join(x for x in (notice, profile_notice) if x)
    if notice:
        window.statusBar().showMessage(notice, 15000)
    return app, window


def prepare_embedded_model(settings, splash):
    """Join the embedded model's chunks now, under the splash with a progress bar, where this install
    has not yet (the first start of a source install, a few seconds); an instant look-up otherwise.
    Returns the error met (the model thread reports it rather than try again), or None."""
    if settings.engine == "fast" or (settings.model and settings.model != "gemma3-270m"):
        return None
    from ..runtime.embedded import embedded_model_path

    try:
        splash.run("Preparing the spelling model (first start only, a few seconds)...",
                   lambda report: embedded_model_path(on_progress=report), show_at_once=False)
    except Exception as exc:  # noqa: BLE001 - never stops the window opening; the status bar says why
        return exc
    return None


def run(args) -> int:
    app, window = build_window(args)
    if getattr(args, "file", None):
        window.load(Path(args.file))
    else:
        window.offer_recovery()
    window.show()
    return app.exec()


def screenshot(out: Path, theme: str = "light", width: int = 1000, height: int = 600, text: str = SAMPLE_TEXT) -> Path:
    """Render the window with sample text to a PNG (offscreen works), for reviewing the look.

    With `text=""` it times what a writer waits for at start-up: the empty editor, on screen."""
    from PySide6.QtCore import QEventLoop, QTimer

    app, window = build_window(with_model=False)
    window.persist_settings = False
    window.settings.theme = theme
    window.apply_settings()
    window.resize(width, height)
    if text:
        window.editor.setPlainText(text)
        window.editor.check_now()
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()
    window.grab().save(str(out))
    window.editor.document().setModified(False)
    window.close()
    return out
