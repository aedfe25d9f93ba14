"""Settings > "What I've learned": the writer's profile, one line per thing learned, each with its own
Delete button; one button forgets everything; a switch turns learning off. Deleting acts at once
(it is the writer's own data, not a setting to confirm with OK)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LearnedPage(QGroupBox):
    def __init__(self, profile, learning_on: bool = True, dictionary=None, parent=None):
        """`dictionary`: the personal dictionary, so a learned word deleted here leaves it too."""
        super().__init__("What I've learned", parent)
        self.profile = profile
        self.dictionary = dictionary
        self.changed = False
        self.confirm_forget = self._confirm_forget  # tests replace it
        layout = QVBoxLayout(self)
        self.switch = QCheckBox("Learn from my corrections (kept only on this computer)")
        self.switch.setChecked(learning_on)
        layout.addWidget(self.switch)
        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.summary = QLabel()
        row.addWidget(self.summary, 1)
        self.forget_button = QPushButton("Forget everything")
        self.forget_button.clicked.connect(self.forget_all)
        row.addWidget(self.forget_button)
        layout.addLayout(row)
        self.refresh()

    def learning_on(self) -> bool:
        return self.switch.isChecked()

    def rows(self) -> list[tuple[str, object]]:
        """(text, delete action) for each line, in the order shown."""
        p = self.profile
        out = []
        for pair in p.pairs():
            times = pair.accepted + pair.self_made
            where = f"   \u201c{pair.context}\u201d" if pair.context else ""
            out.append((f"{pair.written} \u2192 {pair.intended}   ({times}\u00d7){where}",
                        lambda w=pair.written, i=pair.intended: p.forget_pair(w, i)))
        for r in p.rejections():
            out.append((f"not {r.suggested} for {r.written}   (turned down {r.count}\u00d7)",
                        lambda w=r.written, s=r.suggested: p.forget_rejection(w, s)))
        for word in p.words():
            out.append((f"{word}   (added to the dictionary)", lambda w=word: self._forget_word(w)))
        return out

    def refresh(self) -> None:
        self.list.clear()
        rows = self.rows() if self.profile is not None else []
        for n, (text, forget) in enumerate(rows):
            item = QListWidgetItem()
            line = QWidget()
            box = QHBoxLayout(line)
            box.setContentsMargins(4, 0, 4, 0)
            box.addWidget(QLabel(text), 1)
            button = QPushButton("Delete")
            button.setObjectName(f"delete-{n}")
            button.clicked.connect(lambda _=False, f=forget: self._delete(f))
            box.addWidget(button)
            item.setSizeHint(line.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, line)
        self.summary.setText("Nothing learned yet." if not rows else f"{len(rows)} thing{'s' * (len(rows) != 1)} learned.")
        self.forget_button.setEnabled(bool(rows))

    def delete_row(self, n: int) -> None:
        self._delete(self.rows()[n][1])

    def _delete(self, forget) -> None:
        forget()
        self.changed = True
        self.refresh()

    def _forget_word(self, word: str) -> None:
        self.profile.forget_word(word)
        if self.dictionary is not None and word in self.dictionary:
            self.dictionary.remove(word)

    def forget_all(self) -> bool:
        if not self.confirm_forget():
            return False
        if self.dictionary is not None:
            for word in self.profile.words():
                self.dictionary.remove(word)
        self.profile.forget_all()
        self.changed = True
        self.refresh()
        return True

    def _confirm_forget(self) -> bool:
        return QMessageBox.question(
            self, "Forget everything?", "Forget every correction and word this app has learned from your writing?",
        ) == QMessageBox.Yes
