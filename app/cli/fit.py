"""`bench-cv`: fit the context engine's few parameters by leave-one-writer-out cross-validation on
tagged writing, report the cross-validated and plain figures per writer, and (with --write) save
the choice to resources/generated/fitted.yaml (app/bench/cv.py, engine/context/fitted.py)."""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

import yaml

from .io import engine_options, engine_or_exit, parse_file, spelling_option

FITTED_PATH = Path(__file__).resolve().parents[2] / "resources" / "generated" / "fitted.yaml"


def _line(r: dict) -> str:
    """One line of figures from an ErrorTally's row()."""
    return (f"R {r['recall']:.3f}  P {r['precision']:.3f}  F2 {r['f2']:.3f}  real-word R "
            f"{r['real_word_recall']:.3f}  FA/1k {r['false_alarms_per_1000']:.2f}")


def _context_engine(engine):
    from ..engine.context import ContextEngine

    if not isinstance(engine, ContextEngine):
        raise SystemExit("dyslexic-writer bench-cv: the fit needs the context model (engine auto or model) to load")
    return engine


def cmd_bench_cv(args) -> int:
    from ..bench.cv import cross_validate, tallies_from_json, tallies_to_json
    from ..engine.context.fitted import FIT_FILE, grid, neutral, parse_params
    from ..engine.context.tuning import hand_tuning
    from ..package_data import load_yaml

    fit = load_yaml(FIT_FILE)
    params = parse_params(fit)
    base = hand_tuning()
    settings = grid(params)
    start = neutral(params, base)
    baseline = settings.index(start) if start in settings else -1
    if baseline < 0:
        settings.insert(0, start)
        baseline = 0
    if args.from_results:
        saved = json.loads(args.from_results.read_text(encoding="utf-8"))
        if saved["settings"] != settings:
            raise SystemExit(f"dyslexic-writer bench-cv: {args.from_results} was run on another grid than {FIT_FILE}'s")
        results = tallies_from_json(saved["results"])
    else:
        results = _run(args, params, base, settings, baseline)
        if results is None:
            return 1
        if args.save_results:
            args.save_results.write_text(json.dumps({"settings": settings, "results": tallies_to_json(results)}),
                                         encoding="utf-8")
    objective = fit.get("objective", {})
    limit = args.max_false_alarms if args.max_false_alarms is not None else float(
        objective.get("max_false_alarms_per_1000", float("inf")))
    floor = args.min_precision if args.min_precision is not None else float(objective.get("min_precision", 0.0))
    cv = cross_validate(results, baseline, limit, floor)
    report = _report(cv, results, settings, baseline)
    report["objective"] = {"max_false_alarms_per_1000": limit, "min_precision": floor}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        _print(report)
    if args.write:
        _write(report, args.write, args.file)
    return 0


def _run(args, params, base, settings, baseline):
    """Every setting over every line (the neutral one first: it fills the memo of model answers)."""
    from ..bench.cv import MemoScorer, merged, per_writer
    from ..bench.errors import hunspell_words, line_words, parse_tagged
    from ..engine.context.fitted import apply

    lines = parse_file(args.file, parse_tagged, "bench-cv")
    if lines is None:
        return None
    if args.limit:
        lines = lines[: args.limit]
    is_word = hunspell_words(line_words(lines))
    engine = engine_or_exit(args, "bench-cv")
    if engine is None:
        return None
    eng = _context_engine(engine)
    eng.scorer = MemoScorer(eng.scorer)
    if args.memo and args.memo.is_file():
        with open(args.memo, "rb") as fh:
            eng.scorer.memo = pickle.load(fh)  # our own file from an earlier run (same model)
    results: list = [None] * len(settings)
    order = [baseline] + [i for i in range(len(settings)) if i != baseline]
    t0 = time.perf_counter()
    for n, i in enumerate(order, 1):
        eng.tuning = apply(base, params, settings[i])
        results[i] = per_writer(eng.check, lines, is_word)
        row = merged(list(results[i].values())).row()
        print(f"[{n}/{len(settings)}] {settings[i]}: {_line(row)}  ({row['gold_edits']} errors, {row['words']} words)"
              f"  ({time.perf_counter() - t0:.0f} s, {eng.scorer.misses} model requests)", file=sys.stderr, flush=True)
    if args.memo:
        with open(args.memo, "wb") as fh:
            pickle.dump(eng.scorer.memo, fh)
    return results


