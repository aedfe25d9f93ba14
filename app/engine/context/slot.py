"""A slot: a place in a sentence where more than one word is plausible, and what was decided there."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Suggestion


@dataclass
class Slot:
    start: int  # offsets in the text
    end: int
    original: str
    options: list[str]  # candidate replacements, best guess first: lower case, but a name keeps its capital
    source: str  # the source whose margin the slot takes (`registry.SOURCES`)
    keep_original: bool = True  # False for non-words: some option must win
    value: str = ""  # the current choice (the original, or an option)
    scores: dict[str, float] = field(default_factory=dict)
    option_sources: dict[str, str] = field(default_factory=dict)  # where each option came from
    # How often the writer has meant each option here (the profile's pair weights, `engine.personal.personalize`).
    personal: dict[str, float] = field(default_factory=dict)
    fallback: Suggestion | None = None  # kept when the written word stays (an `unknown` mark)
    # Options whose slip is not their plain edit cost (an inflected correction: its stem's, plus one).
    channel: dict[str, float] = field(default_factory=dict)
    family: dict[str, str] = field(default_factory=dict)  # an inflected option -> its stem
    # A written word the slot took in for a join ("a" in "a nother"), and whether it comes first.
    neighbour: str = ""
    neighbour_first: bool = True
    # Options priced by the learned channel in nats (`sources.slips`), which their score pays.
    learned: dict[str, float] = field(default_factory=dict)
    # How far (logits) the fast ranker put each of a non-word's corrections below its best (`decide.ranker_price`).
    trails: dict[str, float] | None = None

    def source_of(self, option: str) -> str:
        """The source that proposed `option` (the slot's own where no single one did)."""
        return self.option_sources.get(option.lower(), self.source)
