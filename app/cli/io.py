"""What every command shares: reading the user's text and files, choosing the engine, the profile,
and the options several commands take. The command modules import from here, never each other."""

from __future__ import annotations

import sys
from pathlib import Path


class InputError(Exception):
    """Input the checker cannot read: named file missing, not UTF-8, or binary."""


def read_lines(sources: list[str]):
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


def parse_file(path: str, parse, command: str):
    """A benchmark file parsed, or None after telling the user why it cannot be read."""
    try:
        return parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"dyslexic-writer {command}: cannot read {path}: {exc}", file=sys.stderr)
        return None


def _assemble():
    # Imported on first use: choosing an engine loads the word lists, which `--help` must not wait for.
    from .. import assemble

    return assemble


def make_engine(kind: str):
    """An engine with the default model and spelling, for commands that take no engine options."""
    return _assemble().make_engine(kind)


def engine_or_exit(args, command: str, profile=None):
    """The engine `--engine`, `--model` and `--spelling` ask for (with `profile` applied, where given),
    or None after saying why it cannot load."""
    assemble = _assemble()
    try:
        from ..settings import spelling_preference

        return assemble.make_engine(args.engine, args.model, profile=profile,
                                    spelling=spelling_preference(getattr(args, "spelling", "auto")))
    except assemble.EngineUnavailable as exc:
        print(f"dyslexic-writer {command}: the model could not be used: {exc}", file=sys.stderr)
        return None


def engine_label(engine, model: str | None) -> str:
    """How a report names the engine: "fast", or the model engine with the model it loaded."""
    if engine.name == "fast":
        return engine.name
    return f"{engine.name} ({getattr(engine, 'model_name', '') or model or 'embedded'})"


def open_profile(path: str | None, command: str):
    """The profile at `path` (or the default one); a notice about a broken file goes to stderr."""
    from ..engine.personal.profile import Profile

    profile, notice = Profile.open(Path(path).expanduser() if path else None)
    if notice:
        print(f"dyslexic-writer {command}: {notice}", file=sys.stderr)
    return profile


def engine_options(parser, engines: tuple[str, ...], default: str, model_help: str | None = None) -> None:
    """`--engine` and `--model`, as every command that runs an engine takes them."""
    parser.add_argument("--engine", choices=engines, default=default)
    parser.add_argument("--model", metavar="PATH_OR_ID", help=model_help)


def spelling_option(parser, default: str) -> None:
    """Benchmarks default to either spelling, so their figures do not depend on the machine's language."""
    from ..settings import SPELLING_CHOICES

    parser.add_argument("--spelling", choices=SPELLING_CHOICES, default=default,
                        help=f"spelling corrections prefer where British and American differ (auto: the system "
                             f"language; default {default})")
