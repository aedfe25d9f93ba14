"""`dyslexic-writer bench-typing`: types a 300-word text into the real window (offscreen) with the
engines running, and reports keystroke-to-paint times and how long the last mark takes to appear."""

from __future__ import annotations

import statistics
import time

TEXT = (
    "Last weekend my famly went to the beach becuz the wether was warm. We packed sandwitches, "
    "apples and a big bottle of water. When we got their the sand was hot and the waves were loud. "
    "My little brother wanted to bild a castle, so we dug a deep hole and filled it with water. "
    "Im not sure why, but the castle kept falling down. Dad said we needed wetter sand, so we "
    "carryed buckets from the sea. After lunch we went swimming and I saw a crab hiding under a rock. "
    "It pinched my toe and I screamed so loud that evryone laughed. Mum put a plaster on it and said "
    "I was very brave. Later we played frisbee untill the sun started to go down. The sky turned pink "
    "and orange and it looked beautiful. On the way home we stopped for ice cream. I chose chocolate "
    "and my brother chose strawberry, but he dropped his on the floor and cried. Dad bought him "
    "anuther one. When we got home I was so tired that I fell asleep on the sofa. It was the best day "
    "of the summer and I cant wait to go back next year. Next time I want to bring my freind Sam "
    "becuase he has never seen the sea. We will bild an even bigger castle and look for more crabs, "
    "but this time I will wear shoes so nobody pinches my toes. I think we should also bring a kite, "
    "because the wind by the water is perfect for flying one high up in the sky all afternoon long."
)


def run(engine_name: str = "fast", words: int = 300, model: str | None = None) -> dict:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ..assemble import make_engine
    from ..gui.autosave import Autosave
    from ..gui.main_window import MainWindow
    from ..settings import Settings

    app = QApplication.instance() or QApplication([])
    fast = make_engine("fast", notify=lambda m: None)
    def make_model():
        return make_engine("model", model, notify=lambda m: None)

    factory = None if engine_name == "fast" else make_model

    import tempfile
    from pathlib import Path

    window = MainWindow(fast, Settings(), model_factory=factory,
                        autosave=Autosave(Path(tempfile.mkdtemp()) / "autosave"), persist_settings=False)
    window.ask_unsaved = lambda: None
    window.resize(1000, 700)
    window.show()
    editor = window.editor
    editor.setFocus()

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Paint:
                self.painted = True
            return False

    watch = PaintWatch()
    editor.viewport().installEventFilter(watch)
    if factory is not None:
        deadline = time.perf_counter() + 60
        while not window.controller.model_ready and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)
    base = TEXT.split()
    text = " ".join((base * (words // len(base) + 1))[:words])
    latencies = []
    marks_seen_at = {}
    last_key = 0.0
    window.controller.checked.connect(lambda rid, result, stage: marks_seen_at.__setitem__(result.text, time.perf_counter()))
    for ch in text:
        watch.painted = False
        t0 = time.perf_counter()
        QTest.keyClicks(editor, ch)
        while not watch.painted and time.perf_counter() - t0 < 2:
            app.processEvents()
        latencies.append((time.perf_counter() - t0) * 1000)
        last_key = time.perf_counter()
    final = editor.toPlainText()
    deadline = time.perf_counter() + 120
    want_model = factory is not None and window.controller.model_ready
    while time.perf_counter() < deadline:
        app.processEvents()
        done_fast = final in marks_seen_at
        done_model = not want_model or (window.controller.latest_for("model") and not window.checking_label.text())
        if done_fast and done_model and final in marks_seen_at:
            break
        time.sleep(0.005)
    settle = (max(marks_seen_at.get(final, last_key), last_key) - last_key) * 1000
    marks = len(editor.suggestions)
    window.editor.document().setModified(False)
    window.controller.shutdown()
    window.close()
    return {
        "engine": engine_name,
        "keystrokes": len(latencies),
        "median_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(sorted(latencies)[int(0.95 * len(latencies)) - 1], 2),
        "worst_ms": round(max(latencies), 2),
        "last_mark_after_ms": round(settle, 1),
        "marks": marks,
    }
