"""Checking only the sentences that changed: results are cached by sentence text.

While the writer types, almost every sentence of a document is the same as at the last check;
re-checking only the changed ones keeps the model's work to the sentence being written.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import replace

from .text import SENTENCE_RE
from .types import CheckResult, Suggestion


class SentenceCache:
    def __init__(self, engine, size: int = 2000):
        self.engine = engine
        self.name = getattr(engine, "name", "engine")
        self._cache: OrderedDict[str, tuple[Suggestion, ...]] = OrderedDict()
        self.size = size
        self.misses = 0

    def __getattr__(self, item):
        return getattr(self.engine, item)  # personal, ignored, fast, cancelled...

    def clear(self) -> None:
        self._cache.clear()

    def forget(self, words) -> None:
        """Drop only the cached sentences that contain one of these words (in any case): what the
        writer's profile just learned about them may change those answers, and no others."""
        words = [w.lower() for w in words if w]
        for sentence in list(self._cache):  # a snapshot: the model's worker thread may be adding
            if any(w in sentence.lower() for w in words):
                self._cache.pop(sentence, None)

    def check(self, text: str) -> CheckResult:
        t0 = time.perf_counter()
        out: list[Suggestion] = []
        for m in SENTENCE_RE.finditer(text):
            s, e = m.span()
            sentence = text[s:e]
            if not sentence.strip():
                continue
            found = self._cache.get(sentence)
            if found is None:
                self.misses += 1
                found = self.engine.check(sentence).suggestions
                self._cache[sentence] = found
                if len(self._cache) > self.size:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(sentence)
            out.extend(replace(x, start=x.start + s, end=x.end + s) for x in found)
        return CheckResult(text, tuple(out), self.name, (time.perf_counter() - t0) * 1000)
