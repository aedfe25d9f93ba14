"""Every option source, and the order a written word is asked about them.

To add a source: a module under `sources/` defining its `Source` (with `propose` where a written
word is asked about it), its margin in `resources/curated/tuning.yaml` (and `tuning.DEFAULT_MARGINS`), and
an entry below.
"""

from __future__ import annotations

from .source import Source
from .sources.apostrophes import CONTRACTION, CONTRACTION_CUED
from .sources.articles import ARTICLE
from .sources.capitals import CAPITAL
from .sources.forms import INFLECTION
from .sources.homophones import HOMOPHONE
from .sources.joins import JOIN
from .sources.neighbours import NEIGHBOUR
from .sources.nonwords import NONWORD, RARE_FORM, UNKNOWN
from .sources.own_slips import PERSONAL
from .sources.owners import OWNER, POSSESSIVE
from .sources.rare import RARE
from .sources.reversals import REVERSAL
from .sources.slips import SLIP
from .sources.splits import SPLIT
from .sources.training_pairs import COMMON, REALWORD
from .sources.verbs import VERB

# The sources a written word is asked about, in this order. An option two of them name keeps the
# first's name unless the later one's margin is smaller (`ContextEngine._context_slot`), so the
# order matters where margins tie; the neighbour source, the strictest, comes last.
ASKED: tuple[Source, ...] = (HOMOPHONE, PERSONAL, REALWORD, ARTICLE, COMMON, CONTRACTION, POSSESSIVE, OWNER,
                             INFLECTION, VERB, REVERSAL, RARE, SPLIT, NEIGHBOUR)

SOURCES: dict[str, Source] = {s.name: s for s in (
    NONWORD, CONTRACTION_CUED, CONTRACTION, HOMOPHONE, REVERSAL, RARE, SPLIT, JOIN, REALWORD, COMMON, UNKNOWN,
    RARE_FORM, CAPITAL, PERSONAL, INFLECTION, VERB, POSSESSIVE, NEIGHBOUR, OWNER, ARTICLE, SLIP,
)}

WORDLESS = frozenset(s.name for s in SOURCES.values() if s.wordless)
UNWRITTEN = frozenset(s.name for s in SOURCES.values() if s.unwritten)
SPACING = frozenset(s.name for s in SOURCES.values() if s.spacing)
