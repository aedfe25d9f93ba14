"""A capitalised word mid-sentence that is neither a word nor a name we know ("the Royl family",
"in Prisern 3 times"): the fast engine leaves it alone as a possible name, and the sentence
decides, against a high margin, whether it wants a word or a common name one cheap slip away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...candidates.search import rank_corrections
from ...types import Kind
from ..slot import Slot
from ..source import Source, as_option
from .nonwords import with_seen

if TYPE_CHECKING:
    from ..engine import ContextEngine


def capital_slot(eng: ContextEngine, start: int, end: int, w: str) -> Slot | None:
    """Short capitalised tokens are mostly initials and abbreviations, and all capitals an acronym
    or a code far more often than a slip ("XTV", "NHSX")."""
    low, lex, tuning = w.lower(), eng.lexicon, eng.tuning
    if not w.isalpha() or w.isupper() or len(w) < tuning.capital_min_len or lex.is_valid(low):
        return None
    options = [as_option(lex, c.text) for c in rank_corrections(lex, low, tuning.max_options)
               if c.cost <= tuning.capital_max_cost and " " not in c.text]
    if not options:
        return None
    return with_seen(eng, Slot(start, end, w, options, CAPITAL.name,
                               option_sources=dict.fromkeys(options, CAPITAL.name)))


CAPITAL = Source("capital", Kind.SPELLING, wordless=True, discounted=False)
