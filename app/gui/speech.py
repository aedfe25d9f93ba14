"""Text to speech through QtTextToSpeech, when the platform has an engine; otherwise a clear reason."""

from __future__ import annotations


class Speaker:
    def __init__(self, engine_name: str | None = None, voice: str = "", rate: float = 0.0):
        self.tts = None
        self.reason = ""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:
            self.reason = f"speech is not available here ({exc})"
            return
        engines = QTextToSpeech.availableEngines()
        if engine_name is None:
            engine_name = next((e for e in engines if e != "mock"), None)
        if not engine_name:
            self.reason = "no text-to-speech engine is installed (on Linux: speech-dispatcher and espeak-ng)"
            return
        tts = QTextToSpeech(engine_name)
        if tts.state() == QTextToSpeech.State.Error:
            self.reason = f"the {engine_name} speech engine is not running ({tts.errorString() or 'no details'})"
            return
        self.tts = tts
        self.tts.setRate(max(-1.0, min(1.0, rate)))
        if voice:
            for v in self.tts.availableVoices():
                if v.name() == voice:
                    self.tts.setVoice(v)
                    break

    @property
    def available(self) -> bool:
        return self.tts is not None

    def say(self, text: str) -> bool:
        if self.tts is None or not text.strip():
            return False
        self.tts.say(text)
        return True

    def voices(self) -> list[str]:
        return [v.name() for v in self.tts.availableVoices()] if self.tts is not None else []
