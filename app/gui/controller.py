"""The one object the editor talks to for checks. Every request has an id; a result whose id is
not the latest (the text changed since) is dropped, never applied."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..engine.types import CheckResult


class CheckController(QObject):
    checked = Signal(int, object)  # request id, CheckResult
    failed = Signal(int, str)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self._latest = 0

    @property
    def latest(self) -> int:
        return self._latest

    def request(self, text: str) -> int:
        self._latest += 1
        rid = self._latest
        # The fast engine answers in well under a millisecond a sentence, so it runs inline; the
        # model engine will answer through a worker thread with the same signals.
        try:
            result = self.engine.check(text)
        except Exception as exc:  # noqa: BLE001 - errors travel as results, the editor stays up
            self.failed.emit(rid, str(exc))
            return rid
        self.deliver(rid, result)
        return rid

    def deliver(self, rid: int, result: CheckResult) -> bool:
        """Hand a result to the editor unless a newer request has been made since."""
        if rid != self._latest:
            return False
        self.checked.emit(rid, result)
        return True
