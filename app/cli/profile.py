"""The writer's profile: `learn`, `profile show|forget` and `bench-personal` (`check --profile`
lives with `check`)."""

from __future__ import annotations

import json
import sys

from .io import InputError, engine_label, engine_options, engine_or_exit, open_profile, parse_file, read_lines


def cmd_learn(args) -> int:
    """Lines `written<TAB>intended[<TAB>sentence]`, each recorded as an accepted correction."""
    profile = open_profile(args.profile, "learn")
    learned = skipped = 0
    try:
        with profile.batch():
            for name, n, line in read_lines(args.files):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) not in (2, 3) or not profile.record_accepted(parts[0], parts[1], parts[2] if len(parts) == 3 else ""):
                    print(f"dyslexic-writer learn: {name} line {n} skipped (want written<TAB>intended[<TAB>sentence])", file=sys.stderr)
                    skipped += 1
                    continue
                learned += 1
    except InputError as exc:
        print(f"dyslexic-writer learn: {exc}", file=sys.stderr)
        return 2
    print(f"learned {learned} correction{'s' * (learned != 1)}" + (f", skipped {skipped} line(s)" if skipped else "")
          + (f" ({profile.path})" if profile.path else ""))
    return 0 if not skipped else 1


def cmd_profile(args) -> int:
    profile = open_profile(args.profile, "profile")
    if args.action == "forget":
        n = len(profile.pairs()) + len(profile.rejections()) + len(profile.words())
        profile.forget_all()
        print(f"forgot {n} thing{'s' * (n != 1)}; {profile.path} is gone")
        return 0
    print(f"profile: {profile.path}")
    pairs, rejected, added = profile.pairs(), profile.rejections(), profile.words()
    if not (pairs or rejected or added):
        print("  nothing learned yet")
    for p in pairs:
        how = ", ".join(x for x in (f"accepted {p.accepted}" if p.accepted else "", f"fixed myself {p.self_made}" if p.self_made else "") if x)
        where = f'  "{p.context}"' if p.context else ""
        print(f"  {p.written} -> {p.intended}  ({how}; weight {p.weight:.2f}){where}")
    for r in rejected:
        print(f"  not {r.written} -> {r.suggested}  (turned down {r.count}x)")
    if added:
        print(f"  added to the dictionary: {', '.join(added)}")
    return 0


def cmd_bench_personal(args) -> int:
    from ..bench.errors import parse_tagged
    from ..bench.personal import format_report, run

    lines = parse_file(args.file, parse_tagged, "bench-personal")
    if lines is None:
        return 2
    from ..engine.personal.profile import Profile

    # In memory: a benchmark never writes the writer's real profile. `run` gives each writer a fresh one.
    engine = engine_or_exit(args, "bench-personal", Profile())
    if engine is None:
        return 1

    def progress(writer, n, so_far):  # a long model run shows where it is, and the figures so far
        print(f"  {writer}: {n} lines; so far {json.dumps(so_far.summary())}", file=sys.stderr, flush=True)

    res = run(engine, lines, progress=progress)
    label = engine_label(engine, args.model)
    print(format_report(res, f"{args.file}: engine {label}, each writer's profile learning line by line"))
    print(json.dumps(res.summary()))
    return 0


def add_commands(sub) -> None:
    lp = sub.add_parser("learn", help="teach a profile corrections: lines written<TAB>intended[<TAB>sentence]")
    lp.add_argument("--profile", metavar="PATH", help="the profile file (default: your own, in the data folder)")
    lp.add_argument("files", nargs="*", metavar="FILE")
    lp.set_defaults(func=cmd_learn)

    pp = sub.add_parser("profile", help="show what the profile has learned, or forget it all")
    pp.add_argument("action", choices=("show", "forget"))
    pp.add_argument("--profile", metavar="PATH", help="the profile file (default: your own, in the data folder)")
    pp.set_defaults(func=cmd_profile)

    bp = sub.add_parser("bench-personal", help="replay tagged writing writer by writer, learning as it goes")
    bp.add_argument("file", metavar="FILE.tsv")
    engine_options(bp, ("fast", "auto"), "fast")
    bp.set_defaults(func=cmd_bench_personal)