def _figures(t) -> dict:
    return {k: v for k, v in t.row().items() if k not in ("median_ms", "p95_ms")}


def _report(cv, results, settings, baseline) -> dict:
    from ..bench.cv import merged

    writers = [f.writer for f in cv.folds]
    return {
        "settings_tried": len(settings),
        "neutral": settings[baseline],
        "chosen": settings[cv.chosen],
        "before": _figures(merged([results[baseline][w] for w in writers])),
        "cross_validated": _figures(cv.pooled),
        "plain_after": _figures(merged([results[cv.chosen][w] for w in writers])),
        "per_writer": [{"writer": f.writer, "fold_choice": settings[f.setting],
                        "before": _figures(results[baseline][f.writer]),
                        "cross_validated": _figures(f.held_out),
                        "plain_after": _figures(results[cv.chosen][f.writer])} for f in cv.folds],
    }


def _print(report: dict) -> None:
    print(f"{report['settings_tried']} settings tried; hand-set {report['neutral']}; chosen on all writers {report['chosen']}")
    print(f"  before (hand-set, plain):      {_line(report['before'])}")
    print(f"  leave-one-writer-out (fitted): {_line(report['cross_validated'])}")
    print(f"  after (chosen, plain):         {_line(report['plain_after'])}")
    for w in report["per_writer"]:
        print(f"  {w['writer']}: before {_line(w['before'])}\n            cv     {_line(w['cross_validated'])}"
              f"  (fold chose {w['fold_choice']})\n            after  {_line(w['plain_after'])}")


def _write(report: dict, path: Path, source: str) -> None:
    doc = {
        "note": (f"written by `dyslexic-writer bench-cv {Path(source).name} --write` on "
                 f"{time.strftime('%Y-%m-%d')}: the setting with the best F2 over all writers; the "
                 "leave-one-writer-out figure below is the honest estimate of how it does on a writer it never saw"),
        "data_sha256": hashlib.sha256(Path(source).read_bytes()).hexdigest() if Path(source).is_file() else None,
        "values": report["chosen"],
        "objective": report["objective"],  # what the choice was held to, so it can be made again
        "cross_validated": report["cross_validated"],
        "before": report["before"],
        "plain_after": report["plain_after"],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


def add_commands(sub) -> None:
    cv = sub.add_parser("bench-cv", help="fit the context engine's parameters by leave-one-writer-out "
                                         "cross-validation on tagged writing (slow: one run per setting)")
    cv.add_argument("file", metavar="FILE.tsv", help="category, input, expected, writer per line (the Holbrook format)")
    engine_options(cv, ("model", "auto"), "auto")
    cv.add_argument("--limit", type=int, default=0, help="use only the first N lines")
    cv.add_argument("--json", action="store_true", help="print JSON instead of a report")
    cv.add_argument("--write", type=Path, nargs="?", const=FITTED_PATH, default=None,
                    help=f"save the chosen values (default {FITTED_PATH.relative_to(FITTED_PATH.parents[2])})")
    cv.add_argument("--memo", type=Path, metavar="FILE.pickle",
                    help="keep the model's answers in this file between runs (the same model and data only)")
    cv.add_argument("--save-results", type=Path, metavar="FILE.json", help="also save every setting's per-writer counts")
    cv.add_argument("--from-results", type=Path, metavar="FILE.json",
                    help="choose from counts saved by --save-results instead of running the engine")
    cv.add_argument("--max-false-alarms", type=float, metavar="N",
                    help="choose within N false alarms per 1,000 words instead of fit.yaml's objective")
    cv.add_argument("--min-precision", type=float, metavar="P",
                    help="choose only settings with at least this precision instead of fit.yaml's objective "
                         "(with --from-results: see what another objective would choose, without a run)")
    spelling_option(cv, "either")
    cv.set_defaults(func=cmd_bench_cv)
