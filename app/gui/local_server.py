"""The Settings switch "Let my other apps use Dyslexic Writer": the local server inside the editor.

It loads no second model: a request is checked by the editor's own engines and caches, on the
threads that own them. With the model ready, it goes to the model worker as a `call` (queued with
the editor's own checks, never run beside them); otherwise the fast engine answers on the GUI
thread, as it does for the editor. Either way the writer's profile, personal dictionary and
spelling setting apply, and what the writer changes in the editor counts at once.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox

from ..runtime.worker import WorkerStopped
from ..server.checking import CheckerClosed, paragraphs, shifted, wait_for
from ..server.httpd import LocalServer, ServerConfig
from ..settings import spelling_preference

SWITCH_LABEL = "Let my other apps use Dyslexic Writer (this computer only)"
SWITCH_TIP = ("LibreOffice, the LanguageTool browser extension, Obsidian and VS Code (LTeX) can check your "
              "writing here, as a LanguageTool server at http://localhost:{port}/v2. Nothing leaves this computer.")


def share_checkbox(settings) -> QCheckBox:
    box = QCheckBox(SWITCH_LABEL)
    box.setChecked(settings.share_with_apps)
    box.setToolTip(SWITCH_TIP.format(port=settings.server_port))
    return box


class _GuiCalls(QObject):
    """Runs functions on the GUI thread for the server's threads: the signal is queued across threads."""

    _run = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._run.connect(self._on_run)

    def call(self, fn) -> Future:
        future: Future = Future()
        self._run.emit((fn, future))
        return future

    def _on_run(self, item) -> None:
        fn, future = item
        if not future.set_running_or_notify_cancel():
            return  # the request gave up (the server is stopping)
        try:
            future.set_result(fn())
        except Exception as exc:  # noqa: BLE001 - it goes back to the request
            future.set_exception(exc)


class EditorChecker:
    """The server's checker in the editor. The request's spelling is not applied: the dictionary's
    spelling is shared with the editor's own checks on other threads; the Settings choice holds."""

    def __init__(self, controller, gui_calls: _GuiCalls):
        self.controller = controller
        self._gui = gui_calls
        self._closed = threading.Event()

    def check(self, text: str, variant: str = "") -> list:
        """One paragraph at a time, so the editor's own checks take turns with a long document's."""
        out = []
        for start, para in paragraphs(text):
            out.extend(shifted(self._paragraph(para), start))
        return out

    def _paragraph(self, para: str):
        if self._closed.is_set():
            raise CheckerClosed("the server is stopping")
        worker = self.controller.worker
        if worker is not None and worker.ready.is_set() and worker.engine is not None:
            try:
                return wait_for(worker.call(lambda engine: engine.check(para).suggestions), self._closed)
            except WorkerStopped:
                pass  # the model was switched off meanwhile: the fast engine answers
        return wait_for(self._gui.call(lambda: self.controller.fast.check(para).suggestions), self._closed)

    def close(self) -> None:
        self._closed.set()


class EditorServer(QObject):
    """Starts, restarts and stops the server as the settings say."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._gui = _GuiCalls(self)
        self.server: LocalServer | None = None
        self._wanted: tuple | None = None

    @property
    def running(self) -> bool:
        return self.server is not None

    def apply(self, settings) -> str | None:
        """Follow the settings; a message for the status bar when something changed or failed."""
        if not settings.share_with_apps:
            was = self.running
            self.stop()
            return "Other apps no longer use Dyslexic Writer." if was else None
        wanted = (settings.server_port, spelling_preference(settings.spelling))
        if self.running and wanted == self._wanted:
            return None
        self.stop()
        checker = EditorChecker(self.controller, self._gui)
        server = LocalServer(checker, ServerConfig(port=wanted[0], default_variant=wanted[1]))
        try:
            server.start()
        except OSError as exc:
            checker.close()
            return (f"Other apps cannot use Dyslexic Writer: port {settings.server_port} is not free "
                    f"({exc.strerror or exc}); is a LanguageTool server running?")
        self.server, self._wanted = server, wanted
        return f"Other apps can use Dyslexic Writer at http://localhost:{server.port}/v2 (this computer only)."

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server, self._wanted = None, None
