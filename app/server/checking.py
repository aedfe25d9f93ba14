"""The engine behind the server: one thread owns it, and what a client sends again is answered from caches.

Clients send the whole document after every change. Each paragraph (a line) is looked up by its
text and the spelling asked for; a paragraph that changed goes through a sentence cache, so the
engine checks only the sentences that are new. Everything, caches included, is touched on the
engine's own thread: the model is never run from two threads, and requests queue in order.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from typing import Callable

from ..engine.cache import SentenceCache
from ..engine.types import Suggestion

PARAGRAPH_RE = re.compile(r"[^\r\n]+")
PARAGRAPHS_CACHED = 2000  # about two books' worth of paragraphs
WAIT_STEP_S = 0.2  # how often a waiting request looks whether the server is stopping


class CheckerClosed(RuntimeError):
    """The server is stopping; the request is answered with 503."""


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(start, text) of each line with something on it."""
    return [(m.start(), m.group()) for m in PARAGRAPH_RE.finditer(text) if m.group().strip()]


def shifted(suggestions, by: int) -> list[Suggestion]:
    return [replace(s, start=s.start + by, end=s.end + by) for s in suggestions] if by else list(suggestions)


def wait_for(future: Future, closed: threading.Event):
    """The future's result, or CheckerClosed once the server starts stopping."""
    while True:
        try:
            return future.result(timeout=WAIT_STEP_S)
        except CancelledError:  # dropped from the queue by a stopping server
            raise CheckerClosed("the server is stopping") from None
        except FutureTimeout:
            if closed.is_set():
                future.cancel()
                raise CheckerClosed("the server is stopping") from None


class ParagraphChecker:
    """The `serve` command's checker: builds its engine on its own thread and keeps it there."""

    def __init__(self, build_engine: Callable[[], object], size: int = PARAGRAPHS_CACHED):
        self._closed = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dw-server-engine")
        self._engine = self._pool.submit(build_engine)
        self._paragraphs: OrderedDict[tuple[str, str], tuple[Suggestion, ...]] = OrderedDict()
        self._sentences: dict[str, SentenceCache] = {}
        self.size = size
        self.engine_checks = 0  # paragraphs the engine was asked about (cache misses)

    @property
    def sentence_checks(self) -> int:
        """Sentences the engine itself has checked (what the caches could not answer)."""
        return sum(c.misses for c in list(self._sentences.values()))

    def wait_ready(self):
        """The engine, once built (raises what building it raised)."""
        return wait_for(self._engine, self._closed)

    def check(self, text: str, variant: str = "") -> list[Suggestion]:
        """Suggestions for `text`, offsets in code points; `variant` is the spelling asked for."""
        if self._closed.is_set():
            raise CheckerClosed("the server is stopping")
        try:
            future = self._pool.submit(self._check_all, text, variant)
        except RuntimeError:  # shut down between the test above and here
            raise CheckerClosed("the server is stopping") from None
        return wait_for(future, self._closed)

    def _check_all(self, text: str, variant: str) -> list[Suggestion]:
        engine = self._engine.result()
        if self._words_changed(engine):
            self._paragraphs.clear()  # answers given with the old word lists
            self._sentences.clear()
        lexicon = getattr(engine, "lexicon", None)
        if lexicon is not None and lexicon.spelling != variant:
            lexicon.spelling = variant  # safe: only this thread checks with it
        sentences = self._sentences.get(variant)
        if sentences is None:
            sentences = self._sentences[variant] = SentenceCache(engine)
        out: list[Suggestion] = []
        for start, para in paragraphs(text):
            key = (para, variant)
            found = self._paragraphs.get(key)
            if found is None:
                self.engine_checks += 1
                found = sentences.check(para).suggestions
                self._paragraphs[key] = found
                if len(self._paragraphs) > self.size:
                    self._paragraphs.popitem(last=False)
            else:
                self._paragraphs.move_to_end(key)
            out.extend(shifted(found, start))
        return out

    @staticmethod
    def _words_changed(engine) -> bool:
        """Whether the writer's dictionary or ignore list changed on disk (the editor, meanwhile)."""
        fast = getattr(engine, "fast", engine)
        lists = [getattr(fast, name, None) for name in ("personal", "ignored")]
        return any([d.refresh() for d in lists if hasattr(d, "refresh")])  # a list: refresh both

    def close(self) -> None:
        """Stop: waiting requests give up, the check in hand finishes, the model is let go."""
        self._closed.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._engine.done() and self._engine.exception() is None:
            close = getattr(getattr(self._engine.result(), "scorer", None), "close", None)
            if close is not None:
                close()
