"""The `dyslexic-writer` command: the editor by default, and sub-commands for everything else."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


class InputError(Exception):
    """Input the checker cannot read: named file missing, not UTF-8, or binary."""


def _read_lines(sources: list[str]):
    """Yield (source name, line number, text) for each line, decoding strictly as UTF-8."""
    if not sources:
        sources = ["-"]
    for src in sources:
        name = "standard input" if src == "-" else src
        try:
            fh = sys.stdin.buffer if src == "-" else open(src, "rb")
        except OSError as exc:
            raise InputError(f"cannot open {src}: {exc.strerror or exc}") from None
        try:
            for n, raw in enumerate(fh, 1):
                if b"\0" in raw:
                    raise InputError(f"{name} looks like a binary file (line {n} has a NUL byte); give it plain text")
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{name} line {n} is not valid UTF-8 text (byte {exc.start + 1}); save it as UTF-8 and try again"
                    ) from None
                if n == 1 and line.startswith("\ufeff"):
                    line = line[1:]  # a byte-order mark is not text
                yield name, n, line.rstrip("\r\n")
        finally:
            if fh is not sys.stdin.buffer:
                fh.close()


def _readable(result) -> str:
    if not result.text.strip():
        return ""
    if not result.suggestions:
        return f"  ok: {result.text}"
    out = []
    for s in result.suggestions:
        others = f" (or {', '.join(s.replacements[1:4])})" if len(s.replacements) > 1 else ""
        note = f" - {s.explanation}" if s.explanation else ""
        change = f"-> {s.best!r}" if s.replacements else "(not in the dictionary; no suggestion)"
        out.append(f"  {s.original!r} {change}{others} [{s.kind}, {s.confidence:.2f}]{note}")
    out.append(f"  corrected: {result.corrected}")
    return "\n".join(out)


def _engine_or_exit(args, command: str):
    from .engine.select import EngineUnavailable, make_engine

    try:
        from .settings import spelling_preference

        return make_engine(args.engine, args.model, spelling=spelling_preference(getattr(args, "spelling", "auto")))
    except EngineUnavailable as exc:
        print(f"dyslexic-writer {command}: the model could not be used: {exc}", file=sys.stderr)
        return None


def _spelling_option(parser, default: str) -> None:
    """Benchmarks default to either spelling, so their figures do not depend on the machine's language."""
    from .settings import SPELLING_CHOICES

    parser.add_argument("--spelling", choices=SPELLING_CHOICES, default=default,
                        help=f"spelling corrections prefer where British and American differ (auto: the system "
                             f"language; default {default})")


def cmd_check(args) -> int:
    engine = _engine_or_exit(args, "check")
    if engine is None:
        return 1
    if args.profile:
        from .cli_personal import open_profile
        from .engine.personalize import PersonalizedEngine

        engine = PersonalizedEngine(engine, open_profile(args.profile, "check"))
    try:
        for _name, n, line in _read_lines(args.files):
            result = engine.check(line)
            if args.jsonl:
                sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            else:
                text = _readable(result)
                if text:
                    sys.stdout.write(f"line {n}:\n{text}\n")
            sys.stdout.flush()
    except InputError as exc:
        print(f"dyslexic-writer check: {exc}", file=sys.stderr)
        return 2
    return 0


def parse_file(path: str, parse, command: str):
    """A benchmark file parsed, or None after telling the user why it cannot be read."""
    try:
        return parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"dyslexic-writer {command}: cannot read {path}: {exc}", file=sys.stderr)
        return None


