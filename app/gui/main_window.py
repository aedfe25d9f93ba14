"""The main window: editor, file menu and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from .controller import CheckController
from .editor import SuggestionEditor

FILE_FILTER = "Text (*.txt *.md);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.controller = CheckController(engine, self)
        self.editor = SuggestionEditor(self.controller, self)
        self.setCentralWidget(self.editor)
        self.path: Path | None = None
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.controller.checked.connect(self._on_checked)
        self.editor.document().modificationChanged.connect(self._update_title)
        self._build_menus()
        self._update_title()
        self.resize(900, 640)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for label, key, slot in (
            ("&New", QKeySequence.New, self.new_file),
            ("&Open...", QKeySequence.Open, self.open_dialog),
            ("&Save", QKeySequence.Save, self.save),
            ("Save &As...", QKeySequence.SaveAs, self.save_as),
            ("&Quit", QKeySequence.Quit, self.close),
        ):
            act = QAction(label, self, shortcut=key)
            act.triggered.connect(slot)
            file_menu.addAction(act)
        check_menu = self.menuBar().addMenu("&Check")
        for label, key, slot in (
            ("Check now", "Ctrl+Return", self.editor.check_now),
            ("Next suggestion", "F7", self.editor.next_suggestion),
            ("Previous suggestion", "Shift+F7", self.editor.previous_suggestion),
            ("Suggestions at cursor", "Ctrl+.", self.editor.popup_at_cursor),
        ):
            act = QAction(label, self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutVisibleInContextMenu(True)
            act.triggered.connect(slot)
            check_menu.addAction(act)

    def _on_checked(self, _rid, result) -> None:
        n = len(self.editor.suggestions)
        self.status.setText(f"{result.engine} engine, CPU · {n} suggestion{'s' * (n != 1)} · {result.elapsed_ms:.1f} ms")

    def _update_title(self, *_):
        name = self.path.name if self.path else "Untitled"
        star = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{name}{star} - Dyslexic Writer")

    # -- files --------------------------------------------------------------------------
    def load(self, path: Path) -> None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self, "Cannot open", f"{path} could not be opened as UTF-8 text:\n{exc}")
            return
        self.editor.setPlainText(text)
        self.path = Path(path)
        self.editor.document().setModified(False)
        self._update_title()

    def write(self, path: Path) -> bool:
        from ..paths import atomic_write_text

        try:
            atomic_write_text(Path(path), self.editor.toPlainText())
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save", f"{path} could not be saved:\n{exc}")
            return False
        self.path = Path(path)
        self.editor.document().setModified(False)
        self._update_title()
        return True

    def new_file(self) -> None:
        if self.maybe_keep():
            self.editor.clear()
            self.path = None
            self.editor.document().setModified(False)

    def open_dialog(self) -> None:
        if not self.maybe_keep():
            return
        name, _ = QFileDialog.getOpenFileName(self, "Open", "", FILE_FILTER)
        if name:
            self.load(Path(name))

    def save(self) -> bool:
        return self.write(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, "Save as", str(self.path or "untitled.txt"), FILE_FILTER)
        return self.write(Path(name)) if name else False

    def maybe_keep(self) -> bool:
        """True when it is fine to drop the current text (saved, or the writer chose)."""
        if not self.editor.document().isModified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def ask_unsaved(self):
        """Save, Discard or Cancel; a method so tests can answer without a modal dialog."""
        return QMessageBox.question(
            self, "Unsaved changes", "Save your changes first?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.maybe_keep():
            event.accept()
        else:
            event.ignore()
