"""Contractions typed without their apostrophe: "dont" -> "don't", "Its a" -> "It's a"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..package_data import load_yaml


@dataclass(frozen=True)
class ContractionRules:
    safe: dict[str, str]
    ambiguous: dict[str, tuple[str, frozenset[str], bool]]  # bare -> (contraction, next words, anywhere)
    clause_openers: frozenset[str]

    def fix(self, word: str, next_word: str | None, opens_clause: bool) -> tuple[str, bool] | None:
        """(contraction, ambiguous) for a bare form, or None when it should stay as it is."""
        low = word.lower()
        if low in self.safe:
            return self.safe[low], False
        rule = self.ambiguous.get(low)
        if rule is None or next_word is None:
            return None
        contraction, next_words, anywhere = rule
        if next_word.lower() in next_words and (anywhere or opens_clause):
            return contraction, True
        return None

    def expansion(self, contraction: str) -> str:
        """"don't" -> "do not", for explanations."""
        c = contraction.lower()
        if c.endswith("n't"):
            stem = c[:-3]
            return {"wo": "will", "ca": "can", "ai": "am"}.get(stem, stem) + " not"
        base, _, tail = c.partition("'")
        full = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would", "s": "is", "clock": "of the clock", "all": "all"}
        if base == "y":
            return "you all"
        return f"{'I' if base == 'i' else base} {full.get(tail, tail)}"


@lru_cache(maxsize=1)
def load_rules() -> ContractionRules:
    data = load_yaml("contractions.yaml")
    amb = {
        bare: (spec["contraction"], frozenset(w.lower() for w in spec["next_words"]), bool(spec.get("anywhere")))
        for bare, spec in data["ambiguous"].items()
    }
    return ContractionRules(
        safe=dict(data["safe"]),
        ambiguous=amb,
        clause_openers=frozenset(w.lower() for w in data["clause_openers"]),
    )
