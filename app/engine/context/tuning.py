"""The context engine's tuning: every margin, floor, weight and threshold it decides by, in one
frozen object that the engine receives.

The shipped values live in `resources/curated/tuning.yaml`, each with a one-line note of the evidence
behind it. A setting the file leaves out keeps the default below (the same numbers); a setting it
names that `Tuning` does not have is an error, so a typo never passes silently. Tests build their
own with `dataclasses.replace(shipped_tuning(), ...)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from ...package_data import load_yaml

TUNING_FILE = "tuning.yaml"

# How much better (nats) an option must score than the written word, by the source that proposed
# it: smallest where the written word is least likely to be meant.
DEFAULT_MARGINS: Mapping[str, float] = MappingProxyType({
    "nonword": -math.inf,
    "contraction_cued": -1.0,
    "contraction": 0.0,
    "homophone": 2.0,
    "reversal": 3.5,
    "rare": 4.0,
    "split": 1.0,
    "join": 3.0,
    "realword": 4.0,
    "common": 7.0,
    "unknown": 2.0,
    "rare_form": 0.0,
    "capital": 5.0,
    "personal": 1.0,
    "inflection": 4.0,
    "verb": 3.0,
    "possessive": 3.0,
    "neighbour": 9.0,
    "owner": 3.0,
    "article": 3.0,
    "slip": 6.5,
})


@dataclass(frozen=True)
class Tuning:
    """Units: nats are natural-log probability; Zipf is log10 of a word's frequency per billion
    words; error-model units are `error_model.edit_cost`'s."""

    # -- deciding -------------------------------------------------------------------------------
    margins: Mapping[str, float] = field(default_factory=lambda: DEFAULT_MARGINS)
    # An option another source named also wins where it clears this margin as a plain noisy channel.
    slip_clear_margin: float = 3.5
    # The model's scores carry each word's frequency; this share of that prior is taken back.
    prior_discount: float = 0.5
    # A non-word's best correction must lead the next by this much (nats), or it is marked unknown.
    nonword_min_lead: float = 1.5
    # Nats per error-model unit, as a weight per log10 unit (the fast ranker's).
    channel_per_log10: float = 3.0
    # A non-word's corrections pay this share (nats per logit) of how far the ranker put them below
    # its best, counting at most ranker_max_gap logits.
    ranker_weight: float = 0.3
    ranker_max_gap: float = 6.0
    # A writer's usual correction gains this much over other options that also pass.
    personal_preference: float = 1.0
    # A writer's slip with at least this profile weight counts as repeated...
    personal_repeated: float = 2.0
    # ...and needs this margin, or this one for the commonest words.
    personal_repeated_margin: float = 0.5
    common_repeated_margin: float = 2.0
    # -- scoring --------------------------------------------------------------------------------
    window_words: int = 3  # words after a slot scored with it
    score_floor: float = 5.0  # a non-word's options pruned this far (nats) behind on their first token
    word_score_floor: float = 4.0  # ...and a written word's options
    floor_min_words: int = 3  # no pruning after fewer words than this
    rescore_words: int = 8  # a change re-scores undecided slots starting within this many words
    max_options: int = 5  # corrections asked for a word, and offered in a suggestion
    # -- which words are asked about --------------------------------------------------------------
    realword_max_zipf: float = 6.5  # commoner written words are asked about only where a cue points elsewhere
    max_rarer: float = 2.5  # options this much rarer (Zipf) than the written word are never asked about
    homophone_rarer: float = 1.5  # a homophone this much rarer needs training pairs or a neighbour's cue
    cue_gap: float = 2.0  # how much likelier (bigram Zipf) a neighbour must be beside the other word
    neighbour_max_cost: float = 1.3  # the dearest slip (error-model units) to a neighbour-cued word...
    neighbour_min_zipf: float = 3.0  # ...asked about for written words at least this common...
    neighbour_commoner: float = 0.5  # ...that is at least this much commoner (Zipf)
    owner_min_len: int = 3  # shorter words are no owners that lost their 's
    owner_max_pair_zipf: float = 3.0  # two nouns written side by side this often are a compound
    possessive_min_len: int = 4  # shorter plurals are no owners that lost their apostrophe
    possessive_max_next_zipf: float = 6.0  # no owner before a word this common
    join_min_zipf: float = 3.0  # a joined word must be this common to be proposed for two written words...
    join_fixed_zipf: float = 4.0  # ...and this common where the two are one a slip away ("be for")
    join_fix_cost: float = 1.0  # the dearest slip (error-model units) inside two words run together
    join_personal_zipf: float = 4.0  # a rarer joined word gives way to the writer's own slip with one word
    compound_max_zipf: float = 6.0  # two words both rarer than this...
    compound_gap: float = 0.5  # ...written apart at most this much rarer than joined are an open compound
    split_min_pair_zipf: float = 4.0  # a word is split only where the pair is this common (and as the word)
    reversal_commoner: float = 0.5  # a reversal's word must be this much commoner (Zipf)
    capital_min_len: int = 3  # shorter capitalised words are initials or abbreviations
    capital_max_cost: float = 2.0  # the dearest slip (error-model units) from a capitalised unknown word
    inflect_stems: int = 3  # a non-word's likeliest corrections whose regular forms are weighed too...
    inflect_cost: float = 0.5  # ...each that much dearer a slip (error-model units) than its stem
    rare_max_zipf: float = 3.5  # a word rarer than this is asked about for...
    rare_options: int = 3  # ...its likeliest few corrections...
    rare_max_cost: float = 0.8  # ...a cheap slip away (error-model units)...
    rare_commoner: float = 1.0  # ...and at least this much commoner (Zipf)
    verb_options: int = 6  # close corrections looked at for a verb where the word before wants one...
    verb_max_cost: float = 1.0  # ...and the dearest slip (error-model units) one may be
    slip_max_price: float = 5.5  # a word's slips are those up to this learned price (nats)...
    slip_min_odds: float = -3.0  # ...that a bigram noisy channel finds no less likely than this (nats)...
    slip_options: int = 5  # ...the likeliest few of them...
    slip_min_zipf: float = 2.0  # ...each at least this common
    bigram_unseen: float = 4.0  # a word pair the bigram list lacks is at most this common (Zipf)

    def __post_init__(self) -> None:
        missing, unknown = DEFAULT_MARGINS.keys() - self.margins.keys(), self.margins.keys() - DEFAULT_MARGINS.keys()
        if missing or unknown:
            raise ValueError(f"Tuning.margins must name every option source: missing {sorted(missing)}, "
                             f"unknown {sorted(unknown)}")
        object.__setattr__(self, "margins", MappingProxyType(dict(self.margins)))

    @property
    def channel_weight(self) -> float:
        """Nats per error-model unit."""
        return self.channel_per_log10 * math.log(10)


