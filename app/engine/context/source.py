"""What an option source is, and the written word it is asked about.

A source is one reason to think the writer may have meant another word: a homophone, a letter
reversal, an owner's missing apostrophe... Each lives in its own module under `sources/`, which
defines its `Source` (name, kind, wording) and the function that proposes its options. Its margin,
how much better an option it proposed must fit than the written word, is `Tuning.margins[name]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from ..candidates.error_model import JOIN_COST, SPLIT_COST, edit_cost
from .slot import Slot

if TYPE_CHECKING:
    from ..lexicon import Lexicon
    from .engine import ContextEngine
    from .tuning import Tuning

# The word just before a slot, with nothing but a space between (a cue for `agreement`), looked for
# this many characters back; and the word just after.
PREVIOUS_WORD_RE = re.compile(r"(?<![\w'])([A-Za-z']+) $")
CUE_CHARS = 32
NEXT_WORD_RE = re.compile(r" ([A-Za-z']+)(?![\w'])")

Offer = tuple[str, str]  # (an option, the name of the source proposing it)


def fits_better(eng: ContextEngine, slot: Slot, chosen: str) -> str:
    return f"{chosen} fits the sentence better"


@dataclass(frozen=True)
class Source:
    name: str  # also its margin's key in `Tuning.margins`
    kind: str  # the `Kind` of the suggestion when an option it proposed wins
    # The suggestion's wording for the chosen option.
    explain: Callable[[ContextEngine, Slot, str], str] = fits_better
    # The options it proposes for a written word asked about in context (`registry.ASKED`); None
    # for a source whose slots are built elsewhere (from the fast engine's marks, joins, capitals).
    propose: Callable[[Written], Iterable[Offer]] | None = None
    # Its written word has no frequency of its own (an unknown word, a capitalised one that is no
    # name we know): its options pay the slip that would explain them, with no frequency discount.
    wordless: bool = False
    # Its written word is one no dictionary of ours accepts: half of a split word may be one.
    unwritten: bool = False
    # It adds or takes away a space: first tokens cannot be compared, so nothing is pruned.
    spacing: bool = False
    # Whether `decide.gain` takes back a share of an option's extra frequency: not where it says
    # nothing ("wont" owes its frequency to missing apostrophes, an unknown word has none) or where
    # the option paid its learned slip price instead (a plain noisy channel).
    discounted: bool = True


@dataclass(frozen=True)
class Written:
    """A word of the sentence asked about in context, with what its sources look at."""

    eng: ContextEngine
    text: str
    start: int
    end: int
    word: str  # as written
    low: str
    zipf: float
    cue: re.Match | None  # the word just before (`PREVIOUS_WORD_RE`)
    after: re.Match | None  # the word just after (`NEXT_WORD_RE`)
    personal: dict[str, float]  # the writer's own slips with this word: option -> weight

    @property
    def before(self) -> str:
        return self.cue.group(1) if self.cue else ""

    @property
    def lexicon(self) -> Lexicon:
        return self.eng.lexicon

    @property
    def tuning(self) -> Tuning:
        return self.eng.tuning

    def points_to(self, alt: str) -> bool:
        """Whether the word after or before is far likelier beside `alt` than beside this word, and
        the word on the other side not far likelier beside this one."""
        bigram, low, before, after = self.lexicon.bigram_zipf, self.low, self.before, self.after
        gains = [bigram(alt, after.group(1)) - bigram(low, after.group(1)) if after is not None else 0.0,
                 bigram(before, alt) - bigram(before, low) if before else 0.0]
        gap = self.tuning.cue_gap
        return max(gains) >= gap and min(gains) > -gap


def phrase_zipf(lex: Lexicon, word: str) -> float:
    """A word's Zipf frequency; a phrase's, that of its commonest word."""
    return max(lex.zipf(part) for part in word.split(" ")) if " " in word else lex.zipf(word)


def as_option(lex: Lexicon, text: str) -> str:
    """An option as the sentence is scored with it: lower case (the writer's capitals are put back
    later), except a name, which keeps its capital ("wensday" -> Wednesday)."""
    low = text.lower()
    return lex.form(low) if lex.is_name(low) else low


def channel_cost(written: str, option: str) -> float:
    """The error model's cost (its units); a missing space ("alot" for "a lot") is one cheap slip."""
    if " " in option and option.replace(" ", "").lower() == written.lower():
        return SPLIT_COST
    if " " in written and " " not in option:
        return JOIN_COST + edit_cost(written.replace(" ", ""), option).value
    return edit_cost(written, option).value
