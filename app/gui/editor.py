"""The writing surface: a plain-text editor that underlines suggestions and offers them on click."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from ..engine.types import CheckResult, Suggestion

UNDERLINE = {
    "default": "#8e44ad",  # purple: marks a suggestion without the alarm of red
}
DEBOUNCE_MS = 350


def qt_index(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points (they differ for emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2


class SuggestionEditor(QPlainTextEdit):
    suggestions_changed = Signal(int)
    accepted = Signal(object)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.suggestions: tuple[Suggestion, ...] = ()
        self._checked_text = ""
        self.rejected: set[tuple[int, str]] = set()
        font = QFont()
        font.setPointSize(18)
        self.setFont(font)
        self.setViewportMargins(24, 16, 24, 16)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        self.textChanged.connect(self._on_text_changed)
        controller.checked.connect(self._on_checked)

    # -- checking -------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self.suggestions:
            self.suggestions = ()
            self._paint()
        self._timer.start()

    def check_now(self) -> int:
        self._timer.stop()
        return self.controller.request(self.toPlainText())

    def _on_checked(self, _rid: int, result: CheckResult) -> None:
        if result.text != self.toPlainText():
            return  # belongs to text that has changed since
        self._checked_text = result.text
        self.suggestions = tuple(s for s in result.suggestions if (s.start, s.original) not in self.rejected)
        self._paint()
        self.suggestions_changed.emit(len(self.suggestions))

    def _paint(self) -> None:
        text = self.toPlainText()
        selections = []
        for s in self.suggestions:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            fmt.setUnderlineColor(QColor(UNDERLINE["default"]))
            sel.format = fmt
            cur = QTextCursor(self.document())
            cur.setPosition(qt_index(text, s.start))
            cur.setPosition(qt_index(text, s.end), QTextCursor.KeepAnchor)
            sel.cursor = cur
            selections.append(sel)
        self.setExtraSelections(selections)

    # -- acting on suggestions ------------------------------------------------------------------
    def suggestion_at(self, qt_pos: int) -> Suggestion | None:
        text = self.toPlainText()
        for s in self.suggestions:
            if qt_index(text, s.start) <= qt_pos <= qt_index(text, s.end):
                return s
        return None

    def accept(self, s: Suggestion, replacement: str | None = None) -> None:
        text = self.toPlainText()
        if text[s.start : s.end] != s.original:
            return  # the text moved under it; a fresh check will come
        cur = QTextCursor(self.document())
        cur.beginEditBlock()  # one undo step
        cur.setPosition(qt_index(text, s.start))
        cur.setPosition(qt_index(text, s.end), QTextCursor.KeepAnchor)
        cur.insertText(replacement or s.best)
        cur.endEditBlock()
        self.accepted.emit(s)

    def reject(self, s: Suggestion) -> None:
        self.rejected.add((s.start, s.original))
        self.suggestions = tuple(x for x in self.suggestions if x is not s)
        self._paint()
        self.suggestions_changed.emit(len(self.suggestions))

    def ignore_everywhere(self, s: Suggestion) -> None:
        ignored = getattr(self.controller.engine, "ignored", None)
        if ignored is not None:
            ignored.add(s.original.lower())
        self.suggestions = tuple(x for x in self.suggestions if x.original.lower() != s.original.lower())
        self._paint()

    def add_to_dictionary(self, s: Suggestion) -> None:
        personal = getattr(self.controller.engine, "personal", None)
        if personal is not None:
            personal.add(s.original)
        self.ignore_everywhere(s)

    def menu_for(self, s: Suggestion) -> QMenu:
        menu = QMenu(self)
        if s.explanation:
            info = menu.addAction(s.explanation)
            info.setEnabled(False)
            menu.addSeparator()
        for rep in s.replacements[:5]:
            menu.addAction(rep, lambda r=rep: self.accept(s, r))
        menu.addSeparator()
        menu.addAction("Reject", lambda: self.reject(s))
        menu.addAction("Ignore everywhere", lambda: self.ignore_everywhere(s))
        menu.addAction("Add to dictionary", lambda: self.add_to_dictionary(s))
        return menu

    def popup_at_cursor(self) -> None:
        s = self.suggestion_at(self.textCursor().position())
        if s is not None:
            self.menu_for(s).popup(self.viewport().mapToGlobal(self.cursorRect().bottomLeft()))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.LeftButton and not self.textCursor().hasSelection():
            s = self.suggestion_at(self.cursorForPosition(event.position().toPoint()).position())
            if s is not None:
                self.menu_for(s).popup(self.viewport().mapToGlobal(event.position().toPoint() + QPoint(0, 12)))

    def _jump(self, forward: bool) -> None:
        if not self.suggestions:
            return
        text = self.toPlainText()
        pos = self.textCursor().position()
        starts = [qt_index(text, s.start) for s in self.suggestions]
        if forward:
            target = next((p for p in starts if p > pos), starts[0])
        else:
            target = next((p for p in reversed(starts) if p < pos), starts[-1])
        cur = self.textCursor()
        cur.setPosition(target)
        self.setTextCursor(cur)

    def next_suggestion(self) -> None:
        self._jump(True)

    def previous_suggestion(self) -> None:
        self._jump(False)