def cmd_bench(args) -> int:
    from .bench.cases import parse_cases
    from .bench.sentences import format_table, run_cases

    cases = parse_file(args.cases, parse_cases, "bench")
    if cases is None:
        return 2
    import time

    t0 = time.perf_counter()
    engine = _engine_or_exit(args, "bench")
    if engine is None:
        return 1
    start_s = time.perf_counter() - t0
    tallies, records = run_cases(engine, cases)
    rows = [t.row(name) for name, t in tallies.items()]
    import resource

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load_s = getattr(engine, "load_seconds", None)
    fast_rows = None
    if engine.name != "fast":
        fast = getattr(engine, "fast", None)
        if fast is not None:
            fast_rows = [t.row(name) for name, t in run_cases(fast, cases)[0].items()]
    if args.json:
        print(json.dumps({"engine": args.engine, "start_s": round(start_s, 3), "model_load_s": load_s,
                          "peak_rss_mb": round(peak_mb), "rows": rows, "fast_rows": fast_rows, "cases": records}, indent=1))
    else:
        label = engine.name if engine.name == "fast" else f"{engine.name} ({getattr(engine, 'model_name', '') or args.model or 'embedded'})"
        extra = f", model loaded in {load_s:.2f} s" if load_s is not None else ""
        print(format_table(rows, f"{args.cases}: engine {label}, started in {start_s:.2f} s{extra}, peak RSS {peak_mb:.0f} MB"))
        if fast_rows is not None:
            print()
            print(format_table(fast_rows, "the fast engine alone, same run"))
        print("strict = output equals an expected sentence; similarity = the original suite's rule (difflib ratio >= 0.9)")
        if args.show_failures:
            for r in records:
                if not r["ok"]:
                    print(f"  FAIL [{r['category']}] {r['input']!r} -> {r['output']!r} (expected {' | '.join(r['expected'])!r})")
    return 0


def cmd_bench_words(args) -> int:
    from .bench.words import checked_choices, load_corpora, score, split_pairs, symspell_ranker
    from .engine.select import make_engine

    try:
        pairs = load_corpora(args.data)
    except OSError as exc:
        print(f"dyslexic-writer bench-words: {exc}", file=sys.stderr)
        return 2
    held = split_pairs(pairs, held_out=not args.train_split)
    if args.limit:
        held = held[: args.limit]
    engine = make_engine("fast")
    results = [score("dyslexic-writer fast", engine.suggest_word, held),
               score("check, a word a line", lambda w: checked_choices(engine, w), held),
               score("symspellpy lookup", symspell_ranker(), held)]
    split = "training" if args.train_split else "held-out"
    print(f"{split} Birkbeck+extra pairs: {len(held)}")
    print(f"{'system':<24} {'top-1':>7} {'top-5':>7} {'ms/word':>8}")
    for r in (x.row() for x in results):
        print(f"{r['system']:<24} {r['top1_pct']:>6.1f}% {r['top5_pct']:>6.1f}% {r['ms_per_word']:>8.2f}")
    print("(check, a word a line: the choices `check` gives a word on a line of its own, whatever the engine, "
          "since a word alone has no sentence for the model to weigh; a misspelling that is itself a word is "
          "marked there only when it is rare and a far commoner word is a slip away; its time reuses the "
          "ranking cached by the row above)")
    from .bench.errors import hunspell_is_word
    from .bench.words import marked_share

    marked, total = marked_share(engine, held, hunspell_is_word())
    print(f"marked by the fast engine: {marked}/{total} = {100 * marked / max(1, total):.1f}% of the {split} "
          "misspellings that Hunspell rejects")
    return 0


def cmd_bench_errors(args) -> int:
    import resource

    from .bench.errors import format_report, hunspell_is_word, parse_tagged, run_tagged

    lines = parse_file(args.file, parse_tagged, "bench-errors")
    if lines is None:
        return 2
    if args.limit:
        lines = lines[: args.limit]
    engine = _engine_or_exit(args, "bench-errors")
    if engine is None:
        return 1
    tally, records = run_tagged(engine, lines, hunspell_is_word())
    row = tally.row()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    label = engine.name if engine.name == "fast" else f"{engine.name} ({getattr(engine, 'model_name', '') or args.model or 'embedded'})"
    if args.json:
        print(json.dumps({"engine": args.engine, "peak_rss_mb": round(peak_mb), **row,
                          "lines_detail": records if args.show_failures else None}, indent=1))
        return 0
    print(format_report(row, f"{args.file}: engine {label}, peak RSS {peak_mb:.0f} MB"))
    if args.show_failures:
        for r in records:
            if r["missed"] or r["wrong"]:
                print(f"  {r['input']!r}\n    -> {r['output']!r}\n    missed {r['missed']} wrong {r['wrong']}")
    return 0


