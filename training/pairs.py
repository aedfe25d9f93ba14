"""The fair training pairs that every learned resource is built from. These are the word-pair corpora
named in pair_sources.yaml (Birkbeck, the extra misspelling lists, the filtered GitHub typos), each
weighed by how much it looks like weak spellers' writing.

Only the training split leaves this module (the held-out rule, `sources.is_held_out`). It reads
nothing but the data folder's corpora, so no test writing and no benchmark can get in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..package_data import read_text
from .data import filter_github
from .sources import WordPair, is_held_out, parse_birkbeck, parse_extra_misspellings, parse_github_typos

PARSERS = {"dollar_groups": parse_birkbeck, "extra_csv": parse_extra_misspellings, "github_csv": parse_github_typos}


@dataclass(frozen=True)
class PairSource:
    name: str
    file: str  # relative to the data folder
    format: str  # a key of PARSERS
    weight: float
    overlaps: str = ""  # another source holding many of the same pairs: a pair in both counts once


@dataclass(frozen=True)
class TrainingPairs:
    sources: tuple[PairSource, ...]
    pairs: Mapping[str, tuple[WordPair, ...]]  # source name -> its pairs in the training split

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(s.file for s in self.sources)

    def weighted(self, count: Callable[[list[WordPair]], Counter]) -> Counter:
        """`count` applied to each source's pairs, each tally times its source's weight, summed over
        sources. Within a group of overlapping sources a pair counts its largest weighted tally, not
        the sum: one child's slip copied into another list is still one slip."""
        groups: dict[str, list[Counter]] = {}
        for s in self.sources:
            tally = count(list(self.pairs[s.name]))
            groups.setdefault(s.overlaps or s.name, []).append(Counter({k: s.weight * n for k, n in tally.items()}))
        out: Counter = Counter()
        for members in groups.values():
            out.update(merged_counts(*members))
        return Counter({k: round(n, 6) for k, n in out.items()})  # sums of weights, free of float dust


def merged_counts(*overlapping: Counter, extra: Counter | None = None) -> Counter:
    """Counts from corpora that may hold the same slips: each pair counts its largest tally among
    `overlapping`, plus its tally in `extra` (independent data)."""
    out: Counter = Counter()
    for counts in overlapping:
        for key, n in counts.items():
            out[key] = max(out[key], n)
    out.update(extra or Counter())
    return out


@lru_cache(maxsize=1)
def recipe() -> dict:
    """pair_sources.yaml, as written."""
    text = read_text("dyslexic_writer.training", "pair_sources.yaml")
    return yaml.safe_load(text)


def pair_sources() -> tuple[PairSource, ...]:
    return tuple(PairSource(name, d["file"], d["format"], float(d["weight"]), d.get("overlaps", ""))
                 for name, d in recipe()["pairs"].items())


def source(name: str) -> PairSource:
    return next(s for s in pair_sources() if s.name == name)


def sentence_files(data: Path) -> list[Path]:
    """The generated sentence-pair files (the word-pair ones are left out: they are no sentences)."""
    return [p for p in sorted(data.glob(recipe()["sentences"]["files"])) if "word_pairs" not in p.name]


def sentence_weight() -> float:
    return float(recipe()["sentences"]["weight"])


def describe_weights() -> str:
    """The weights in one line, for the header of a generated file: "birkbeck 1, extra 0.5, ..."."""
    return ", ".join(f"{s.name} {s.weight:g}" for s in pair_sources())


def read_source(data: Path, src: PairSource) -> list[WordPair]:
    """Every pair of one source file, both splits, as the file has them."""
    path = data / src.file
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing (the training data folder needs {src.file})")
    return PARSERS[src.format](path.read_text(encoding="utf-8", errors="replace"))


def fair_github(pairs: list[WordPair], lex) -> list[WordPair]:
    """GitHub typo pairs less code identifiers, swaps of two valid words (`data.filter_github`), and
    corrections to a string the dictionary does not have: those are joined identifiers
    ("tenantstring"), not words anyone misspelt."""
    return [p for p in filter_github(pairs, lex.is_common) if lex.is_valid(p.correct.lower())]


def load_training_pairs(data: Path, lex=None) -> TrainingPairs:
    """The training split of every pair source in `data`. `lex` (default: the compiled dictionary)
    filters the GitHub pairs."""
    if lex is None:
        from ..engine.lexicon import open_lexicon

        lex = open_lexicon()
    found = {}
    for src in pair_sources():
        pairs = read_source(data, src)
        if src.format == "github_csv":
            pairs = fair_github(pairs, lex)
        found[src.name] = tuple(p for p in pairs if not is_held_out(" ".join(p.correct.split())))
    return TrainingPairs(pair_sources(), found)
