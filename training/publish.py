"""`publish`: a model card (data, recipe, scores) and an upload of the export folder to the hub."""

from __future__ import annotations

import json
from pathlib import Path

import yaml


def model_card(folder: Path, repo: str) -> str:
    info = json.loads((folder / "export.json").read_text()) if (folder / "export.json").exists() else {}
    recipe_path = next((p for p in (folder / "recipe.yaml", folder.parent / "recipe.yaml", folder.parent / "model" / "recipe.yaml") if p.exists()), None)
    recipe = yaml.safe_load(recipe_path.read_text()) if recipe_path else {}
    results = folder / "evaluation" / "results.md"
    scores = results.read_text() if results.exists() else "Not evaluated yet: run `dyslexic-writer train evaluate`."
    return f"""---
license: apache-2.0
tags: [spelling-correction, dyslexia, gguf]
---
# {repo}

A spelling corrector for dyslexic writers, made for [Dyslexic Writer](https://github.com/) (an offline
writing app). It rewrites one sentence at a time; the app aligns its output with the writer's words and
only offers spelling, apostrophe, word-boundary and homophone fixes.

- File: `{info.get('file', '?')}` ({info.get('size_mb', '?')} MB, sha256 `{info.get('sha256', '?')}`)
- Prompt family: `{info.get('family', recipe.get('family', '?'))}` (see the Modelfile for the exact template)
- Base model: `{recipe.get('base_model', '?')}`; method: {recipe.get('method', '?')}; epochs: {recipe.get('epochs', '?')};
  learning rate: {recipe.get('learning_rate', '?')}; max length: {recipe.get('max_length', '?')}

## Data
The Birkbeck spelling corpus (less every pair of the Holbrook passages, which are test writing), the
GitHub Typo Corpus (code identifiers and real-word swaps filtered out), extra misspelling pairs, and
generated sentence sets for contractions, homophones and
dyslexic letter patterns (each at least 1.5% of the training mix). Word pairs whose correct word falls in
the held-out split (sha1 of the word ends in 0) were never trained on.

## Scores (strict: the output must equal the expected sentence)
{scores}
"""


def run(folder: Path, repo: str, dry_run: bool = False) -> list[str]:
    folder = Path(folder)
    card = model_card(folder, repo)
    (folder / "README.md").write_text(card, encoding="utf-8")
    files = sorted(p.name for p in folder.iterdir() if p.suffix in (".gguf", ".md", ".json", ".yaml") or p.name == "Modelfile")
    files = [f for f in files if not f.endswith("-f16.gguf")]
    if dry_run:
        print(f"would upload to {repo}: {', '.join(files)}")
        return files
    from huggingface_hub import HfApi

    api = HfApi()
    api.create_repo(repo, exist_ok=True, repo_type="model")
    for name in files:
        api.upload_file(path_or_fileobj=str(folder / name), path_in_repo=name, repo_id=repo)
    print(f"uploaded {len(files)} files to {repo}")
    return files
