"""`prepare`: raw corpora -> chat-format JSONL splits, with a table of counts."""

from __future__ import annotations

import gzip

import json
import random
import urllib.request
from pathlib import Path

from .data import Example, balance, count_table, filter_github, sentence_examples, split, word_pair_examples
from .recipe import save_resolved
from .sources import (
    WordPair,
    parse_birkbeck,
    parse_extra_misspellings,
    parse_github_typos,
    parse_holbrook,
    parse_instruction_jsonl,
    parse_sentence_pairs,
    parse_word_pair_json,
)

# Public originals, for users with internet (`prepare --download`).
DOWNLOADS = {
    "corpora/birkbeck.dat": "https://www.dcs.bbk.ac.uk/~ROGER/missp.dat",
    "corpora/github-typo-corpus.jsonl.gz": "https://github-typo-corpus.s3.amazonaws.com/data/github-typo-corpus.v1.0.0.jsonl.gz",
}
# Mitton's list of the Holbrook passages' misspellings. The passages are test writing, and the
# original Birkbeck file holds many of their pairs: a downloaded Birkbeck file is saved without them,
# and the list itself is never saved.
HOLBROOK_URL = "https://www.dcs.bbk.ac.uk/~ROGER/holbrook-missp.dat"


def parse_github_typo_jsonl(text: str) -> list[WordPair]:
    """The GitHub Typo Corpus release: one commit per line with `edits` of `src`/`tgt` text and
    an `is_typo` flag; single-word typo edits become pairs."""
    pairs = []
    for line in text.splitlines():
        if not line.strip():
            continue
        commit = json.loads(line)
        for edit in commit.get("edits", []):
            if not edit.get("is_typo"):
                continue
            a, b = edit["src"]["text"].split(), edit["tgt"]["text"].split()
            if len(a) != len(b):
                continue
            diff = [(x, y) for x, y in zip(a, b) if x != y]
            if len(diff) == 1:
                pairs.append(WordPair(diff[0][0].strip(".,;:!?\"'()"), diff[0][1].strip(".,;:!?\"'()"), "github"))
    return pairs


def without_pairs(text: str, drop: set[tuple[str, str]]) -> str:
    """A `$correct`-grouped corpus less the misspelling lines whose (misspelling, correct) pair, in
    lower case, is in `drop` (as `parse_dollar_groups` reads them)."""
    kept = []
    correct = ""
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("$"):
            correct = stripped[1:].strip().replace("_", " ").lower()
        elif stripped:
            parts = stripped.split()
            if len(parts) > 1 and parts[-1].isdigit():
                parts.pop()
            if (" ".join(parts).replace("_", " ").lower(), correct) in drop:
                continue
        kept.append(line)
    return "".join(kept)


def download(data_dir: Path, urls: dict[str, str] = DOWNLOADS, holbrook_url: str = HOLBROOK_URL) -> list[Path]:
    """Fetch the public corpora into `data_dir` (skipping files already there); Birkbeck's comes
    without the Holbrook pairs."""
    got = []
    for rel, url in urls.items():
        target = data_dir / rel
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        with urllib.request.urlopen(url, timeout=60) as resp, open(tmp, "wb") as out:
            while block := resp.read(1 << 20):
                out.write(block)
        if target.name == "birkbeck.dat":
            with urllib.request.urlopen(holbrook_url, timeout=60) as resp:
                test_pairs = parse_holbrook(resp.read().decode("utf-8", errors="replace"))
            drop = {(p.misspelling.lower(), p.correct.lower()) for p in test_pairs}
            tmp.write_text(without_pairs(_read(tmp), drop), encoding="utf-8")
        tmp.replace(target)
        got.append(target)
    return got


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def collect(data_dir: Path, max_github: int | None = None) -> list[Example]:
    from dyslexic_writer.engine.confusions import load_confusions
    from dyslexic_writer.engine.lexicon import open_lexicon

    confusions = load_confusions()
    lex = open_lexicon()
    corpora = data_dir / "corpora"
    pairs: list[WordPair] = []
    if (corpora / "birkbeck.dat").exists():
        pairs += parse_birkbeck(_read(corpora / "birkbeck.dat"))
    if (corpora / "extra_misspellings.csv").exists():
        pairs += parse_extra_misspellings(_read(corpora / "extra_misspellings.csv"))
    github: list[WordPair] = []
    if (corpora / "github_typos_pairs.csv").exists():
        github += parse_github_typos(_read(corpora / "github_typos_pairs.csv"))
    if (corpora / "github-typo-corpus.jsonl.gz").exists():
        with gzip.open(corpora / "github-typo-corpus.jsonl.gz", "rt", encoding="utf-8") as fh:
            github += parse_github_typo_jsonl(fh.read())
    github = filter_github(github, lex.is_common)
    if max_github is not None:
        github = github[:max_github]
    pairs = [p for p in pairs if " " not in p.correct or p.correct.replace(" ", "").isalpha()]
    examples = word_pair_examples(pairs + github, confusions)
    synthetic = data_dir / "synthetic"
    for f in sorted(synthetic.glob("*.json")) if synthetic.is_dir() else []:
        src = f.stem.replace("_gemini3", "")
        if "word_pairs" in f.name:
            examples += word_pair_examples(parse_word_pair_json(_read(f), src), confusions)
        else:
            examples += sentence_examples(parse_sentence_pairs(_read(f), src), src, confusions)
    pn = synthetic / "proper_nouns_train.jsonl"
    if pn.exists():
        examples += sentence_examples(parse_instruction_jsonl(_read(pn)), "proper_nouns", confusions, "proper_noun")
    return examples


def to_chat(e: Example, instruction: str) -> dict:
    return {
        "messages": [
            {"role": "system", "content": instruction},
            {"role": "user", "content": e.input},
            {"role": "assistant", "content": e.output},
        ],
        "source": e.source,
        "category": e.category,
    }


def run(data_dir: Path, out_dir: Path, max_github: int | None = None, do_download: bool = False) -> dict:
    from dyslexic_writer.runtime.catalog import load_prompts

    if do_download:
        download(data_dir)
    instruction = load_prompts()["instruction"].strip()
    parts = split(collect(data_dir, max_github))
    parts["train"] = balance(parts["train"])  # only what the model learns from is rebalanced
    random.Random(0).shuffle(parts["train"])  # so a `train_limit` subset is a fair sample
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, items in parts.items():
        with open(out_dir / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for e in items:
                fh.write(json.dumps(to_chat(e, instruction), ensure_ascii=False) + "\n")
    table = count_table(parts)
    (out_dir / "counts.txt").write_text(table + "\n", encoding="utf-8")
    save_resolved(out_dir / "prepare_config.yaml", {
        "stage": "prepare", "data_dir": str(data_dir), "max_github": max_github, "download": do_download,
        "counts": {k: len(v) for k, v in parts.items()},
    })
    print(table)
    return {k: len(v) for k, v in parts.items()}
