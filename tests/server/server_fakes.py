"""A stand-in engine for the server's tests: marks every "teh", and records what it was asked, where."""

from __future__ import annotations

import re
import threading

from dyslexic_writer.engine.types import CheckResult, Kind, Suggestion


class Lexicon:
    spelling = ""


class TehEngine:
    name = "fast"

    def __init__(self, gate: threading.Event | None = None):
        self.lexicon = Lexicon()
        self.calls: list[tuple[str, str, str]] = []  # (text, thread name, spelling)
        self.gate = gate
        self.started = threading.Event()

    def check(self, text: str) -> CheckResult:
        self.started.set()
        if self.gate is not None:
            self.gate.wait(10)
        self.calls.append((text, threading.current_thread().name, self.lexicon.spelling))
        sugs = tuple(Suggestion(m.start(), m.end(), m.group(), ("the",), Kind.SPELLING, 0.9, "fast")
                     for m in re.finditer(r"\bteh\b", text))
        return CheckResult(text, sugs)