def cmd_models(args) -> int:
    from .runtime import catalog as cat
    from .runtime.download import DownloadCancelled, DownloadError, DownloadOptions, download, verify
    from .runtime.hardware import detect, recommend

    models_dir = cat.default_models_dir()
    try:
        if args.action == "list":
            print(f"{'id':<24} {'role':<9} {'size':>8}  {'seed99 strict':<13}  status")
            for e in cat.load_catalog():
                here = e.embedded or e.local_path(models_dir).exists()
                status = "embedded" if e.embedded else ("downloaded" if here else ("not published yet" if not e.published else "available"))
                score = f"{e.seed99_strict:.1f}%" if e.seed99_strict is not None else "not measured"
                print(f"{e.id:<24} {e.role:<9} {e.size_mb:>6} MB  {score:<13}  {status}")
            print("seed99 strict: our own `bench ../shared/benchmarks/seed99.tsv --engine auto --model ID` (output equals an expected sentence)")
            return 0
        if args.action == "recommend":
            hw = detect()
            rec = recommend(hw, cat.load_catalog())
            entry = cat.find(rec.model_id)
            print(f"this machine: {hw.describe()}")
            if hw.backend is not None:
                print(f"llama.cpp: {hw.backend.label()}")
            print(f"recommended: {entry.id} ({entry.name}, {entry.score_label()}): {rec.reason}")
            print(f"  GPU layers: {'all' if rec.n_gpu_layers < 0 else rec.n_gpu_layers}, CPU threads: {rec.n_threads}")
            if rec.gpu_note:
                print(f"  GPU not used: {rec.gpu_note}")
            return 0
        if not args.id:
            print(f"dyslexic-writer models {args.action}: give a model id (see `dyslexic-writer models list`)", file=sys.stderr)
            return 2
        entry = cat.find(args.id)
        if args.action == "path":
            print(cat.resolve_model_path(entry.id))
            return 0
        if args.action == "verify":
            ok, msg = verify(entry, models_dir)
            print(msg, file=sys.stdout if ok else sys.stderr)
            return 0 if ok else 1
        if args.action == "download":
            def progress(done, total):
                if total:
                    sys.stderr.write(f"\r{entry.id}: {done / 2**20:7.1f} / {total / 2**20:.1f} MB ({100 * done / total:5.1f}%)")
                    sys.stderr.flush()

            path = download(entry, DownloadOptions(models_dir, offline=args.offline, progress=progress))
            sys.stderr.write("\n")
            print(path)
            return 0
    except KeyboardInterrupt:
        print("\ncancelled; run the same command again to resume", file=sys.stderr)
        return 130
    except (cat.CatalogError, DownloadError, DownloadCancelled, ValueError) as exc:
        print(f"dyslexic-writer models {args.action}: {exc}", file=sys.stderr)
        return 1
    return 2


def cmd_doctor(args) -> int:
    from .doctor import exit_code, report, run_all

    findings = run_all()
    print("Dyslexic Writer doctor")
    print(report(findings))
    return exit_code(findings)


def cmd_gui(args) -> int:
    from .doctor import exit_code, preflight, report

    # Before Qt starts: a missing system library would otherwise end in a bare Qt abort.
    findings = preflight()
    if exit_code(findings):
        print("Dyslexic Writer cannot open its window:", file=sys.stderr)
        print(report([f for f in findings if f.status != "ok"]), file=sys.stderr)
        return 3
    try:
        from .gui.app import run
    except ImportError as exc:
        print(
            "The editor window is not part of this build yet "
            f"({exc}). Check text with: dyslexic-writer check FILE (or pipe text in).",
            file=sys.stderr,
        )
        return 1
    return run(args)


def cmd_bench_typing(args) -> int:
    from .bench.typing import run

    r = run(args.engine, args.words, args.model)
    print(f"typed {r['keystrokes']} keystrokes ({args.words} words) with the {r['engine']} engine running")
    print(f"keystroke-to-paint: median {r['median_ms']} ms, 95th percentile {r['p95_ms']} ms, worst {r['worst_ms']} ms")
    print(f"last mark appeared {r['last_mark_after_ms']} ms after the last keystroke ({r['marks']} marks)")
    return 0


