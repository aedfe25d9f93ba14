"""The dictionary: which words are valid, how common they are, which are names, and how to find
the valid words near a misspelling.

- `keys`: the delete keys and sound codes a word is filed under;
- `build`: gathering the words from Hunspell and the word lists, compiling the SQLite index;
- `store`: the index's tables and `Lexicon`, the thread-safe reader;
- `index`: where the index lives, when it is stale, and the one shipped prebuilt in the bundle.

The names below are the package's public face; import them from here.
"""

from .build import INDEX_FORMAT, build_index, hunspell_dir, load_hunspell, source_fingerprint, symspell_data_path
from .index import ENV, current_shipped_index, index_path, is_current, needs_build, open_lexicon
from .keys import deletes, indexed_sound_keys, sound_keys
from .store import AMERICAN, BRITISH, TIER_COMMON, TIER_NAME, TIER_RARE, Lexicon

__all__ = [
    "AMERICAN", "BRITISH", "ENV", "INDEX_FORMAT", "TIER_COMMON", "TIER_NAME", "TIER_RARE", "Lexicon",
    "build_index", "current_shipped_index", "deletes", "hunspell_dir", "index_path", "indexed_sound_keys",
    "is_current", "load_hunspell", "needs_build", "open_lexicon", "sound_keys", "source_fingerprint",
    "symspell_data_path",
]
