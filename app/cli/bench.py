"""The benchmarks: `bench` (sentence cases), `bench-words` (single misspellings), `bench-errors`
(tagged real writing) and `bench-typing` (the editor's speed under typing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .io import engine_label, engine_options, engine_or_exit, make_engine, parse_file, spelling_option


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cmd_bench(args) -> int:
    from ..bench.cases import parse_cases
    from ..bench.sentences import format_table, run_cases

    cases = parse_file(args.cases, parse_cases, "bench")
    if cases is None:
        return 2
    import time

    t0 = time.perf_counter()
    engine = engine_or_exit(args, "bench")
    if engine is None:
        return 1
    start_s = time.perf_counter() - t0
    tallies, records = run_cases(engine, cases)
    rows = [t.row(name) for name, t in tallies.items()]
    peak_mb = _peak_rss_mb()
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
        label = engine_label(engine, args.model)
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
    from ..bench.words import checked_choices, load_corpora, score, split_pairs, symspell_ranker

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
    from ..bench.errors import hunspell_words
    from ..bench.words import marked_share

    marked, total = marked_share(engine, held, hunspell_words(p.misspelling.lower() for p in held))
    print(f"marked by the fast engine: {marked}/{total} = {100 * marked / max(1, total):.1f}% of the {split} "
          "misspellings that Hunspell rejects")
    return 0


def cmd_bench_errors(args) -> int:
    from ..bench.errors import format_report, hunspell_words, line_words, parse_tagged, run_tagged

    lines = parse_file(args.file, parse_tagged, "bench-errors")
    if lines is None:
        return 2
    if args.limit:
        lines = lines[: args.limit]
    is_word = hunspell_words(line_words(lines))  # before the engine: a process of its own
    engine = engine_or_exit(args, "bench-errors")
    if engine is None:
        return 1
    tally, records = run_tagged(engine, lines, is_word)
    row = tally.row()
    peak_mb = _peak_rss_mb()
    label = engine_label(engine, args.model)
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


def cmd_bench_typing(args) -> int:
    from ..bench.typing import run

    r = run(args.engine, args.words, args.model)
    print(f"typed {r['keystrokes']} keystrokes ({args.words} words) with the {r['engine']} engine running")
    print(f"keystroke-to-paint: median {r['median_ms']} ms, 95th percentile {r['p95_ms']} ms, worst {r['worst_ms']} ms")
    print(f"last mark appeared {r['last_mark_after_ms']} ms after the last keystroke ({r['marks']} marks)")
    return 0


def add_commands(sub) -> None:
    b = sub.add_parser("bench", help="score an engine on a tab-separated case file")
    b.add_argument("cases", metavar="CASES.tsv")
    engine_options(b, ("fast", "model", "auto"), "fast")
    b.add_argument("--json", action="store_true", help="print JSON instead of a table")
    b.add_argument("--show-failures", action="store_true")
    spelling_option(b, "either")
    b.set_defaults(func=cmd_bench)

    w = sub.add_parser("bench-words", help="word-level top-1/top-5 on the held-out split of Birkbeck and the extra lists")
    w.add_argument("--data", type=Path, default=Path("../shared/data"),
                   help="folder with corpora/birkbeck.dat and corpora/extra_misspellings.csv (default ../shared/data)")
    w.add_argument("--train-split", action="store_true", help="score the training split instead (for tuning)")
    w.add_argument("--limit", type=int, default=0, help="score only the first N pairs")
    w.set_defaults(func=cmd_bench_words)

    be = sub.add_parser("bench-errors", help="error-level recall, precision, F2 and false alarms on tagged real writing")
    be.add_argument("file", metavar="FILE.tsv", help="category, input, expected[, writer] per line (the Holbrook format)")
    engine_options(be, ("fast", "model", "auto"), "auto")
    be.add_argument("--limit", type=int, default=0, help="score only the first N lines")
    be.add_argument("--json", action="store_true", help="print JSON instead of a report")
    be.add_argument("--show-failures", action="store_true", help="list every line with a missed or wrong edit")
    spelling_option(be, "either")
    be.set_defaults(func=cmd_bench_errors)

    bt = sub.add_parser("bench-typing", help="type a 300-word text into the real window and time it")
    engine_options(bt, ("fast", "auto"), "auto")
    bt.add_argument("--words", type=int, default=300)
    bt.set_defaults(func=cmd_bench_typing)
