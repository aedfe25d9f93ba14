"""Two engines as one: a primary's suggestions, plus a secondary's where the primary said nothing."""

from __future__ import annotations

import time

from .types import CheckResult, Engine, WrapsFast


class CombinedEngine(WrapsFast):
    """Suggestions from a primary engine, plus a secondary's where the primary said nothing."""

    def __init__(self, primary: Engine, secondary: Engine, name: str = "auto"):
        self.primary, self.secondary, self.name = primary, secondary, name
        self.fast = primary.fast

    def check(self, text: str) -> CheckResult:
        t0 = time.perf_counter()
        first = list(self.primary.check(text).suggestions)
        for s in self.secondary.check(text).suggestions:
            if all(s.end <= p.start or p.end <= s.start for p in first):
                first.append(s)
        first.sort(key=lambda s: s.start)
        return CheckResult(text, tuple(first), self.name, (time.perf_counter() - t0) * 1000)
