"""`dyslexic-writer bench-serve`: how long a client waits, through the HTTP API, for a 1,000-word
document's first check and for its re-checks after one-word edits (what an editor plug-in sends
after every change: the whole document again)."""

from __future__ import annotations

import http.client
import json
import random
import re
import socket
import statistics
import time
from urllib.parse import urlencode, urlsplit

SENTENCES_PER_PARAGRAPH = 5
_WORD_RE = re.compile(r"^([A-Za-z]+)(.*)$")


def _vocabulary() -> list[str]:
    """Common words of the app's own dictionary (Zipf 4.5 and up: roughly the 3,000 commonest)."""
    from ..engine.lexicon import open_lexicon

    rows = open_lexicon().common_rows()
    return sorted(w for w, z in rows if z >= 4.5 and w.isalpha() and w.islower())


def document(words: int = 1000, seed: int = 7, vocabulary: list[str] | None = None) -> list[str]:
    """Paragraphs of about `words` words: the shipped bench-typing text's sentences (a writer's own,
    slips included), each with one word swapped for a common dictionary word, so no two sentences
    are the same and no cache answers for another."""
    from ..bench.typing import TEXT

    rng = random.Random(seed)
    vocab = vocabulary if vocabulary is not None else _vocabulary()
    base = [s.strip() for s in re.split(r"(?<=[.!?])\s+", TEXT) if s.strip()]
    sentences: list[str] = []
    total = 0
    while total < words:
        toks = rng.choice(base).split(" ")
        i = rng.randrange(1, len(toks))
        m = _WORD_RE.match(toks[i])
        if m:
            toks[i] = rng.choice(vocab) + m.group(2)
        toks = toks[: words - total]
        if not toks[-1].endswith((".", "!", "?")):
            toks[-1] = toks[-1].rstrip(",;:") + "."
        sentences.append(" ".join(toks))
        total += len(toks)
    return [" ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH]) for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)]


def edit_word(paragraphs: list[str], index: int, word: str) -> list[str]:
    """The document with its `index`-th word (counting through the paragraphs) replaced by `word`."""
    out = list(paragraphs)
    for p, para in enumerate(out):
        toks = para.split(" ")
        if index < len(toks):
            for j in range(index, len(toks)):  # the first token from there that is a word
                m = _WORD_RE.match(toks[j])
                if m:
                    toks[j] = word + m.group(2)
                    break
            out[p] = " ".join(toks)
            return out
        index -= len(toks)
    raise IndexError("the document has fewer words")


class _Client:
    def __init__(self, base_url: str):
        u = urlsplit(base_url if "://" in base_url else f"http://{base_url}")
        self.path = u.path.rstrip("/") + "/check"
        self.conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=600)
        self.conn.connect()
        # http.client sends a large body apart from its headers; without this the body waits on
        # the server's delayed ACK, and the bench would time TCP rather than the checker.
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def check(self, text: str) -> tuple[float, int]:
        """(milliseconds, matches) for one check, as a client sees it."""
        body = urlencode({"text": text, "language": "en-US"})
        t0 = time.perf_counter()
        self.conn.request("POST", self.path, body, {"Content-Type": "application/x-www-form-urlencoded"})
        resp = self.conn.getresponse()
        data = resp.read()
        ms = (time.perf_counter() - t0) * 1000
        if resp.status != 200:
            raise OSError(f"the server answered {resp.status}: {data[:200].decode('utf-8', 'replace')}")
        return ms, len(json.loads(data)["matches"])

    def close(self) -> None:
        self.conn.close()


def run(engine: str = "auto", model: str | None = None, url: str | None = None, words: int = 1000,
        edits: int = 10, seed: int = 7, profile: str | None = None) -> dict:
    vocab = _vocabulary()
    paragraphs = document(words, seed, vocab)
    server = checker = None
    label = "a running server"
    t0 = time.perf_counter()
    if url is None:
        from .checking import ParagraphChecker
        from .engines import engine_builder
        from .httpd import LocalServer, ServerConfig

        checker = ParagraphChecker(engine_builder(engine, model, profile, use_profile=profile is not None,
                                                  notify=lambda _msg: None))
        server = LocalServer(checker, ServerConfig(port=0, listen=("127.0.0.1",))).start()
        url = server.urls[0]
        built = checker.wait_ready()
        label = "fast" if built.name == "fast" else f"{built.name} ({getattr(built, 'model_name', '')})"
    client = _Client(url)
    try:
        client.check("A short first request, so what every check needs is loaded before the timing.")
        ready_s = time.perf_counter() - t0
        first_ms, matches = client.check("\n".join(paragraphs))
        rng = random.Random(seed + 1)
        n = sum(len(p.split(" ")) for p in paragraphs)
        times, sentences = [], []
        for k in range(edits):
            paragraphs = edit_word(paragraphs, int((k + 0.5) * n / edits), rng.choice(vocab))
            before = checker.sentence_checks if checker is not None else 0
            times.append(client.check("\n".join(paragraphs))[0])
            if checker is not None:
                sentences.append(checker.sentence_checks - before)
    finally:
        client.close()
        if server is not None:
            server.stop()
    return {"engine": label, "words": n, "paragraphs": len(paragraphs), "ready_s": round(ready_s, 2),
            "first_check_ms": round(first_ms, 1), "matches": matches, "edits": edits,
            "recheck_median_ms": round(statistics.median(times), 1) if times else None,
            "recheck_max_ms": round(max(times), 1) if times else None,
            # how many sentences the engine itself checked per re-check (the rest came from the caches)
            "recheck_sentences_max": max(sentences) if sentences else None}


def format_report(r: dict) -> str:
    return "\n".join([
        f"bench-serve: engine {r['engine']}, {r['words']} words in {r['paragraphs']} paragraphs, through the HTTP API",
        f"  ready (engine loaded, one short check answered): {r['ready_s']:.2f} s",
        f"  first check of the document: {r['first_check_ms']:.0f} ms ({r['matches']} matches)",
        f"  re-check after a one-word edit, at {r['edits']} places: median {r['recheck_median_ms']:.0f} ms, "
        f"worst {r['recheck_max_ms']:.0f} ms"
        + (f"; the engine checked at most {r['recheck_sentences_max']} sentence(s) a re-check, the caches the rest"
           if r.get("recheck_sentences_max") is not None else ""),
    ])
