"""A writer's own mistakes, remembered: the private, local profile behind personal suggestions.

One small YAML file per writer (`profiles/NAME.yaml` in the data folder), written atomically after
every change. It holds the corrections the writer accepted (written -> intended, with counts and a
short context), corrections the writer made themself on a marked word, suggestions the writer turned
down (with the neighbouring words, so they stay away in that place), and words added to the
dictionary. Nothing in it ever leaves the machine.

Counts are capped and fade with use, on an event clock rather than wall time (so replaying a file
gives the same answer every time): one accidental click never dominates, and habits the writer has
outgrown fade away.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...paths import atomic_write_text, data_dir

FORMAT = "dyslexic-writer-profile"
VERSION = 1
CAP = 4.0  # a pair never counts for more than this many corrections
HALF_LIFE = 2000  # events after which an unrepeated pair counts half as much
MIN_WEIGHT = 0.3  # below this a faded pair is not used any more
MAX_TOKENS = 3  # longer "written" spans are not patterns worth remembering
_EDGE_PUNCT = ".,;:!?\"()[]{}\u201c\u201d\u2018"
_HEADER = (
    "# Dyslexic Writer: what it has learned about your writing. Private: it never leaves this computer.\n"
    "# Delete this file, or use Settings > What I've learned, to forget it.\n"
)


def default_profile_path(writer: str = "default") -> Path:
    return data_dir() / "profiles" / f"{writer}.yaml"


def normalise(text: str) -> str:
    """The lookup key of a written span: lower case, edge punctuation off, single spaces."""
    return " ".join(t for t in (w.strip(_EDGE_PUNCT).lower() for w in text.split()) if t)


def _clean(text: str) -> str:
    return " ".join(t for t in (w.strip(_EDGE_PUNCT) for w in text.split()) if t)


def short_context(sentence: str, written: str, words_each_side: int = 3) -> str:
    """A few words around `written` in `sentence`, to show the writer where it happened."""
    toks = sentence.split()
    key = normalise(written).split()
    for i in range(len(toks) - len(key) + 1):
        if normalise(" ".join(toks[i : i + len(key)])).split() == key:
            return " ".join(toks[max(0, i - words_each_side) : i + len(key) + words_each_side])[:80]
    return sentence.strip()[:80]


@dataclass(frozen=True)
class LearnedPair:
    """One remembered correction, as the settings page and `profile show` list it."""

    written: str
    intended: str
    accepted: int
    self_made: int
    context: str
    weight: float


@dataclass(frozen=True)
class Rejection:
    written: str
    suggested: str
    count: int
    context: str


@dataclass
class _Pair:
    intended: str
    accepted: int = 0
    self_made: int = 0
    last: int = 0
    context: str = ""


@dataclass
class _Rejected:
    suggested: str
    count: int = 0
    last: int = 0
    context: str = ""
    places: dict[str, int] = field(default_factory=dict)  # "previous|next" word -> times


class ProfileError(ValueError):
    pass


class Profile:
    """Thread-safe: the editor records on the GUI thread while the model worker reads."""

    def __init__(self, path: Path | None = None, writer: str = "default"):
        self.path = Path(path) if path is not None else None
        self.writer = writer
        self.enabled = True  # the settings switch: off means neither used nor recorded
        self.events = 0
        self._pairs: dict[str, dict[str, _Pair]] = {}  # written key -> intended key -> pair
        self._rejected: dict[str, dict[str, _Rejected]] = {}  # written key -> suggested key -> record
        self._words: dict[str, str] = {}  # lower -> as added
        self._lock = threading.RLock()
        self._batch = 0
        self.longest = 1  # the most words in any written span remembered (an upper bound)

    # -- loading and saving --------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, writer: str = "default") -> tuple["Profile", str | None]:
        """(profile, notice). A broken or unknown file is kept aside and a fresh profile starts."""
        path = Path(path) if path is not None else default_profile_path(writer)
        profile = cls(path, writer)
        if not path.exists():
            return profile, None
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            profile._load(raw)
            return profile, None
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ProfileError, TypeError, ValueError, AttributeError, KeyError) as exc:
            aside = _set_aside(path)
            profile.__init__(path, writer)
            where = f"; the old file was kept as {aside.name}" if aside else ""
            return profile, f"Your writing profile could not be read ({exc}), so a fresh one was started{where}."

    @classmethod
    def read_only(cls, path: Path | None = None, writer: str = "default") -> tuple["Profile", str | None]:
        """(profile, notice) for a reader that must never write the file (the local server): it has
        no path to save to, and a broken file is left where it is (the editor sets it aside)."""
        path = Path(path) if path is not None else default_profile_path(writer)
        profile = cls(None, writer)
        if not path.exists():
            return profile, None
        try:
            profile._load(yaml.safe_load(path.read_text(encoding="utf-8")))
            return profile, None
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ProfileError, TypeError, ValueError, AttributeError, KeyError) as exc:
            return cls(None, writer), f"The writing profile {path} could not be read ({exc}); it is not used."

    def _load(self, raw) -> None:
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ProfileError("it is not a Dyslexic Writer profile")
        version = raw.get("version")
        if version != VERSION:
            newer = isinstance(version, int) and version > VERSION
            raise ProfileError(f"it is format version {version}, {'newer than' if newer else 'older than'} this app's {VERSION}")
        self.writer = str(raw.get("writer") or self.writer)
        self.events = int(raw.get("events") or 0)
        for e in raw.get("corrections") or []:
            p = _Pair(str(e["intended"]), int(e.get("accepted", 0)), int(e.get("self_made", 0)),
                      int(e.get("last", 0)), str(e.get("context", "")))
            key = normalise(str(e["written"]))
            self._pairs.setdefault(key, {})[p.intended.lower()] = p
            self.longest = max(self.longest, len(key.split()))
        for e in raw.get("rejected") or []:
            places = {str(k): int(v) for k, v in (e.get("places") or {}).items()}
            r = _Rejected(str(e["suggested"]), int(e.get("count", 0)), int(e.get("last", 0)), str(e.get("context", "")), places)
            self._rejected.setdefault(normalise(str(e["written"])), {})[r.suggested.lower()] = r
        for w in raw.get("words") or []:
            self._words[str(w).lower()] = str(w)

    def to_yaml(self) -> str:
        with self._lock:
            data = {
                "format": FORMAT,
                "version": VERSION,
                "writer": self.writer,
                "events": self.events,
                "corrections": [
                    {"written": w, "intended": p.intended, "accepted": p.accepted, "self_made": p.self_made,
                     "last": p.last, "context": p.context}
                    for w, d in sorted(self._pairs.items()) for p in d.values()
                ],
                "rejected": [
                    {"written": w, "suggested": r.suggested, "count": r.count, "last": r.last,
                     "context": r.context, "places": dict(r.places)}
                    for w, d in sorted(self._rejected.items()) for r in d.values()
                ],
                "words": sorted(self._words.values()),
            }
        return _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)

    def save(self) -> None:
        if self.path is not None:
            atomic_write_text(self.path, self.to_yaml())

    @contextlib.contextmanager
    def batch(self):
        """Many records, one write (for `learn` reading a file)."""
        self._batch += 1
        try:
            yield self
        finally:
            self._batch -= 1
            if not self._batch:
                self.save()

    def _changed(self) -> None:
        if not self._batch:
            self.save()

    # -- recording -------------------------------------------------------------------------------
    def record_accepted(self, written: str, intended: str, context: str = "") -> bool:
        """The writer accepted `intended` for `written` (the editor, and `learn`, call this)."""
        return self._record_pair(written, intended, context, self_made=False)

    def record_self(self, written: str, intended: str, context: str = "") -> bool:
        """The writer fixed a marked word themself (Learning mode, "type it another way", retyping)."""
        return self._record_pair(written, intended, context, self_made=True)

    def _record_pair(self, written: str, intended: str, context: str, self_made: bool) -> bool:
        key, intended = normalise(written), _clean(intended)
        if not key or not intended or key == intended.lower() or len(key.split()) > MAX_TOKENS:
            return False
        with self._lock:
            self.events += 1
            p = self._pairs.setdefault(key, {}).setdefault(intended.lower(), _Pair(intended))
            self.longest = max(self.longest, len(key.split()))
            if self_made:
                p.self_made += 1
            else:
                p.accepted += 1
            p.intended, p.last = intended, self.events
            p.context = short_context(context, written) if context else p.context
        self._changed()
        return True

    def record_rejected(self, written: str, suggested: str, previous: str = "", following: str = "",
                        context: str = "") -> bool:
        key, suggested = normalise(written), _clean(suggested)
        if not key or not suggested:
            return False
        with self._lock:
            self.events += 1
            r = self._rejected.setdefault(key, {}).setdefault(suggested.lower(), _Rejected(suggested))
            r.count += 1
            r.last = self.events
            place = _place(previous, following)
            r.places[place] = r.places.get(place, 0) + 1
            r.context = short_context(context, written) if context else r.context
        self._changed()
        return True

    def record_word(self, word: str) -> None:
        word = word.strip()
        if word:
            with self._lock:
                self.events += 1
                self._words[word.lower()] = word
            self._changed()

    # -- forgetting ------------------------------------------------------------------------------
    def forget_pair(self, written: str, intended: str) -> None:
        self._forget(self._pairs, written, intended)

    def forget_rejection(self, written: str, suggested: str) -> None:
        self._forget(self._rejected, written, suggested)

    def _forget(self, table: dict, written: str, other: str) -> None:
        with self._lock:
            d = table.get(normalise(written), {})
            d.pop(other.lower(), None)
            if not d:
                table.pop(normalise(written), None)
        self._changed()

    def forget_word(self, word: str) -> None:
        with self._lock:
            self._words.pop(word.lower(), None)
        self._changed()

    def forget_all(self) -> None:
        """Everything, including the file and any copy kept aside from a broken one."""
        with self._lock:
            self.events = 0
            self._pairs.clear()
            self._rejected.clear()
            self._words.clear()
        if self.path is not None:
            for p in [self.path, *self.path.parent.glob(self.path.name + ".bad*")]:
                with contextlib.suppress(OSError):
                    p.unlink()

    # -- queries ---------------------------------------------------------------------------------
    def _weight(self, count: float, last: int) -> float:
        return min(CAP, count) * 0.5 ** ((self.events - last) / HALF_LIFE)

    def intended_for(self, key: str) -> list[tuple[str, float]]:
        """What this writer meant by a written span before (its `normalise` key), strongest first:
        [(intended, weight)]."""
        d = self._pairs.get(key)
        if not d:
            return []
        with self._lock:
            found = [(p.intended, self._weight(p.accepted + p.self_made, p.last)) for p in d.values()]
        return sorted((x for x in found if x[1] >= MIN_WEIGHT), key=lambda x: -x[1])

    def rejection(self, key: str, suggested: str, previous: str = "", following: str = "") -> tuple[float, float]:
        """(here, net) for a written span's key: how often the writer turned this suggestion down in
        this very place, and overall less the times they accepted it; both faded like pairs are."""
        r = self._rejected.get(key, {}).get(suggested.lower())
        if r is None:
            return 0.0, 0.0
        with self._lock:
            fade = 0.5 ** ((self.events - r.last) / HALF_LIFE)
            here = r.places.get(_place(previous, following), 0) * fade
            p = self._pairs.get(key, {}).get(suggested.lower())
            accepted = self._weight(p.accepted + p.self_made, p.last) if p else 0.0
        return here, min(CAP, r.count) * fade - accepted

    def knows(self, word: str) -> bool:
        return word.lower() in self._words

    def mentions(self, keys) -> bool:
        """Whether any of these lookup keys has something in the profile (a cheap first test)."""
        return any(k in self._pairs or k in self._rejected or k in self._words for k in keys)

    @property
    def empty(self) -> bool:
        return not (self._pairs or self._rejected or self._words)

    # -- listing ---------------------------------------------------------------------------------
    def pairs(self) -> list[LearnedPair]:
        with self._lock:
            out = [
                LearnedPair(w, p.intended, p.accepted, p.self_made, p.context,
                            round(self._weight(p.accepted + p.self_made, p.last), 2))
                for w, d in self._pairs.items() for p in d.values()
            ]
        return sorted(out, key=lambda p: (-p.weight, p.written, p.intended))

    def rejections(self) -> list[Rejection]:
        with self._lock:
            out = [Rejection(w, r.suggested, r.count, r.context) for w, d in self._rejected.items() for r in d.values()]
        return sorted(out, key=lambda r: (r.written, r.suggested))

    def words(self) -> list[str]:
        return sorted(self._words.values(), key=str.lower)


def _place(previous: str, following: str) -> str:
    return f"{(previous or '').lower()}|{(following or '').lower()}"


def _set_aside(path: Path) -> Path | None:
    """Move a file that cannot be read out of the way, never over an earlier one."""
    for n in range(100):
        aside = path.with_name(path.name + (".bad" if n == 0 else f".bad{n}"))
        if not aside.exists():
            try:
                path.replace(aside)
                return aside
            except OSError:
                return None
    return None
