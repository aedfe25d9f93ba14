"""When the context model cannot be used, the status bar says so and why in plain words; the start-up
splash shows progress while the model's chunks are joined; the fast checks made while typing run on
their own thread."""

import threading

import pytest

pytest.importorskip("PySide6")


from dyslexic_writer.gui.model_factory import model_factory_for  # noqa: E402
from dyslexic_writer.runtime import embedded  # noqa: E402
from dyslexic_writer.runtime.embedded import EmbeddedModelError  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402

DISK_FULL = ("not enough free disk space in /x to prepare the embedded model: it needs 266 MB, 20 MB are free")
DISK_FULL_FACTS = {"folder": "/x", "needed_mb": 266, "free_mb": 20}


@pytest.fixture
def window(make_window):
    return make_window(Settings())


def fail_with(monkeypatch, message, cause, **facts):
    def broken(models_dir=None, on_progress=None):
        raise EmbeddedModelError(message, cause, **facts)

    monkeypatch.setattr(embedded, "embedded_model_path", broken)


def start_and_wait_for_problem(qtbot, window, factory):
    with qtbot.waitSignal(window.controller.model_problem, timeout=10000) as blocker:
        window.controller.start_model(factory)
    qtbot.waitUntil(lambda: "context checks off" in window.engine_label.text(), timeout=5000)
    return blocker.args[0]


def test_a_full_disk_is_named_in_the_status_bar(qtbot, window, engine, monkeypatch):
    fail_with(monkeypatch, DISK_FULL, "disk_space", **DISK_FULL_FACTS)
    problem = start_and_wait_for_problem(qtbot, window, model_factory_for(Settings(), engine))
    assert problem.cause == "disk_space" and (problem.needed_mb, problem.free_mb, problem.folder) == (266, 20, "/x")
    assert window.statusBar().currentMessage() == (
        "Context checks are off: not enough free disk space for the model (needs 266 MB, 20 MB free). "
        "Spelling checks still work.")
    assert "/x" in window.engine_label.toolTip() and "free 246 MB" in window.engine_label.toolTip()
    # spelling still works
    with qtbot.waitSignal(window.editor.suggestions_changed, timeout=5000):
        qtbot.keyClicks(window.editor, "teh ")
    assert window.editor.suggestions[0].best == "the"


@pytest.mark.parametrize("cause, words", [("corrupt", "the model file is damaged"),
                                          ("missing", "the model is not installed")])
def test_a_damaged_or_missing_model_is_named(qtbot, window, engine, monkeypatch, cause, words):
    fail_with(monkeypatch, "the embedded model's files are damaged (checksum mismatch)", cause)
    start_and_wait_for_problem(qtbot, window, model_factory_for(Settings(), engine))
    assert window.statusBar().currentMessage() == f"Context checks are off: {words}. Spelling checks still work."
    assert "reinstall" in window.engine_label.toolTip()


def test_a_llama_cpp_that_cannot_run_the_model_is_named(qtbot, window, engine, monkeypatch, tmp_path):
    from dyslexic_writer.runtime import hardware, llama

    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF" + bytes(2000))
    monkeypatch.setattr(embedded, "embedded_model_path", lambda models_dir=None, on_progress=None: gguf)
    monkeypatch.setattr(hardware, "run_settings_for", lambda path: (1, 0))

    def old_build(*_a, **_k):
        raise llama.ModelLoadError(f"llama.cpp could not load {gguf} (truncated or unsupported file?)")

    monkeypatch.setattr(llama, "LlamaScorer", old_build)
    problem = start_and_wait_for_problem(qtbot, window, model_factory_for(Settings(), engine))
    assert problem.cause == "llama_build"
    assert "the installed llama.cpp cannot run the model" in window.statusBar().currentMessage()


def test_any_other_failure_still_says_context_checks_are_off(qtbot, window):
    def broken():
        raise RuntimeError("something odd")

    start_and_wait_for_problem(qtbot, window, broken)
    assert window.statusBar().currentMessage().startswith("Context checks are off: ")
    assert "something odd" in window.engine_label.toolTip()


def test_the_splash_shows_the_chunks_being_joined(qtbot, monkeypatch):
    from dyslexic_writer.gui.app import prepare_embedded_model
    from dyslexic_writer.gui.splash import StartupSplash

    def joining(models_dir=None, on_progress=None):
        for done in (0, 100 << 20, 266 << 20):
            on_progress(done, 266 << 20)
        return "/cache/model.gguf"

    monkeypatch.setattr(embedded, "embedded_model_path", joining)
    splash = StartupSplash()
    qtbot.addWidget(splash)
    assert prepare_embedded_model(Settings(), splash) is None
    assert splash.shown_progress[-1] == (266 << 20, 266 << 20)
    assert splash.bar.maximum() == 266 and splash.bar.value() == 266 and "266 of 266 MB" in splash.bar.text()
    assert not splash.isVisible()  # gone once done
    assert prepare_embedded_model(Settings(engine="fast"), splash) is None  # no model: nothing to prepare


def test_a_failure_under_the_splash_reaches_the_status_bar_without_a_second_try(qtbot, window, engine, monkeypatch):
    from dyslexic_writer.gui.app import prepare_embedded_model
    from dyslexic_writer.gui.splash import StartupSplash

    fail_with(monkeypatch, DISK_FULL, "disk_space", **DISK_FULL_FACTS)
    splash = StartupSplash()
    qtbot.addWidget(splash)
    failed = prepare_embedded_model(Settings(), splash)
    assert isinstance(failed, EmbeddedModelError) and failed.cause == "disk_space"
    monkeypatch.setattr(embedded, "embedded_model_path", lambda **_k: pytest.fail("tried again"))
    start_and_wait_for_problem(qtbot, window, model_factory_for(Settings(), engine, failed=failed))
    assert "needs 266 MB, 20 MB free" in window.statusBar().currentMessage()


def test_the_splash_runs_slow_work_off_the_gui_thread_and_hands_back_errors(qtbot):
    from dyslexic_writer.gui.splash import StartupSplash

    splash = StartupSplash()
    qtbot.addWidget(splash)
    gui = threading.current_thread()
    assert splash.run("Preparing the dictionary...", lambda report: threading.current_thread() is not gui)
    with pytest.raises(ValueError, match="boom"):
        splash.run("...", lambda report: (_ for _ in ()).throw(ValueError("boom")))
    assert not [t for t in threading.enumerate() if t.name == "startup"]


def test_typing_checks_run_on_the_fast_thread_and_stop_with_the_window(qtbot, window):
    with qtbot.waitSignal(window.controller.checked, timeout=10000) as blocker:
        rid = window.controller.request_soon("I went to teh shop.")
    assert blocker.args[0] == rid and blocker.args[1].suggestions[0].best == "the"
    assert not window.controller.fast_pending
    thread = window.controller.fast_worker._thread
    window.controller.shutdown()
    assert not thread.is_alive() and window.controller.fast_worker is None
    assert window.controller.request_soon("teh") > rid  # after shutdown: answered inline
