"""Corrections from a chat model that rewrites the sentence, kept honest by guardrails.

The model's sentence is aligned with the writer's word by word, and each difference becomes a
suggestion only if it is the kind of fix this app makes: a misspelling, a missing apostrophe, a
joined or split word, a homophone. Edits that add or drop words, change protected text or names,
only move punctuation, or turn a word into an unrelated one are dropped; real-word swaps that are
not known confusions are put to the scorer when one is available.
"""

from __future__ import annotations

import difflib
import re
import time
from typing import Callable, Protocol

from rapidfuzz.distance import OSA

from .confusions import load_confusions
from .contractions import load_rules
from .prompts import PromptFormat
from .text import SENTENCE_RE, is_sentence_start, match_case, overlaps, protected_spans, words
from .types import CheckResult, Kind, Suggestion, WrapsFast

SOURCE = "model"
_THINK_RE = re.compile(r"<think>.*?</think>", re.S)
_TOKEN_RE = re.compile(r"\S+")
_PUNCT = ".,;:!?\"'()[]{}\u2018\u2019\u201c\u201d"


class Generator(Protocol):
    def generate(self, prompt: str, stop: list[str], max_tokens: int, cancelled: Callable[[], bool]) -> str: ...


def clean_output(text: str) -> str:
    """The corrected sentence from a reply: no think block, no quotes or labels around it."""
    text = _THINK_RE.sub("", text).replace("<think>", "").strip()
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    for label in ("Corrected sentence:", "Corrected:", "Output:", "Answer:"):
        if line.lower().startswith(label.lower()):
            line = line[len(label):].strip()
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "\"'\u201c":
        line = line[1:-1]
    return line


def _bare(s: str) -> str:
    return s.strip(_PUNCT).lower()


