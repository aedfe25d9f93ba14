"""Recording what the writer does with marks into their profile (engine/personal/profile.py).

Accepting a replacement records an accepted correction; Learning-mode retyping and "type it another
way" record a correction the writer made themself; Reject records a turned-down suggestion with its
neighbouring words; Add to dictionary records the word. A marked word the writer types over is
watched until they move on: if it has become a word the checker accepts, and looks like a fix of the
old one, that is their own correction too. Nothing is recorded while learning is switched off.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor

from ..engine.text import SENTENCE_RE, words
from .controller import FAST
from .editor import py_index, qt_index

SIMILAR = 0.5  # how alike (difflib ratio) a typed-over word must stay to count as a fix of the mark


@dataclass
class _Watched:
    suggestion: object
    anchor: QTextCursor  # follows the text as the writer edits around it


class ProfileRecorder(QObject):
    recorded = Signal(str)  # a short line on what was learned (status bar; tests wait on it)

    def __init__(self, editor, profile, parent=None):
        super().__init__(parent or editor)
        self.editor = editor
        self.profile = profile
        self._watched: list[_Watched] = []
        self._fresh_text: str | None = None
        editor.corrected.connect(self._on_corrected)
        editor.rejected_one.connect(self._on_rejected)
        editor.word_added.connect(self._on_word_added)
        editor.marks_edited.connect(self._on_marks_edited)
        editor.controller.checked.connect(self._on_checked)
        editor.cursorPositionChanged.connect(self._evaluate)

    @property
    def on(self) -> bool:
        return self.profile is not None and self.profile.enabled

    # -- direct actions --------------------------------------------------------------------------
    def _on_corrected(self, s, word: str, how: str) -> None:
        if not self.on:
            return
        text = self.editor.toPlainText()
        as_written = text[: s.start] + s.original + text[s.start + len(word) :]  # the context as it was
        sentence = sentence_at(as_written, s.start)
        record = self.profile.record_accepted if how == "accepted" else self.profile.record_self
        if record(s.original, word, sentence):
            self._learned(f"Learned: {s.original} \u2192 {word}", s.original)

    def _on_rejected(self, s) -> None:
        if not self.on or not s.replacements:
            return
        text = self.editor.toPlainText()
        prev, nxt = neighbours(text, s.start, s.end)
        if self.profile.record_rejected(s.original, s.best, prev, nxt, sentence_at(text, s.start)):
            self._learned(f"Noted: not {s.best} for {s.original} here", s.original)

    def _on_word_added(self, word: str) -> None:
        if self.on:
            self.profile.record_word(word)
            self._learned(f"Learned the word {word}", word)

    def _learned(self, message: str, written: str) -> None:
        # Cached answers for sentences with this word were made before the profile knew it.
        self.editor.controller.forget_cached([written])
        self.recorded.emit(message)

    # -- the writer's own fixes ------------------------------------------------------------------
    def _on_marks_edited(self, marks: list) -> None:
        if not self.on:
            return
        text = self.editor.toPlainText()
        for s in marks:
            if " " in s.original or any(w.suggestion.original == s.original and w.anchor.position() == qt_index(text, min(s.start, len(text))) for w in self._watched):
                continue
            cur = QTextCursor(self.editor.document())
            cur.setPosition(qt_index(text, min(s.start, len(text))))
            self._watched.append(_Watched(s, cur))

    def _on_checked(self, _rid, result, stage: str) -> None:
        if stage == FAST and result.text == self.editor.toPlainText():
            self._fresh_text = result.text
            self._evaluate()

    def _evaluate(self) -> None:
        """Decide on watched words the writer has moved away from (the marks are fresh by then)."""
        if not self._watched:
            return
        text = self.editor.toPlainText()
        if text != self._fresh_text or self.editor.check_pending:
            return  # a check is on its way; decide on its result
        cursor = py_index(text, self.editor.textCursor().position())
        toks = words(text)
        still = []
        for w in self._watched:
            pos = py_index(text, w.anchor.position())
            tok = next((t for t in toks if t.start <= pos <= t.end), None)
            if tok is not None and tok.start <= cursor <= tok.end:
                still.append(w)  # still typing it
                continue
            if tok is not None and self._is_fix(w.suggestion, tok):
                if self.profile.record_self(w.suggestion.original, tok.text, sentence_at(text, tok.start)):
                    self._learned(f"Learned: {w.suggestion.original} \u2192 {tok.text}", w.suggestion.original)
        self._watched = still

    def _is_fix(self, s, tok) -> bool:
        new = tok.text
        if new.lower() == s.original.lower():
            return False
        if any(m.start < tok.end and tok.start < m.end for m in self.editor.suggestions):
            return False  # still marked: not right yet
        if new.lower() in (r.lower() for r in s.replacements):
            return True
        return difflib.SequenceMatcher(None, new.lower(), s.original.lower()).ratio() >= SIMILAR


def neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The words either side of a span within its sentence, as the engines see it (they check one
    sentence at a time), so a rejection is matched in the same place later."""
    for m in SENTENCE_RE.finditer(text):
        if m.start() <= start < max(m.end(), m.start() + 1):
            before, after = words(text[m.start() : start]), words(text[end : m.end()])
            return (before[-1].text if before else ""), (after[0].text if after else "")
    return "", ""


def sentence_at(text: str, pos: int) -> str:
    """The sentence (or line) around `pos`, as the context shown beside a learned pair."""
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    return text[start : (min(ends) + 1 if ends else len(text))].strip()
