"""The context layer: a language model chooses between the written word and its likely confusions.

Each sentence becomes a list of *slots*: places where more than one word is plausible. They come
from the fast engine's suggestions (non-words, ambiguous contractions, joins, rare words) and from
the option sources a written word is asked about, one module each under `sources/` and listed in
`registry`: homophone sets, bare contractions that are also words ("its", "were"), letter
reversals that make a more common word ("bog" -> dog), rare words one slip from a common one
("boor" -> door), compounds that may be two words ("everyday" -> every day), capitalised words
mid-sentence that are neither words nor known names ("the Royl family"), forms the word before
calls for ("he was play" -> playing), verbs where the word before wants one ("I thing" -> think),
two words one slip from one word ("be for" -> before), and, for every other common word, its
likeliest slips by the learned channel and a bigram estimate ("broke is leg" -> his).

Slots are decided left to right (`decide`). For each, the model scores every option followed by
the next few words, after the sentence so far (with earlier decisions applied); a sentence's slots
are scored together in one batch, and again only after a decision changes the text. The written
word is kept unless an option beats it by a margin, which is smallest where the writer's word is
least likely to be meant. Every margin, floor and threshold is in `Tuning`
(`resources/curated/tuning.yaml`).

Modules: `engine` (ContextEngine: finding slots), `source` and `sources/` (where options come
from), `registry`, `slot`, `decide` (scoring and choosing), `render` (suggestions), `tuning`.
"""

from ..text import SENTENCE_RE
from .engine import ContextEngine, Scorer
from .slot import Slot
from .tuning import Tuning, shipped_tuning, tuning_from

__all__ = ["SENTENCE_RE", "ContextEngine", "Scorer", "Slot", "Tuning", "shipped_tuning", "tuning_from"]
