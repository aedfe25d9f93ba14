"""Real-word confusion sets: homophones and near-homophones, each member with a definition."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..package_data import load_yaml


@dataclass(frozen=True)
class ConfusionSets:
    members: dict[str, tuple[str, ...]]  # word -> the other members of all its groups
    definitions: dict[str, str]

    def alternatives(self, word: str) -> tuple[str, ...]:
        return self.members.get(word.lower(), ())

    def define(self, word: str) -> str:
        return self.definitions.get(word.lower(), "")


@lru_cache(maxsize=1)
def load_confusions() -> ConfusionSets:
    members: dict[str, list[str]] = {}
    definitions: dict[str, str] = {}
    for group in load_yaml("confusions.yaml")["groups"]:
        words = [str(w).lower() for w in group]
        for w, d in group.items():
            definitions.setdefault(str(w).lower(), str(d))
        for w in words:
            bucket = members.setdefault(w, [])
            bucket.extend(o for o in words if o != w and o not in bucket)
    return ConfusionSets({w: tuple(v) for w, v in members.items()}, definitions)


@lru_cache(maxsize=2)
def load_real_words(section: str = "real_words") -> dict[str, tuple[str, ...]]:
    """written word -> words weak spellers meant by it (derived from training data; see
    training/confusions.py); section "common_words" holds those of the commonest words."""
    data = load_yaml("real_words.yaml") or {}
    return {str(w): tuple(str(t) for t in ts) for w, ts in (data.get(section) or {}).items()}
