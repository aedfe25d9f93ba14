"""The writing surface: a plain-text editor that underlines suggestions and offers them on click.

Marks never change the text: they are extra selections with a wavy underline. When the writer
edits, existing marks move with the text (those the edit touched are dropped) until fresh results
arrive: fast ones after a short pause, the model's after a longer one.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QTextEdit

from ..engine.text import match_case
from ..engine.types import CheckResult, Suggestion
from .controller import FAST, MODEL

FAST_DELAY_MS = 150
MODEL_DELAY_MS = 700
DEFAULT_COLOURS = {"default": "#8e44ad"}


def qt_index(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points (they differ for emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2


def py_index(text: str, qt_pos: int) -> int:
    """The Python index of a Qt position in `text`."""
    units = 0
    for i, ch in enumerate(text):
        if units >= qt_pos:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


class SuggestionEditor(QTextEdit):
    """A QTextEdit kept to plain text: QPlainTextEdit's layout ignores line height, and a
    comfortable 1.5 line spacing matters more here than its speed on huge files."""

    suggestions_changed = Signal(int)
    accepted = Signal(object)
    learning_feedback = Signal(bool, str)  # right?, message
    # What the writer did with a mark, for the profile (gui/learning.py records it):
    corrected = Signal(object, str, str)  # suggestion, the word put in, how: accepted / retyped / another way
    rejected_one = Signal(object)  # suggestion
    word_added = Signal(str)
    marks_edited = Signal(list)  # marks the writer typed over (a fix of their own, perhaps)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.controller = controller
        self.suggestions: tuple[Suggestion, ...] = ()
        self.rejected: list[Suggestion] = []  # occurrences the writer turned down; they move with the text
        self.colours = dict(DEFAULT_COLOURS)
        self.learning = False
        self.speaker = None
        self.ask_text = lambda title, label: QInputDialog.getText(self, title, label)  # tests replace it
        self.ask_another_way = self._ask_another_way  # tests replace it
        self._applying = False  # our own replacements are not the writer's typing
        self._fast_timer = QTimer(self, singleShot=True, interval=FAST_DELAY_MS)
        self._fast_timer.timeout.connect(self.check_soon)
        self._model_timer = QTimer(self, singleShot=True, interval=MODEL_DELAY_MS)
        self._model_timer.timeout.connect(self.check_model_now)
        self.document().contentsChange.connect(self._on_contents_change)
        controller.checked.connect(self._on_checked)
        self.apply_display(18, 1.5, "")

    # -- display ------------------------------------------------------------------------------
    def apply_display(self, size: int, spacing: float, family: str) -> None:
        font = QFont(family) if family else QFont()
        font.setPointSize(max(size, 8))
        self.setFont(font)
        self.setViewportMargins(32, 20, 32, 20)
        cur = QTextCursor(self.document())
        cur.select(QTextCursor.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(spacing * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        doc = self.document()
        blocker = doc.blockSignals(True)  # a format change is not an edit...
        modified = doc.isModified()
        cur.mergeBlockFormat(fmt)
        doc.setModified(modified)  # ...nor unsaved work (an untouched window closes without asking)
        doc.blockSignals(blocker)
        self._spacing = spacing

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setPlainText(text)
        self.apply_display(self.font().pointSize(), self._spacing, self.font().family())

    # -- checking -------------------------------------------------------------------------------
    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if removed == 0 and added == 0:
            return
        text = self.toPlainText()
        at = py_index(text, pos)
        new_end = py_index(text, pos + added)
        delta = (new_end - at) - removed  # removed is in UTF-16 units: exact for the text people type

        def shift(items):
            kept = []
            for s in items:
                if s.end <= at:
                    kept.append(s)
                elif s.start >= at + removed:
                    kept.append(replace(s, start=s.start + delta, end=s.end + delta))
            return [s for s in kept if text[s.start : s.end] == s.original]

        before = len(self.suggestions)
        if not self._applying:
            self._note_touched(at, removed, text[at:new_end])
        self.suggestions = tuple(shift(self.suggestions))
        self.rejected = shift(self.rejected)
        if len(self.suggestions) != before or delta:
            self._paint()
        typed = text[at:new_end]
        if typed and typed[-1] in " \n\t.,;:!?)\"'":
            self.check_soon()  # a word was just finished: mark it now
        else:
            self._fast_timer.start()
        if typed and typed[-1] in ".!?\n":
            self.check_model_now()  # a sentence was just finished: no need to wait for a pause
        else:
            self._model_timer.start()

    def _note_touched(self, at: int, removed: int, typed: str) -> None:
        """Tell the profile recorder which marked words the writer is typing over themself."""
        touched = []
        for s in self.suggestions:
            if removed:
                hit = at < s.end and s.start < at + removed
            else:  # letters typed inside a marked word, or onto either end of it
                hit = s.start < at < s.end or (at == s.end and typed[:1].isalpha()) or (at == s.start and typed[-1:].isalpha())
            if hit:
                touched.append(s)
        if touched:
            self.marks_edited.emit(touched)

    def check_now(self) -> int:
        self._fast_timer.stop()
        return self.controller.request(self.toPlainText())

    def check_soon(self) -> int:
        """A check while the writer types: on the fast thread, so no keystroke waits for it."""
        self._fast_timer.stop()
        return self.controller.request_soon(self.toPlainText())

    @property
    def check_pending(self) -> bool:
        """A fast check is due (the typing pause) or on its way (the fast thread)."""
        return self._fast_timer.isActive() or self.controller.fast_pending

    def check_model_now(self) -> int | None:
        self._model_timer.stop()
        return self.controller.request_model(self.toPlainText())

    def _on_checked(self, _rid: int, result: CheckResult, stage: str) -> None:
        text = self.toPlainText()
        if result.text != text:
            return  # belongs to text that has changed since
        fresh = [s for s in result.suggestions if not any(
            r.start == s.start and r.original == s.original for r in self.rejected)]
        if stage == FAST:
            # Model marks from before still stand where the fast engine says nothing.
            keep = [m for m in self.suggestions if m.source == MODEL and all(
                m.end <= f.start or f.end <= m.start for f in fresh)]
            fresh = sorted(fresh + keep, key=lambda s: s.start)
        self.suggestions = tuple(fresh)
        self._paint()
        self.suggestions_changed.emit(len(self.suggestions))

    def _paint(self) -> None:
        text = self.toPlainText()
        selections = []
        for s in self.suggestions:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            fmt.setUnderlineColor(QColor(self.colours.get(s.kind, self.colours["default"])))
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

    def accept(self, s: Suggestion, replacement: str | None = None, how: str = "accepted") -> bool:
        text = self.toPlainText()
        if text[s.start : s.end] != s.original:
            return False  # the text moved under it; a fresh check will come
        if not (replacement or s.replacements):
            return False  # an unknown word with nothing chosen: nothing to put in
        word = replacement or s.best
        cur = QTextCursor(self.document())
        cur.beginEditBlock()  # one undo step
        cur.setPosition(qt_index(text, s.start))
        cur.setPosition(qt_index(text, s.end), QTextCursor.KeepAnchor)
        self._applying = True
        try:
            cur.insertText(word)
        finally:
            self._applying = False
        cur.endEditBlock()
        self.accepted.emit(s)
        self.corrected.emit(s, word, how)
        return True

    def accept_all(self) -> int:
        """Every mark's best replacement, from the end backwards, as one undo step."""
        # Not recorded in the profile: accepting everything at once is no judgement on each word.
        todo = sorted((s for s in self.suggestions if s.replacements), key=lambda s: -s.start)
        text = self.toPlainText()
        cur = QTextCursor(self.document())
        cur.beginEditBlock()
        done = 0
        self._applying = True
        try:
            for s in todo:
                if text[s.start : s.end] != s.original:
                    continue
                cur.setPosition(qt_index(text, s.start))
                cur.setPosition(qt_index(text, s.end), QTextCursor.KeepAnchor)
                cur.insertText(s.best)
                done += 1
        finally:
            self._applying = False
        cur.endEditBlock()
        return done

    def reject(self, s: Suggestion) -> None:
        self.rejected.append(s)
        self.suggestions = tuple(x for x in self.suggestions if x is not s)
        self._paint()
        self.suggestions_changed.emit(len(self.suggestions))
        self.rejected_one.emit(s)

    def reject_all(self) -> None:
        self.rejected.extend(self.suggestions)
        self.suggestions = ()
        self._paint()
        self.suggestions_changed.emit(0)

    def ignore_everywhere(self, s: Suggestion) -> None:
        self.controller.engine.ignored.add(s.original.lower())
        self.controller.forget_cached()
        self.suggestions = tuple(x for x in self.suggestions if x.original.lower() != s.original.lower())
        self._paint()
        self.suggestions_changed.emit(len(self.suggestions))

    def add_to_dictionary(self, s: Suggestion) -> None:
        self.controller.engine.personal.add(s.original)
        self.ignore_everywhere(s)
        self.word_added.emit(s.original)

    def hear(self, word: str) -> None:
        if self.speaker is not None:
            self.speaker.say(word)

    def try_myself(self, s: Suggestion) -> bool:
        """Learning mode: the writer types the word; the app says whether it now matches."""
        typed, ok = self.ask_text("Try it yourself", f"How is '{s.original}' spelt? {s.explanation}")
        if not ok or not typed.strip():
            return False
        right = typed.strip().lower() in {r.lower() for r in s.replacements}
        if right:
            self.accept(s, typed.strip(), how="retyped")
            self.learning_feedback.emit(True, f"Yes! '{typed.strip()}' is right.")
        else:
            self.learning_feedback.emit(False, f"Not quite: '{typed.strip()}'. Have another go, or pick it from the list.")
        return right

    def another_way(self, s: Suggestion) -> bool:
        """The writer types another attempt (a sounds-like spelling), picks the word, and it goes in."""
        chosen = self.ask_another_way(s)
        if not chosen:
            return False
        return self.accept(s, match_case(s.original, chosen), how="another way")

    def _ask_another_way(self, s: Suggestion) -> str | None:
        from .another_way import AnotherWayDialog

        return AnotherWayDialog.ask(s.original, self.words_like, self)

    def words_like(self, attempt: str) -> list[str]:
        """Candidates for the writer's own attempt at a word: the fast engine's, the attempt first
        when it is itself a word."""
        attempt = attempt.strip()
        fast = self.controller.engine
        if not attempt:
            return []
        found = list(fast.suggest_word(attempt, 8))
        if fast.lexicon.is_valid(attempt.lower()) and attempt.lower() not in (w.lower() for w in found):
            found.insert(0, attempt)
        return found

    def menu_for(self, s: Suggestion) -> QMenu:
        menu = QMenu(self)
        menu.setFont(self.font())  # a popup does not inherit it: the reading font, not the small system one
        if s.explanation:
            info = menu.addAction(s.explanation)
            info.setEnabled(False)
            menu.addSeparator()
        if self.learning and s.replacements:
            menu.addAction("Try it myself...", lambda: self.try_myself(s))
        for rep in s.replacements[:5]:
            menu.addAction(f"Accept: {rep}" if rep == s.best else rep, lambda r=rep: self.accept(s, r))
        for rep in s.maybe:
            menu.addAction(f"Maybe: {rep}", lambda r=rep: self.accept(s, r))
        # No replacement (an unknown word), or none of them right: the writer tries another spelling.
        menu.addAction("Type it another way\u2026", lambda: self.another_way(s))
        menu.addSeparator()
        menu.addAction("Reject" if s.replacements else "Leave it as it is", lambda: self.reject(s))
        menu.addAction("Ignore everywhere", lambda: self.ignore_everywhere(s))
        menu.addAction("Add to dictionary", lambda: self.add_to_dictionary(s))
        hear = menu.addAction(f"Hear it: {s.best}", lambda: self.hear(s.best))
        if self.speaker is None or not self.speaker.available:
            hear.setEnabled(False)
            hear.setToolTip(self.speaker.reason if self.speaker is not None else "speech is off")
        menu.setToolTipsVisible(True)
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

    def jump_to(self, s: Suggestion) -> None:
        cur = self.textCursor()
        cur.setPosition(qt_index(self.toPlainText(), s.start))
        self.setTextCursor(cur)
        self.setFocus()

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

    def current_sentence(self) -> str:
        """The selection, or the sentence around the cursor (for reading aloud)."""
        cur = self.textCursor()
        if cur.hasSelection():
            return cur.selectedText().replace("\u2029", "\n")
        text = self.toPlainText()
        pos = py_index(text, cur.position())
        starts = [i + 1 for i, ch in enumerate(text[:pos]) if ch in ".!?\n"]
        start = starts[-1] if starts else 0
        ends = [i + 1 for i, ch in enumerate(text[pos:], pos) if ch in ".!?\n"]
        end = ends[0] if ends else len(text)
        return text[start:end].strip()
