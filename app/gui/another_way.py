""""Type it another way": a small search box for a word the checker could not place.

The writer types another attempt at the word, the way it sounds ("becuz", "fone"); the list shows
the words it could be, best first, and choosing one puts it in the text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout


class AnotherWayDialog(QDialog):
    def __init__(self, word: str, search, parent=None):
        """`search(attempt)` lists candidate words for an attempt (the fast engine's suggestions)."""
        super().__init__(parent)
        self.setWindowTitle("Type it another way")
        self.search = search
        layout = QVBoxLayout(self)
        label = QLabel(f"Type \u201c{word}\u201d another way, the way it sounds. Then pick the word you mean.")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.attempt = QLineEdit()
        self.attempt.setPlaceholderText("another way to spell it")
        self.attempt.textChanged.connect(self._update)
        layout.addWidget(self.attempt)
        self.results = QListWidget()
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(lambda row: self.ok.setEnabled(row >= 0))
        layout.addWidget(self.results)
        self.empty = QLabel("")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setText("Use this word")
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.attempt.returnPressed.connect(lambda: self.results.currentItem() and self.accept())

    def _update(self, attempt: str) -> None:
        self.results.clear()
        found = self.search(attempt) if attempt.strip() else []
        self.results.addItems(found)
        if found:
            self.results.setCurrentRow(0)
        self.ok.setEnabled(bool(found))
        self.empty.setText("" if found or not attempt.strip() else "No words found; try spelling it another way.")

    def chosen(self) -> str | None:
        item = self.results.currentItem()
        return item.text() if item is not None else None

    @classmethod
    def ask(cls, word: str, search, parent=None) -> str | None:
        dlg = cls(word, search, parent)
        return dlg.chosen() if dlg.exec() else None
