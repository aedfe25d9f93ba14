"""The Settings switch "Let my other apps use Dyslexic Writer": the server runs inside the editor,
answers through the editor's own engines, and stops with no thread left."""

import json
import threading
import urllib.request

import pytest

pytest.importorskip("PySide6")


from dyslexic_writer.engine.types import CheckResult, Suggestion  # noqa: E402
from dyslexic_writer.gui.settings_dialog import SettingsDialog  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402


def server_threads():
    return [t.name for t in threading.enumerate()
            if t.name.startswith("dw-server") or "process_request_thread" in t.name]


@pytest.fixture
def window(make_window):
    w = make_window(Settings(server_port=0))
    yield w
    w.local_server.stop()


def ask_in_background(port: int, text: str) -> dict:
    """POST a check from another thread, as another app would; the GUI thread keeps running meanwhile."""
    box: dict = {}

    def go():
        body = f"language=en-US&text={urllib.request.quote(text)}".encode()
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with direct.open(urllib.request.Request(f"http://127.0.0.1:{port}/v2/check", body), timeout=30) as r:
                box["answer"] = json.loads(r.read())
        except Exception as exc:  # noqa: BLE001 - the test reports it
            box["error"] = exc

    threading.Thread(target=go, daemon=True).start()
    return box


def toggle(window, on: bool) -> None:
    window.settings.share_with_apps = on
    window.apply_settings()


def test_the_switch_starts_a_server_that_answers_then_stops_it(qtbot, window):
    assert not window.local_server.running
    toggle(window, True)
    assert window.local_server.running and "Other apps can use" in window.statusBar().currentMessage()
    box = ask_in_background(window.local_server.server.port, "I went to teh libary.")
    qtbot.waitUntil(lambda: bool(box), timeout=20000)
    assert "error" not in box, box
    assert [m["replacements"][0]["value"] for m in box["answer"]["matches"]] == ["the", "library"]
    toggle(window, False)
    assert not window.local_server.running and server_threads() == []


def test_the_writers_own_words_count_at_once(qtbot, window):
    toggle(window, True)
    window.controller.engine.personal.add("Zorblatic")
    window.controller.forget_cached()
    try:
        box = ask_in_background(window.local_server.server.port, "Zorblatic went to teh shop.")
        qtbot.waitUntil(lambda: bool(box), timeout=20000)
        assert [m["length"] for m in box["answer"]["matches"]] == [3]
    finally:
        window.controller.engine.personal.remove("Zorblatic")


class FakeModel:
    name = "model"

    def __init__(self):
        self.threads = []

    def check(self, text):
        self.threads.append(threading.current_thread().name)
        i = text.find("their")
        sugs = (Suggestion(i, i + 5, "their", ("there",), "homophone", 0.9, "model"),) if i >= 0 else ()
        return CheckResult(text, sugs, "model")


def test_with_the_model_ready_requests_go_to_its_worker(qtbot, window):
    model = FakeModel()
    with qtbot.waitSignal(window.controller.model_state, timeout=5000, check_params_cb=lambda s: s == "ready"):
        window.controller.start_model(lambda: model)
    toggle(window, True)
    box = ask_in_background(window.local_server.server.port, "We went their.")
    qtbot.waitUntil(lambda: bool(box), timeout=20000)
    (m,) = box["answer"]["matches"]
    assert m["rule"]["category"]["id"] == "CONFUSED_WORDS" and m["replacements"] == [{"value": "there"}]
    assert set(model.threads) == {"model-worker"}  # no second model, no second thread running it


def test_the_switch_is_in_the_settings_dialog(qtbot):
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    assert "other apps" in dlg.share_box.text() and not dlg.share_box.isChecked()
    dlg.share_box.setChecked(True)
    assert dlg.result_settings().share_with_apps is True


def test_a_taken_port_is_reported_not_fatal(qtbot, window):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        window.settings.server_port = taken.getsockname()[1]
        toggle(window, True)
        assert not window.local_server.running
        assert "cannot use" in window.statusBar().currentMessage()
    assert server_threads() == []