def tuning_from(data: Mapping[str, Any], where: str = TUNING_FILE) -> Tuning:
    """A `Tuning` from a parsed tuning file: each setting `{value: ..., note: "..."}`, margins one
    such entry per source."""
    known = {f.name: f for f in fields(Tuning)}
    values: dict[str, Any] = {}
    for name, entry in (data or {}).items():
        if name not in known:
            raise ValueError(f"{where}: unknown setting {name!r} (Tuning has {', '.join(sorted(known))})")
        if name == "margins":
            if not isinstance(entry, Mapping):
                raise ValueError(f"{where}: margins must map each source to {{value, note}}")
            margins = dict(DEFAULT_MARGINS)
            for source, item in entry.items():
                if source not in DEFAULT_MARGINS:
                    raise ValueError(f"{where}: margins: unknown source {source!r} "
                                     f"(the sources are {', '.join(DEFAULT_MARGINS)})")
                margins[source] = _number(_value(item, f"margins.{source}", where), float, f"margins.{source}", where)
            values[name] = margins
        else:
            kind = type(known[name].default)
            values[name] = _number(_value(entry, name, where), kind, name, where)
    return Tuning(**values)


def _value(entry: Any, name: str, where: str) -> Any:
    if not isinstance(entry, Mapping) or set(entry) != {"value", "note"}:
        raise ValueError(f"{where}: {name} must be {{value: ..., note: \"where it came from\"}}, not {entry!r}")
    if not isinstance(entry["note"], str) or not entry["note"].strip() or "\n" in entry["note"].strip():
        raise ValueError(f"{where}: {name} needs a one-line note of where its value came from")
    return entry["value"]


def _number(value: Any, kind: type, name: str, where: str) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise ValueError(f"{where}: {name} must be {'a whole number' if kind is int else 'a number'}, not {value!r}")
    return kind(value)


@lru_cache(maxsize=1)
def hand_tuning() -> Tuning:
    """The hand-set values in `resources/curated/tuning.yaml`, before the fitted parameters."""
    return tuning_from(load_yaml(TUNING_FILE))


@lru_cache(maxsize=1)
def shipped_tuning() -> Tuning:
    """The hand-set values with the fitted parameters of `resources/generated/fitted.yaml` applied
    (engine/context/fitted.py); the hand-set values alone where nothing has been fitted yet."""
    from .fitted import FIT_FILE, FITTED_FILE, apply, parse_params

    try:
        chosen = load_yaml(FITTED_FILE)
    except FileNotFoundError:
        return hand_tuning()
    return apply(hand_tuning(), parse_params(load_yaml(FIT_FILE)), chosen["values"])
