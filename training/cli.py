"""`dyslexic-writer train STAGE ...` (or `python -m dyslexic_writer.training STAGE ...`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _default_data() -> Path:
    here = Path.cwd() / ".." / "shared" / "data"
    return here if here.exists() else Path("data")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dyslexic-writer train", description="Reproduce the fine-tuned correction models.")
    sub = p.add_subparsers(dest="stage", required=True)

    pr = sub.add_parser("prepare", help="corpora -> chat-format JSONL splits")
    pr.add_argument("--data", type=Path, default=None, help="folder with corpora/ and synthetic/ (default ../shared/data)")
    pr.add_argument("--out", type=Path, default=Path("out/data"))
    pr.add_argument("--download", action="store_true", help="fetch the public corpora first (needs internet)")
    pr.add_argument("--max-github", type=int, default=None)

    tr = sub.add_parser("train", help="fine-tune a model with a recipe")
    tr.add_argument("recipe", help="a recipe name in training/recipes or a YAML path")
    tr.add_argument("--data", type=Path, default=Path("out/data"))
    tr.add_argument("--out", type=Path, default=None)
    tr.add_argument("--max-steps", type=int, default=None)
    tr.add_argument("--max-minutes", type=float, default=None)
    tr.add_argument("--train-limit", type=int, default=None)
    tr.add_argument("--method", choices=("lora", "full"), default=None)

    ev = sub.add_parser("evaluate", help="benchmark a Hugging Face folder or a GGUF")
    ev.add_argument("model", help="a model folder (Hugging Face format) or a .gguf file")
    ev.add_argument("--family", default=None, help="prompt family (read from the model's training config if omitted)")
    ev.add_argument("--cases", type=Path, action="append", default=None, help="case files (default: seed99)")
    ev.add_argument("--test", type=Path, default=None, help="held-out test JSONL from prepare")
    ev.add_argument("--test-limit", type=int, default=200)
    ev.add_argument("--out", type=Path, default=None)

    ex = sub.add_parser("export", help="Hugging Face folder -> GGUF F16 -> Q4_K_M, Modelfile, catalog entry")
    ex.add_argument("model", type=Path)
    ex.add_argument("--out", type=Path, default=None)
    ex.add_argument("--family", default=None)
    ex.add_argument("--llama-source", type=Path, default=None, help="llama-cpp-python source tree or sdist")

    rk = sub.add_parser("ranker", help="fit the word-correction ranker on the training split of the pairs")
    rk.add_argument("--data", type=Path, default=None, help="folder with corpora/ (default ../shared/data)")
    rk.add_argument("--out", type=Path, default=Path("resources/generated/ranker.yaml"))
    rk.add_argument("--sample", type=int, default=6000, help="training pairs to use")

    cf = sub.add_parser("confusions", help="derive real-word confusions from the training split of the pairs")
    cf.add_argument("--data", type=Path, default=None, help="folder with corpora/ and synthetic/ (default ../shared/data)")
    cf.add_argument("--out", type=Path, default=Path("resources/generated/real_words.yaml"))

    ch = sub.add_parser("channel", help="learn weak spellers' letter slips from the training split of the pairs")
    ch.add_argument("--data", type=Path, default=None, help="folder with corpora/ (default ../shared/data)")
    ch.add_argument("--out", type=Path, default=Path("resources/generated/channel.tsv"))

    ms = sub.add_parser("misspellings", help="list weak spellers' known misspellings from the training split of the pairs")
    ms.add_argument("--data", type=Path, default=None, help="folder with corpora/ (default ../shared/data)")
    ms.add_argument("--out", type=Path, default=Path("resources/generated/misspellings.tsv"))

    ht = sub.add_parser("head-tokens", help="the token list that lets the CPU skip a model's output layer")
    ht.add_argument("model", type=Path, nargs="?", default=None, help="a GGUF (default: the embedded model)")
    ht.add_argument("--data", type=Path, default=None, help="folder with synthetic/ (default ../shared/data)")
    ht.add_argument("--out", type=Path, default=Path("resources/generated/output_head/gemma3-270m.npy"))
    ht.add_argument("--sentences", type=int, default=600)

    rg = sub.add_parser("regenerate", help="rebuild every resource learned from the training pairs (channel, "
                                           "misspellings, confusions, ranker), in order")
    rg.add_argument("--data", type=Path, default=None, help="folder with corpora/ and synthetic/ (default ../shared/data)")
    rg.add_argument("--out-dir", type=Path, default=Path("resources/generated"),
                    help="where the files go (default resources/generated/)")
    rg.add_argument("--sample", type=int, default=6000, help="training pairs the ranker uses")

    pu = sub.add_parser("publish", help="write a model card and upload to the hub")
    pu.add_argument("folder", type=Path, help="an export folder")
    pu.add_argument("--repo", required=True)
    pu.add_argument("--dry-run", action="store_true")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ImportError as exc:
        print(f"dyslexic-writer train {args.stage}: {exc.name or exc} is missing; install the training extra: "
              "pip install 'dyslexic-writer[training]'", file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        print(f"dyslexic-writer train {args.stage}: {exc}", file=sys.stderr)
        return 1


def _run(args) -> int:
    if args.stage == "prepare":
        from .prepare import run

        run(args.data or _default_data(), args.out, args.max_github, args.download)
        return 0
    if args.stage == "train":
        from .train import run

        run(args.recipe, args.data, args.out, {
            "max_steps": args.max_steps, "max_minutes": args.max_minutes,
            "train_limit": args.train_limit, "method": args.method,
        })
        return 0
    if args.stage == "evaluate":
        from .evaluate import run

        run(args.model, args.family, args.cases, args.test, args.test_limit, args.out)
        return 0
    if args.stage == "export":
        from .export import run

        run(args.model, args.out, args.family, args.llama_source)
        return 0
    if args.stage == "ranker":
        from .ranker import run

        result = run(args.data or _default_data(), args.out, args.sample)
        print(f"wrote {args.out}: validation top-1 within pools {result['validation_top1_in_pool']:.1%}")
        return 0
    if args.stage == "confusions":
        from .confusions import run

        result = run(args.data or _default_data(), args.out)
        print(f"wrote {args.out}: {result['pairs']} confusions for {result['words']} words, "
              f"{result['common']} of common words")
        return 0
    if args.stage == "channel":
        from .channel import run

        result = run(args.data or _default_data(), args.out)
        print(f"wrote {args.out}: {result['rules']} rules from {result['pairs']} pairs")
        return 0
    if args.stage == "misspellings":
        from .misspellings import run

        result = run(args.data or _default_data(), args.out)
        print(f"wrote {args.out}: {result['pairs']} misspellings of {result['written']} written words")
        return 0
    if args.stage == "head-tokens":
        from .head_tokens import run

        if args.model is None:
            from dyslexic_writer.runtime.embedded import embedded_model_path

            args.model = embedded_model_path()
        info = run(args.model, args.data or _default_data(), args.out, args.sentences)
        print(f"wrote {args.out}: {info['keep']} of the {info['seen']} tokens seen in {info['sentences']} sentences")
        return 0
    if args.stage == "regenerate":
        from .regenerate import run

        seconds = run(args.data or _default_data(), args.out_dir, args.sample)
        print(f"regenerated {len(seconds)} resources in {sum(seconds.values()):.1f} s")
        return 0
    if args.stage == "publish":
        from .publish import run

        run(args.folder, args.repo, args.dry_run)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
