"""`check`: text in, suggestions out, as readable lines or one JSON object per input line."""

from __future__ import annotations

import json
import sys

from .io import InputError, engine_options, engine_or_exit, open_profile, read_lines, spelling_option


def readable(result) -> str:
    """One checked line for a person: each suggestion with its alternatives, then the corrected text."""
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


def cmd_check(args) -> int:
    profile = open_profile(args.profile, "check") if args.profile else None
    engine = engine_or_exit(args, "check", profile)
    if engine is None:
        return 1
    try:
        for _name, n, line in read_lines(args.files):
            result = engine.check(line)
            if args.jsonl:
                sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            else:
                text = readable(result)
                if text:
                    sys.stdout.write(f"line {n}:\n{text}\n")
            sys.stdout.flush()
    except InputError as exc:
        print(f"dyslexic-writer check: {exc}", file=sys.stderr)
        return 2
    return 0


def add_commands(sub) -> None:
    c = sub.add_parser("check", help="check text: one paragraph per line, from FILEs or standard input")
    engine_options(c, ("fast", "model", "auto"), "auto", "a GGUF file or catalog id for the model engine")
    c.add_argument("--jsonl", action="store_true", help="one JSON object per input line")
    c.add_argument("--profile", metavar="PATH", help="use this writer's profile (see `learn`)")
    spelling_option(c, "auto")
    c.add_argument("files", nargs="*", metavar="FILE")
    c.set_defaults(func=cmd_check)
