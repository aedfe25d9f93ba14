import pytest

pytest.importorskip("PySide6")


def test_mock_engine_speaks(qtbot):
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        pytest.skip("QtTextToSpeech needs libpulse0 here")
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("no mock speech engine in this Qt build")
    from dyslexic_writer.gui.speech import Speaker

    s = Speaker("mock")
    assert s.available
    with qtbot.waitSignal(s.tts.stateChanged, timeout=5000):
        assert s.say("hello there")
    assert not s.say("   ")


def test_missing_engine_gives_a_reason(monkeypatch):
    from dyslexic_writer.gui.speech import Speaker

    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        s = Speaker()
        assert not s.available and "not available" in s.reason
        return
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    s = Speaker()
    assert not s.available and "speech-dispatcher" in s.reason
