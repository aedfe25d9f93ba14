"""The main window: editor, suggestion panel, menus, status bar, files, autosave and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
)

from ..engine.personal.profile import Profile
from ..settings import Settings, save_settings, spelling_preference
from .autosave import Autosave
from .controller import CheckController
from .documents import OPEN_FILTER, SAVE_FILTER, DocumentError, is_word, read_document, save_path, write_document
from .editor import SuggestionEditor
from .learning import ProfileRecorder
from .model_factory import model_factory_for
from .themes import UNDERLINES, palette, reading_font_family

AUTOSAVE_IDLE_MS = 3000


class MainWindow(QMainWindow):
    def __init__(self, engine, settings: Settings | None = None, model_factory=None, autosave: Autosave | None = None,
                 persist_settings: bool = True, parent=None, profile=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.persist_settings = persist_settings
        # The writer's profile (app.py opens the saved one); by default one that lives in memory only.
        self.profile = profile if profile is not None else Profile()
        self.controller = CheckController(engine, parent=self, profile=self.profile)
        self.editor = SuggestionEditor(self.controller, self)
        self.recorder = ProfileRecorder(self.editor, self.profile, self)
        self.setCentralWidget(self.editor)
        self.path: Path | None = None
        self.autosave = autosave or Autosave()
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_IDLE_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._build_panel()
        self._build_status()
        self._build_menus()
        self.controller.checked.connect(self._on_checked)
        self.controller.busy.connect(self._on_busy)
        self.controller.model_state.connect(self._on_model_state)
        self.controller.model_problem.connect(self._on_model_problem)
        self.controller.failed.connect(lambda _rid, msg: self.statusBar().showMessage(f"check failed: {msg}", 8000))
        self.editor.suggestions_changed.connect(self._refresh_panel)
        self.editor.learning_feedback.connect(lambda ok, msg: self.statusBar().showMessage(msg, 6000))
        self.recorder.recorded.connect(lambda msg: self.statusBar().showMessage(msg, 4000))
        self.editor.document().modificationChanged.connect(self._update_title)
        self.editor.textChanged.connect(self._autosave_timer.start)
        from .local_server import EditorServer

        self.local_server = EditorServer(self.controller, self)  # the Settings switch for other apps
        self.apply_settings()
        self._update_title()
        self.resize(1000, 680)
        if model_factory is not None:
            self.controller.start_model(model_factory)
        else:
            self._on_model_state("off")

    # -- building ---------------------------------------------------------------------------
    def _build_panel(self) -> None:
        self.panel = QListWidget()
        # Long explanations wrap onto more lines rather than being cut off at the dock's edge; the
        # font follows the reading font setting (apply_settings).
        self.panel.setWordWrap(True)
        self.panel.setTextElideMode(Qt.ElideNone)
        self.panel.setResizeMode(QListWidget.Adjust)
        self.panel.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.panel.itemActivated.connect(self._panel_jump)
        self.panel.itemClicked.connect(self._panel_jump)
        dock = QDockWidget("Suggestions", self)
        dock.setObjectName("suggestions")
        dock.setWidget(self.panel)
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        self.dock = dock

    def _build_status(self) -> None:
        self.engine_label = QLabel()
        self.checking_label = QLabel()
        self.latency_label = QLabel()
        for w in (self.checking_label, self.latency_label, self.engine_label):
            self.statusBar().addPermanentWidget(w)

    def _action(self, menu, label, slot, key=None, checkable=False):
        act = QAction(label, self)
        if key:
            act.setShortcut(QKeySequence(key))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu("&File")
        self._action(f, "&New", self.new_file, QKeySequence.New)
        self._action(f, "&Open...", self.open_dialog, QKeySequence.Open)
        self.recent_menu = f.addMenu("Open &Recent")
        self._action(f, "&Save", self.save, QKeySequence.Save)
        self._action(f, "Save &As...", self.save_as, QKeySequence.SaveAs)
        f.addSeparator()
        self._action(f, "Se&ttings...", self.open_settings, "Ctrl+,")
        self._action(f, "&Quit", self.close, QKeySequence.Quit)
        e = bar.addMenu("&Edit")
        self._action(e, "&Undo", self.editor.undo, QKeySequence.Undo)
        self._action(e, "&Redo", self.editor.redo, QKeySequence.Redo)
        c = bar.addMenu("&Check")
        self._action(c, "Check now", self.check_all_now, "Ctrl+Return")
        self._action(c, "Next suggestion", self.editor.next_suggestion, "F7")
        self._action(c, "Previous suggestion", self.editor.previous_suggestion, "Shift+F7")
        self._action(c, "Suggestions at cursor", self.editor.popup_at_cursor, "Ctrl+.")
        c.addSeparator()
        self._action(c, "Accept all", self.editor.accept_all, "Ctrl+Shift+A")
        self._action(c, "Reject all", self.editor.reject_all, "Ctrl+Shift+R")
        v = bar.addMenu("&View")
        self.dark_action = self._action(v, "Dark theme", self.toggle_theme, "Ctrl+Shift+D", checkable=True)
        v.addAction(self.dock.toggleViewAction())
        modes = QActionGroup(self)
        self.mode_actions = {}
        for key, label in (("get-it-done", "Mode: Get it done"), ("learning", "Mode: Learning")):
            act = self._action(v, label, lambda _=False, k=key: self.set_mode(k), checkable=True)
            modes.addAction(act)
            self.mode_actions[key] = act
        s = bar.addMenu("&Speech")
        self.read_action = self._action(s, "Read aloud", self.read_aloud, "Ctrl+Shift+S")

    # -- settings -------------------------------------------------------------------------------
    def apply_settings(self) -> None:
        s = self.settings
        family = reading_font_family(s.font_family)
        self.editor.apply_display(s.font_size, s.line_spacing, family)
        self.panel.setFont(self.editor.font())  # the same reading font and size as the text
        QApplication.instance().setPalette(palette(s.theme))
        self.editor.colours = {**UNDERLINES.get(s.theme, UNDERLINES["light"]), **(s.underline_colours if s.theme == "light" else {})}
        self.editor._paint()
        self.dark_action.setChecked(s.theme == "dark")
        self.editor.learning = s.mode == "learning"
        self.mode_actions[s.mode].setChecked(True)
        if self.profile.enabled != s.learn_from_me:
            self.profile.enabled = s.learn_from_me
            self.controller.forget_cached()
        lexicon = self.controller.engine.lexicon  # shared by the fast and the model engine
        if lexicon.spelling != (preferred := spelling_preference(s.spelling)):
            lexicon.spelling = preferred
            self.controller.forget_cached()
            self.editor.check_now()  # the marks on screen follow the new choice at once
        from .speech import Speaker

        self.editor.speaker = Speaker(voice=s.speech_voice, rate=s.speech_rate)
        self.read_action.setEnabled(self.editor.speaker.available)
        self.read_action.setToolTip(self.editor.speaker.reason)
        self._rebuild_recent()
        if message := self.local_server.apply(s):
            self.statusBar().showMessage(message, 10000)

    def _store_settings(self) -> None:
        if self.persist_settings:
            save_settings(self.settings)

    def toggle_theme(self) -> None:
        self.settings.theme = "dark" if self.settings.theme == "light" else "light"
        self.apply_settings()
        self._store_settings()

    def set_mode(self, mode: str) -> None:
        self.settings.mode = mode
        self.editor.learning = mode == "learning"
        self._store_settings()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self, profile=self.profile, dictionary=self.controller.engine.personal)
        accepted = dlg.exec()
        if dlg.learned_page.changed:
            self.controller.forget_cached()  # pairs were deleted: cached answers may still use them
            self.editor.check_now()
        if accepted:
            old_model = (self.settings.engine, self.settings.model)
            self.settings = dlg.result_settings()
            self.apply_settings()
            self._store_settings()
            if (self.settings.engine, self.settings.model) != old_model:
                self.restart_model()

    def restart_model(self) -> None:
        factory = model_factory_for(self.settings, self.controller.engine, self.profile)
        if factory is None:
            self.controller.stop_model()
        else:
            self.controller.start_model(factory)

    # -- status and panel -----------------------------------------------------------------------
    def _on_model_state(self, state: str) -> None:
        if not state.startswith("unavailable"):
            self.engine_label.setToolTip("")
        if state == "ready":
            # Asked only once a model is loaded: detection loads llama.cpp, which would slow the start.
            from ..runtime.hardware import machine

            hw = machine()
            device = "GPU" if (hw.gpu_offload and hw.best_gpu and hw.best_gpu.discrete) else "CPU"
            name = self.settings.model or "gemma3-270m (embedded)"
            text = f"fast + model: {name} · {device}"
        elif state == "loading":
            text = "fast engine · loading model..."
        elif state.startswith("unavailable"):
            text = "fast engine only (context checks off)"  # model_problem says why (_on_model_problem)
        else:
            text = "fast engine · CPU"
        self.engine_label.setText(text)

    def _on_model_problem(self, problem) -> None:
        """Why the model cannot be used, in plain words; the label's tooltip keeps the details and the fix."""
        self.statusBar().showMessage(problem.status_line(), 60000)
        self.engine_label.setToolTip(f"{problem.detail}\nTo fix it: {problem.fix}\n(dyslexic-writer doctor checks everything)")

    def _on_busy(self, busy: bool) -> None:
        self.checking_label.setText("checking..." if busy else "")

    def _on_checked(self, _rid, result, stage) -> None:
        self.latency_label.setText(f"last check ({stage}): {result.elapsed_ms:.0f} ms")

    def _refresh_panel(self, *_):
        self.panel.clear()
        for s in self.editor.suggestions:
            if s.replacements:
                change = f"\u2192 {s.best}"
            else:
                change = f"(maybe {' or '.join(s.maybe[:2])}?)" if s.maybe else "(no suggestion)"
            item = QListWidgetItem(f"{s.original} {change}   ({s.kind})")
            item.setToolTip(s.explanation)
            item.setData(Qt.UserRole, s)
            self.panel.addItem(item)

    def _panel_jump(self, item: QListWidgetItem) -> None:
        s = item.data(Qt.UserRole)
        if s is not None:
            self.editor.jump_to(s)

    def check_all_now(self) -> None:
        self.editor.check_now()
        self.editor.check_model_now()

    def read_aloud(self) -> None:
        self.editor.hear(self.editor.current_sentence())

    def _update_title(self, *_):
        name = self.path.name if self.path else "Untitled"
        star = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{name}{star} - Dyslexic Writer")

    # -- files ----------------------------------------------------------------------------------
    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_files:
            self.recent_menu.addAction(p, lambda _=False, q=p: self.maybe_keep() and self.load(Path(q)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _remember(self, path: Path) -> None:
        p = str(Path(path).resolve())
        self.settings.recent_files = [p] + [q for q in self.settings.recent_files if q != p][:9]
        self._rebuild_recent()
        self._store_settings()

    def load(self, path: Path) -> bool:
        try:
            text, note = read_document(Path(path))
        except (OSError, UnicodeDecodeError, DocumentError) as exc:
            what = "a Word document" if is_word(path) else "UTF-8 text"
            QMessageBox.warning(self, "Cannot open", f"{path} could not be opened as {what}:\n{exc}")
            return False
        self.editor.setPlainText(text)
        self.editor.apply_display(self.settings.font_size, self.settings.line_spacing, reading_font_family(self.settings.font_family))
        self.path = Path(path)
        self.editor.document().setModified(False)
        self._remember(self.path)
        self._update_title()
        self.check_all_now()
        if note:
            self.statusBar().showMessage(note, 15000)  # formatting the editor does not keep
        return True

    def write(self, path: Path) -> bool:
        try:
            write_document(Path(path), self.editor.toPlainText())
        except (OSError, DocumentError) as exc:
            QMessageBox.warning(self, "Cannot save", f"{path} could not be saved:\n{exc}")
            return False
        self.path = Path(path)
        self.editor.document().setModified(False)
        self.autosave.clear()
        self._remember(self.path)
        self._update_title()
        return True

    def autosave_now(self) -> None:
        if self.editor.document().isModified():
            try:
                self.autosave.save(self.editor.toPlainText(), self.path)
            except OSError as exc:
                self.statusBar().showMessage(f"Autosave failed: {exc}", 8000)

    def offer_recovery(self) -> bool:
        """After a crash: put the unsaved text back if the writer wants it."""
        pending = self.autosave.pending()
        if pending is None:
            return False
        text, source = pending
        if not text.strip() or not self.ask_restore(source):
            self.autosave.clear()
            return False
        self.editor.setPlainText(text)
        self.path = source
        self.editor.document().setModified(True)
        self._update_title()
        return True

    def ask_restore(self, source: Path | None) -> bool:
        """A method so tests can answer without a modal dialog."""
        where = f" of {source.name}" if source else ""
        return QMessageBox.question(
            self, "Restore unsaved work?",
            f"Dyslexic Writer did not close properly last time. Restore the unsaved text{where}?",
        ) == QMessageBox.Yes

    def new_file(self) -> None:
        if self.maybe_keep():
            self.editor.clear()
            self.path = None
            self.editor.document().setModified(False)
            self.autosave.clear()

    def open_dialog(self) -> None:
        if not self.maybe_keep():
            return
        name, _ = QFileDialog.getOpenFileName(self, "Open", "", OPEN_FILTER)
        if name:
            self.load(Path(name))

    def save(self) -> bool:
        return self.write(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        name, chosen = QFileDialog.getSaveFileName(self, "Save as", str(self.path or "untitled.txt"), SAVE_FILTER)
        return self.write(save_path(name, chosen)) if name else False

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
        self.autosave_now()  # on quit too, in case the answer below is Cancel and the machine dies
        if self.maybe_keep():
            self.autosave.clear()  # saved, or the writer chose to discard it
            self.local_server.stop()  # before the model worker its requests may be waiting on
            self.controller.shutdown()
            event.accept()
        else:
            event.ignore()