def cmd_screenshot(args) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .gui.app import SAMPLE_TEXT, screenshot

    print(screenshot(Path(args.out), theme=args.theme, text="" if args.blank else SAMPLE_TEXT))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="dyslexic-writer", description="A writing assistant for dyslexic writers.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command")

    g = sub.add_parser("gui", help="open the editor (the default)")
    g.add_argument("file", nargs="?", help="a .txt or .md file to open")
    g.set_defaults(func=cmd_gui)

    c = sub.add_parser("check", help="check text: one paragraph per line, from FILEs or standard input")
    c.add_argument("--engine", choices=("fast", "model", "auto"), default="auto")
    c.add_argument("--model", metavar="PATH_OR_ID", help="a GGUF file or catalog id for the model engine")
    c.add_argument("--jsonl", action="store_true", help="one JSON object per input line")
    c.add_argument("--profile", metavar="PATH", help="use this writer's profile (see `learn`)")
    _spelling_option(c, "auto")
    c.add_argument("files", nargs="*", metavar="FILE")
    c.set_defaults(func=cmd_check)

    b = sub.add_parser("bench", help="score an engine on a tab-separated case file")
    b.add_argument("cases", metavar="CASES.tsv")
    b.add_argument("--engine", choices=("fast", "model", "auto"), default="fast")
    b.add_argument("--model", metavar="PATH_OR_ID")
    b.add_argument("--json", action="store_true", help="print JSON instead of a table")
    b.add_argument("--show-failures", action="store_true")
    _spelling_option(b, "either")
    b.set_defaults(func=cmd_bench)

    w = sub.add_parser("bench-words", help="word-level top-1/top-5 on the held-out split of Birkbeck and the extra lists")
    w.add_argument("--data", type=Path, default=Path("../shared/data"),
                   help="folder with corpora/birkbeck.dat and corpora/extra_misspellings.csv (default ../shared/data)")
    w.add_argument("--train-split", action="store_true", help="score the training split instead (for tuning)")
    w.add_argument("--limit", type=int, default=0, help="score only the first N pairs")
    w.set_defaults(func=cmd_bench_words)

    be = sub.add_parser("bench-errors", help="error-level recall, precision, F2 and false alarms on tagged real writing")
    be.add_argument("file", metavar="FILE.tsv", help="category, input, expected[, writer] per line (the Holbrook format)")
    be.add_argument("--engine", choices=("fast", "model", "auto"), default="auto")
    be.add_argument("--model", metavar="PATH_OR_ID")
    be.add_argument("--limit", type=int, default=0, help="score only the first N lines")
    be.add_argument("--json", action="store_true", help="print JSON instead of a report")
    be.add_argument("--show-failures", action="store_true", help="list every line with a missed or wrong edit")
    _spelling_option(be, "either")
    be.set_defaults(func=cmd_bench_errors)

    bt = sub.add_parser("bench-typing", help="type a 300-word text into the real window and time it")
    bt.add_argument("--engine", choices=("fast", "auto"), default="auto")
    bt.add_argument("--model", metavar="PATH_OR_ID")
    bt.add_argument("--words", type=int, default=300)
    bt.set_defaults(func=cmd_bench_typing)

    sc = sub.add_parser("screenshot", help="render the editor with sample text to a PNG")
    sc.add_argument("out", metavar="OUT.png")
    sc.add_argument("--theme", choices=("light", "dark"), default="light")
    sc.add_argument("--blank", action="store_true", help="the empty editor, as it opens (times the start-up)")
    sc.set_defaults(func=cmd_screenshot)

    sub.add_parser("train", help="training stages: prepare, train, evaluate, export, publish (see `train --help`)")

    d = sub.add_parser("doctor", help="check what this computer needs: window system, speech, llama.cpp build and GPU, models, folders")
    d.set_defaults(func=cmd_doctor)

    m = sub.add_parser("models", help="list, recommend, download, verify or locate models")
    m.add_argument("action", choices=("list", "recommend", "download", "verify", "path"))
    m.add_argument("id", nargs="?", help="a catalog id (see `models list`)")
    m.add_argument("--offline", action="store_true", help="never use the network")
    m.set_defaults(func=cmd_models)

    from .cli_personal import add_commands

    add_commands(sub)  # learn, profile, bench-personal
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["train"]:
        # The training stages have their own parser (and their own dependencies: the `training` extra).
        from .training.cli import main as train_main

        return train_main(argv[1:])
    args = build_parser().parse_args(argv)
    if not getattr(args, "command", None):
        args = build_parser().parse_args(["gui", *argv])
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