class GenerativeCorrector(WrapsFast):
    name = "model"

    def __init__(self, fast, generator: Generator, fmt: PromptFormat, scorer=None, keep_punctuation: bool = True,
                 max_tokens: int = 96):
        self.fast = fast
        self.lexicon = fast.lexicon
        self.generator = generator
        self.fmt = fmt
        self.scorer = scorer
        self.keep_punctuation = keep_punctuation
        self.max_tokens = max_tokens
        self.rules = load_rules()
        self.confusions = load_confusions()
        self.cancelled: Callable[[], bool] = lambda: False

    def check(self, text: str) -> CheckResult:
        t0 = time.perf_counter()
        out: list[Suggestion] = []
        protected = protected_spans(text)
        for m in SENTENCE_RE.finditer(text):
            s, e = m.span()
            sentence = text[s:e]
            if not sentence.strip():
                continue
            lead = len(sentence) - len(sentence.lstrip())
            body = sentence.strip()
            reply = self.generator.generate(self.fmt.build(body), list(self.fmt.stop), self.max_tokens, self.cancelled)
            out.extend(self.align(text, s + lead, body, clean_output(reply), protected))
        return CheckResult(text, tuple(out), self.name, (time.perf_counter() - t0) * 1000)

    # -- alignment and guardrails ---------------------------------------------------------------
    def align(self, text: str, offset: int, source: str, target: str, protected) -> list[Suggestion]:
        if not target:
            return []
        a = [(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN_RE.finditer(source)]
        b = [m.group() for m in _TOKEN_RE.finditer(target)]
        sm = difflib.SequenceMatcher(None, [_bare(t[2]) for t in a], [_bare(t) for t in b], autojunk=False)
        out = []
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal" or i1 == i2:
                continue  # a pure insertion adds words: never
            for old, new in self._pair_block(a[i1:i2], b[j1:j2]):
                start, end = old[0][0], old[-1][1]
                sug = self._guard(text, start, end, text[start:end], " ".join(new), old, new, protected)
                if sug is not None:
                    out.append(sug)
        return out

    def _similar(self, old: str, new: str) -> bool:
        lo, ln = _bare(old), _bare(new)
        return (
            OSA.distance(lo, ln) <= max(2, len(lo) // 2)
            or ln in self.confusions.alternatives(lo)
            or lo.replace("'", "") == ln.replace("'", "")
        )

    def _pair_block(self, old: list, new: list[str]):
        """Split a changed block into 1:1 word fixes, merges and splits; extra words fall away."""
        i = j = 0
        while i < len(old) and j < len(new):
            o = _bare(old[i][2])
            if j + 1 < len(new) and o.replace("'", "") == (_bare(new[j]) + _bare(new[j + 1])).replace("'", ""):
                yield old[i : i + 1], new[j : j + 2]
                i, j = i + 1, j + 2
            elif i + 1 < len(old) and (o + _bare(old[i + 1][2])) == _bare(new[j]).replace("'", ""):
                yield old[i : i + 2], new[j : j + 1]
                i, j = i + 2, j + 1
            elif self._similar(old[i][2], new[j]):
                yield old[i : i + 1], new[j : j + 1]
                i, j = i + 1, j + 1
            elif j + 1 < len(new) and self._similar(old[i][2], new[j + 1]):
                j += 1  # the model added a word here: drop it
            elif i + 1 < len(old) and self._similar(old[i + 1][2], new[j]):
                i += 1  # the model dropped this word: keep it
            else:
                yield old[i : i + 1], new[j : j + 1]  # the guard decides
                i, j = i + 1, j + 1

    def _guard(self, text, start, end, original, replacement, old, new, protected) -> Suggestion | None:
        if overlaps(protected, start, end):
            return None
        # Keep the writer's punctuation around the words: only the words are the model's business.
        lead = original[: len(original) - len(original.lstrip(_PUNCT))]
        trail = original[len(original.rstrip(_PUNCT)) :]
        core_old = original.strip(_PUNCT)
        core_new = replacement.strip(_PUNCT)
        if core_old.lower() == core_new.lower():
            return None  # only capitals changed (or nothing)
        if self.keep_punctuation and _bare(core_old) == _bare(core_new):
            return None  # only punctuation changed
        start += len(lead)
        end -= len(trail)
        original = text[start:end]
        if not original or not core_new:
            return None
        for w in words(original):
            pos = start + w.start
            if w.text[0].isupper() and not is_sentence_start(text, pos) and w.text != "I":
                return None  # a name
            if w.text in self.fast.personal or w.text.lower() in self.fast.ignored:
                return None
        kind = self._kind(core_old, core_new, len(old), len(new))
        if kind is None:
            return None
        if kind == "doubtful":
            if not self._confirmed(text, start, end, core_new):
                return None
            kind = Kind.SPELLING
        conf = 0.8 if kind in (Kind.CONTRACTION, Kind.SPACING, Kind.HOMOPHONE) else 0.7
        if core_new[:1].lower() == core_old[:1].lower() or is_sentence_start(text, start):
            core_new = match_case(core_old, core_new) if core_old[:1].isupper() else core_new
        return Suggestion(start, end, original, (core_new,), kind, conf, SOURCE, f"the model suggests {core_new}")

    def _kind(self, old: str, new: str, n_old: int, n_new: int) -> str | None:
        lo, ln = old.lower(), new.lower()
        if n_old != n_new:
            # Only merges and splits of the same letters: "alot" -> "a lot", "some where" -> "somewhere".
            if lo.replace(" ", "") == ln.replace(" ", "").replace("'", ""):
                return Kind.SPACING
            return None
        if n_old > 1:
            return None  # several words rewritten at once: a paraphrase, not a spelling fix
        if lo.replace("'", "").replace("\u2019", "") == ln.replace("'", "").replace("\u2019", ""):
            return Kind.CONTRACTION
        if ln in self.confusions.alternatives(lo):
            return Kind.HOMOPHONE
        close = OSA.distance(lo, ln) <= max(2, len(lo) // 2)
        if not self.lexicon.is_common(lo):  # rare (web-only) forms count as misspellings
            return Kind.SPELLING if close or self.lexicon.is_common(ln) else None
        # A real word turned into another real word that is not a known confusion.
        return "doubtful" if close else None

    def _confirmed(self, text: str, start: int, end: int, new: str) -> bool:
        if self.scorer is None:
            return False
        m = next((m for m in SENTENCE_RE.finditer(text) if m.start() <= start < max(m.end(), m.start() + 1)), None)
        s = m.start() if m else 0
        prefix = text[s:start].rstrip()
        gap = text[s:start][len(prefix):] if prefix else ""
        rest = text[end : (m.end() if m else len(text))]
        old_score, new_score = self.scorer.score(prefix, [gap + text[start:end] + rest, gap + new + rest])
        return new_score - old_score >= 3.0
