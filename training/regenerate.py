"""`dyslexic-writer train regenerate`: every resource learned from the training pairs, rebuilt from
one data folder in one go, each file stamped with a fingerprint of its inputs (`provenance`).

The order is the order of dependence. The channel comes first because the ranker prices slips with
channels fitted the channel stage's way. The ranker comes last: it is the slowest stage, and its
pools use the same weighed counts. The known misspellings and the real-word confusions depend on no
other stage. The corpora are read and filtered once and shared by every stage.

The CPU output head's token list (`train head-tokens`) is not rebuilt here. It is learned from the
embedded model's own predictions on the generated sentences, not from any pair, so it changes with
the model, not with the pair corpora.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

MADE_BY = "dyslexic-writer train regenerate"
# stage -> (output file under resources/generated/, a one-line summary of its result)
STAGES: dict[str, tuple[str, Callable[[dict], str]]] = {
    "channel": ("channel.tsv", lambda r: f"{r['rules']} rules from {r['pairs']} pairs"),
    "misspellings": ("misspellings.tsv", lambda r: f"{r['pairs']} misspellings of {r['written']} written words"),
    "confusions": ("real_words.yaml", lambda r: f"{r['pairs']} confusions for {r['words']} words, "
                                                f"{r['common']} of common words"),
    "ranker": ("ranker.yaml", lambda r: f"validation top-1 within pools {r['validation_top1_in_pool']:.1%}"),
}


def _stage(name: str):
    if name == "channel":
        from .channel import run
    elif name == "misspellings":
        from .misspellings import run
    elif name == "confusions":
        from .confusions import run
    else:
        from .ranker import run
    return run


def run(data: Path, out_dir: Path, sample: int = 6000, log: Callable[[str], None] = print) -> dict[str, float]:
    """Run every stage into `out_dir`; returns each stage's seconds."""
    from ..engine.lexicon import open_lexicon
    from .pairs import describe_weights, load_training_pairs

    t0 = time.perf_counter()
    corpus = load_training_pairs(data, open_lexicon())
    sizes = ", ".join(f"{name} {len(p)}" for name, p in corpus.pairs.items())
    log(f"read the training split of {data} in {time.perf_counter() - t0:.1f} s: {sizes} pairs "
        f"(weights {describe_weights()})")
    seconds = {}
    for i, (name, (file, summary)) in enumerate(STAGES.items(), 1):
        out = out_dir / file
        log(f"[{i}/{len(STAGES)}] {name} -> {out} ...")
        t0 = time.perf_counter()
        kwargs = {"sample": sample} if name == "ranker" else {}
        result = _stage(name)(data, out, made_by=MADE_BY, corpus=corpus, **kwargs)
        seconds[name] = time.perf_counter() - t0
        log(f"[{i}/{len(STAGES)}] {name}: {summary(result)} ({seconds[name]:.1f} s)")
    return seconds


def generated_files(resources: Path) -> list[Path]:
    """The files `run` writes, under a resources folder."""
    return [resources / file for file, _summary in STAGES.values()]
