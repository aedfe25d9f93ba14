"""The `dyslexic-writer` command: the editor by default, and sub-commands for everything else.

This module is the table of contents: each area's commands live in their own module (`check`,
`bench`, `models`, `profile`, `editor`, `train`), and what they share in `io`."""

from __future__ import annotations

import argparse
import sys

from . import bench, check, editor, fit, models, profile, train


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    p = argparse.ArgumentParser(prog="dyslexic-writer", description="A writing assistant for dyslexic writers.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command")
    # The order here is the order `--help` lists the commands in.
    editor.add_gui(sub)
    check.add_commands(sub)
    bench.add_commands(sub)  # bench, bench-words, bench-errors, bench-typing
    fit.add_commands(sub)  # bench-cv
    editor.add_screenshot(sub)
    train.add_command(sub)
    editor.add_doctor(sub)
    models.add_commands(sub)
    profile.add_commands(sub)  # learn, profile, bench-personal
    from ..server.commands import add_commands as add_server_commands

    add_server_commands(sub)  # serve, bench-serve
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["train"]:
        # The training stages have their own parser (and their own dependencies: the `training` extra).
        return train.run(argv[1:])
    args = build_parser().parse_args(argv)
    if not getattr(args, "command", None):
        args = build_parser().parse_args(["gui", *argv])
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0

