"""`evaluate`: the app's benchmark for a trained model, as a generative corrector.

A Hugging Face folder is run with transformers, a GGUF with llama.cpp; both go through the app's
`GenerativeCorrector` (same prompt, same alignment and guardrails, no scorer), so the figures are
those a writer would see. Scored on seed99 and on the held-out test split from `prepare`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from dyslexic_writer.bench.cases import Case, parse_cases
from dyslexic_writer.bench.sentences import format_table, run_cases

DEFAULT_CASES = Path("../shared/benchmarks/seed99.tsv")


class TransformersGenerator:
    def __init__(self, folder: Path):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(folder)
        self.model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
        self.model.eval()

    def generate(self, prompt: str, stop: list[str], max_tokens: int, cancelled: Callable[[], bool]) -> str:
        ids = self.tok(prompt, return_tensors="pt", add_special_tokens=False)
        with self.torch.no_grad():
            out = self.model.generate(**ids, max_new_tokens=max_tokens, do_sample=False,
                                      pad_token_id=self.tok.pad_token_id or self.tok.eos_token_id)
        text = self.tok.decode(out[0][ids["input_ids"].shape[1]:], skip_special_tokens=False)
        for s in stop:
            text = text.split(s)[0]
        return text


def family_of(model: Path, given: str | None) -> str:
    if given:
        return given
    for meta in (model / "dyslexic_writer.json", model.parent / "export.json", model.with_name("export.json")):
        if meta.is_file():
            return json.loads(meta.read_text())["family"]
    raise ValueError("give --family (qwen3, qwen2.5, smollm2 or gemma)")


def test_cases(path: Path, limit: int) -> list[Case]:
    cases = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            msgs = {m["role"]: m["content"] for m in row["messages"]}
            cases.append(Case(row.get("category", "test"), msgs["user"], (msgs["assistant"],)))
            if len(cases) >= limit:
                break
    return cases


def markdown(name: str, results: dict[str, list[dict]]) -> str:
    lines = ["| Model | Set | Strict | Similarity rule | Pass | Corrections | Edge | Dyslexia | Edit P | Edit R | F2 | ms/sentence |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for set_name, rows in results.items():
        by = {r["category"]: r for r in rows}
        total = by["total"]

        def cat(c):
            r = by.get(c)
            return f"{r['strict']}/{r['cases']}" if r else "-"

        lines.append(f"| {name} | {set_name} | {total['strict_pct']}% | {total['similarity_pct']}% | {cat('pass')} | "
                     f"{cat('corr')} | {cat('edge')} | {cat('dys')} | {total['precision']} | {total['recall']} | "
                     f"{total['f2']} | {total['median_ms']} |")
    return "\n".join(lines) + "\n"


def run(model: str, family: str | None, cases: list[Path] | None, test: Path | None, test_limit: int, out: Path | None) -> dict:
    from dyslexic_writer.engine.fast import FastEngine
    from dyslexic_writer.engine.generative import GenerativeCorrector
    from dyslexic_writer.engine.prompts import prompt_format

    path = Path(model)
    fam = family_of(path, family)
    if path.suffix == ".gguf":
        from dyslexic_writer.runtime.llama import LlamaGenerator

        generator = LlamaGenerator(path)
    else:
        generator = TransformersGenerator(path)
    engine = GenerativeCorrector(FastEngine(), generator, prompt_format(fam))
    sets: dict[str, list[Case]] = {}
    for c in cases or ([DEFAULT_CASES] if DEFAULT_CASES.exists() else []):
        sets[Path(c).stem] = parse_cases(Path(c).read_text(encoding="utf-8"))
    if test is not None:
        sets["held-out test"] = test_cases(test, test_limit)
    results, records = {}, {}
    for name, items in sets.items():
        tallies, recs = run_cases(engine, items, warmup=1)
        results[name] = [t.row(k) for k, t in tallies.items()]
        records[name] = recs
        print(format_table(results[name], f"{path.name} on {name}"))
    out = Path(out or (path.parent if path.suffix == ".gguf" else path) / "evaluation")
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps({"model": str(path), "family": fam, "results": results, "cases": records}, indent=1), encoding="utf-8")
    (out / "results.md").write_text(markdown(path.stem, results), encoding="utf-8")
    return results
