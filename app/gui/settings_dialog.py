"""Settings: the model (recommended for this machine, alternatives, download with progress and
cancel, or the fast engine only), display, mode and speech."""

from __future__ import annotations

import dataclasses
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..settings import Settings

FAST_ONLY = "__fast__"


class _DownloadSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(str)  # "" on success, else the error


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None, profile=None, dictionary=None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = dataclasses.replace(settings)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.signals = _DownloadSignals()
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        layout = QVBoxLayout(self)
        layout.addWidget(self._model_box())
        layout.addWidget(self._display_box())
        from .learned_page import LearnedPage

        self.learned_page = LearnedPage(profile, self._settings.learn_from_me, dictionary)
        layout.addWidget(self.learned_page)
        from .local_server import share_checkbox

        self.share_box = share_checkbox(self._settings)
        layout.addWidget(self.share_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- model ------------------------------------------------------------------------------
    def _model_box(self) -> QWidget:
        from ..runtime.catalog import load_catalog
        from ..runtime.hardware import machine, recommend

        box = QWidget()
        form = QFormLayout(box)
        cat = load_catalog()
        rec = recommend(machine(), cat)
        self.model_combo = QComboBox()
        for e in cat:
            tag = " - recommended for this computer" if e.id == rec.model_id else ""
            # Only figures our own strict benchmark measured; everything else says so.
            score = f", {e.score_label()}"
            if e.embedded:
                self.model_combo.insertItem(0, f"Embedded default: {e.name.split(' (')[0]} (no download){score}{tag}", None)
                continue
            why = e.unavailable_reason()
            self.model_combo.addItem(f"{e.name}: {e.size_mb} MB{score}{tag}" + (" (not published yet)" if why else ""), e.id)
            if why:
                # Shown so the line-up is visible, but greyed: it cannot be downloaded or chosen.
                item = self.model_combo.model().item(self.model_combo.count() - 1)
                item.setEnabled(False)
                item.setToolTip(why)
        self.model_combo.addItem("Fast engine only (no model)", FAST_ONLY)
        current = FAST_ONLY if self._settings.engine == "fast" else self._settings.model
        idx = self.model_combo.findData(current)
        if idx >= 0 and not self.model_combo.model().item(idx).isEnabled():
            idx = 0  # a saved choice that is no longer offered
        self.model_combo.setCurrentIndex(max(0, idx))
        form.addRow("Model:", self.model_combo)
        hw = machine()
        form.addRow("", QLabel(f"This computer: {hw.describe()}"))
        advice = hw.advice()
        if not advice.ok:
            # The reason and the fix for an unused GPU, selectable so the command can be copied.
            self.gpu_label = QLabel(f"GPU not used: {advice.reason}.\nTo use it: {advice.fix}")
            self.gpu_label.setWordWrap(True)
            self.gpu_label.setTextInteractionFlags(self.gpu_label.textInteractionFlags() | Qt.TextSelectableByMouse)
            form.addRow("", self.gpu_label)
        row = QHBoxLayout()
        self.download_button = QPushButton("Download")
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button = QPushButton("Cancel download")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_label = QLabel("")
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress)
        form.addRow("", self._wrap(row))
        form.addRow("", self.progress_label)
        return box

    @staticmethod
    def _wrap(layout) -> QWidget:
        w = QWidget()
        w.setLayout(layout)
        return w

    def start_download(self) -> None:
        model_id = self.model_combo.currentData()
        if model_id in (None, FAST_ONLY):
            self.progress_label.setText("Nothing to download for this choice.")
            return
        from ..runtime.catalog import default_models_dir, find
        from ..runtime.download import DownloadOptions, download

        entry = find(model_id)
        if entry.unavailable_reason():
            self.progress_label.setText(f"{entry.name} is {entry.unavailable_reason()}.")
            return
        self._cancel.clear()
        self.download_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress_label.setText(f"Downloading {entry.name}...")
        opts = DownloadOptions(default_models_dir(), progress=self.signals.progress.emit, cancel=self._cancel)

        def work():
            try:
                download(entry, opts)
            except Exception as exc:  # noqa: BLE001 - reported in the dialog
                self.signals.finished.emit(str(exc) or type(exc).__name__)
            else:
                self.signals.finished.emit("")

        self._thread = threading.Thread(target=work, name="model-download", daemon=True)
        self._thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setValue(int(100 * done / total))
            self.progress_label.setText(f"{done / 2**20:.0f} of {total / 2**20:.0f} MB")

    def _on_finished(self, error: str) -> None:
        self.download_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(f"Download stopped: {error}" if error else "Downloaded and checked.")
        if not error:
            self.progress.setValue(100)

    def wait_for_download(self, timeout: float = 30) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    # -- display, mode, speech -------------------------------------------------------------------
    def _display_box(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.font_combo = QFontComboBox()
        if self._settings.font_family:
            self.font_combo.setCurrentText(self._settings.font_family)
        self.size_spin = QSpinBox(minimum=10, maximum=48, value=self._settings.font_size)
        self.spacing_spin = QDoubleSpinBox(minimum=1.0, maximum=3.0, singleStep=0.1, value=self._settings.line_spacing)
        self.theme_combo = QComboBox()
        self.theme_combo.addItems(["light", "dark"])
        self.theme_combo.setCurrentText(self._settings.theme)
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("Get it done (click to replace)", "get-it-done")
        self.mode_combo.addItem("Learning (type the word yourself)", "learning")
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(self._settings.mode)))
        self.spelling_combo = QComboBox()
        for label, value in (("As the computer's language", "auto"), ("British (colour, centre)", "british"),
                             ("American (color, center)", "american"), ("Either", "either")):
            self.spelling_combo.addItem(label, value)
        self.spelling_combo.setCurrentIndex(max(0, self.spelling_combo.findData(self._settings.spelling)))
        self.colour_button = QPushButton(self._settings.underline_colours.get("default", "#8e44ad"))
        self.colour_button.clicked.connect(self._pick_colour)
        from .speech import Speaker

        self.voice_combo = QComboBox()
        voices = Speaker().voices()
        self.voice_combo.addItem("System default", "")
        for v in voices:
            self.voice_combo.addItem(v, v)
        self.voice_combo.setCurrentIndex(max(0, self.voice_combo.findData(self._settings.speech_voice)))
        self.rate_slider = QSlider()
        self.rate_slider.setOrientation(self.rate_slider.orientation().Horizontal)
        self.rate_slider.setRange(-10, 10)
        self.rate_slider.setValue(int(self._settings.speech_rate * 10))
        form.addRow("Font:", self.font_combo)
        form.addRow("Size:", self.size_spin)
        form.addRow("Line spacing:", self.spacing_spin)
        form.addRow("Theme:", self.theme_combo)
        form.addRow("Mode:", self.mode_combo)
        form.addRow("Spelling:", self.spelling_combo)
        form.addRow("Underline colour:", self.colour_button)
        form.addRow("Voice:", self.voice_combo)
        form.addRow("Speech rate:", self.rate_slider)
        return box

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour_button.text()), self, "Underline colour")
        if colour.isValid():
            self.colour_button.setText(colour.name())

    def result_settings(self) -> Settings:
        s = dataclasses.replace(self._settings)
        choice = self.model_combo.currentData()
        if choice == FAST_ONLY:
            s.engine, s.model = "fast", None
        else:
            s.engine, s.model = "auto", choice
        s.font_family = self.font_combo.currentText()
        s.font_size = self.size_spin.value()
        s.line_spacing = round(self.spacing_spin.value(), 2)
        s.theme = self.theme_combo.currentText()
        s.mode = self.mode_combo.currentData()
        s.spelling = self.spelling_combo.currentData()
        s.underline_colours = {**s.underline_colours, "default": self.colour_button.text()}
        s.speech_voice = self.voice_combo.currentData() or ""
        s.speech_rate = self.rate_slider.value() / 10
        s.learn_from_me = self.learned_page.learning_on()
        s.share_with_apps = self.share_box.isChecked()
        return s.validated()
