"""`models`: the model catalog (list, recommend, download, verify, path)."""

from __future__ import annotations

import sys


def cmd_models(args) -> int:
    from ..runtime import catalog as cat
    from ..runtime.download import DownloadCancelled, DownloadError, DownloadOptions, download, verify
    from ..runtime.hardware import detect, recommend

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


def add_commands(sub) -> None:
    m = sub.add_parser("models", help="list, recommend, download, verify or locate models")
    m.add_argument("action", choices=("list", "recommend", "download", "verify", "path"))
    m.add_argument("id", nargs="?", help="a catalog id (see `models list`)")
    m.add_argument("--offline", action="store_true", help="never use the network")
    m.set_defaults(func=cmd_models)
