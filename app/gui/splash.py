"""The start-up splash: what the app is doing during the two slow first starts (building the
dictionary index, joining the embedded model's chunks into one file), with a progress bar.

The slow work runs on a short-lived thread while the splash's own event loop keeps the window
painted; progress comes back through a queued signal. The thread is joined before `run` returns.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class StartupSplash(QWidget):
    _progress = Signal(object, object)  # done, total (bytes, maybe over 2 GB); total 0: no measure, the bar just moves
    _finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, Qt.SplashScreen | Qt.WindowStaysOnTopHint)
        self.setWindowTitle("Dyslexic Writer")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setMargin(12)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setMinimumWidth(420)
        self._progress.connect(self._on_progress)
        self.shown_progress: list[tuple[int, int]] = []  # what the bar showed (tests read it)

    def _on_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)  # busy, with no measure of how far along
        else:
            # In MB: a QProgressBar counts in 32-bit ints.
            self.bar.setRange(0, max(1, total >> 20))
            self.bar.setValue(done >> 20)
            self.bar.setFormat(f"{done >> 20} of {total >> 20} MB")
        self.shown_progress.append((done, total))
        if not self.isVisible():
            self.show()  # last: showing delivers the progress queued meanwhile, which must come after

    def run(self, message: str, work, show_at_once: bool = True):
        """Run `work(report)` on a thread and return its result (or raise its error), with the splash
        saying `message`. `report(done, total)` may be called from that thread; with `show_at_once`
        False the splash appears only at the first report (work that is usually instant)."""
        self.label.setText(message)
        result: dict = {}

        def target():
            try:
                result["value"] = work(self._progress.emit)
            except BaseException as exc:  # noqa: BLE001 - raised again on the GUI thread
                result["error"] = exc
            finally:
                self._finished.emit()

        loop = QEventLoop()
        self._finished.connect(loop.quit, Qt.QueuedConnection)
        if show_at_once:
            self._on_progress(0, 0)
        thread = threading.Thread(target=target, name="startup", daemon=True)
        thread.start()
        loop.exec()
        thread.join()
        QCoreApplication.sendPostedEvents(self)  # progress still queued behind the end, so the bar ends full
        self._finished.disconnect(loop.quit)
        self.hide()
        if "error" in result:
            raise result["error"]
        return result.get("value")
