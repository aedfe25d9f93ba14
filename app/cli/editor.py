"""The editor's commands: `gui` opens it, `screenshot` renders it, and `doctor` checks what this
computer needs to run it."""

from __future__ import annotations

import sys
from pathlib import Path


def cmd_gui(args) -> int:
    from ..doctor import exit_code, preflight, report

    # Before Qt starts: a missing system library would otherwise end in a bare Qt abort.
    findings = preflight()
    if exit_code(findings):
        print("Dyslexic Writer cannot open its window:", file=sys.stderr)
        print(report([f for f in findings if f.status != "ok"]), file=sys.stderr)
        return 3
    try:
        from ..gui.app import run
    except ImportError as exc:
        print(
            "The editor window is not part of this build yet "
            f"({exc}). Check text with: dyslexic-writer check FILE (or pipe text in).",
            file=sys.stderr,
        )
        return 1
    return run(args)


def cmd_screenshot(args) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..gui.app import SAMPLE_TEXT, screenshot

    print(screenshot(Path(args.out), theme=args.theme, text="" if args.blank else SAMPLE_TEXT))
    return 0


def cmd_doctor(args) -> int:
    from ..doctor import exit_code, report, run_all

    findings = run_all()
    print("Dyslexic Writer doctor")
    print(report(findings))
    return exit_code(findings)


def add_gui(sub) -> None:
    g = sub.add_parser("gui", help="open the editor (the default)")
    g.add_argument("file", nargs="?", help="a .txt or .md file to open")
    g.set_defaults(func=cmd_gui)


def add_screenshot(sub) -> None:
    sc = sub.add_parser("screenshot", help="render the editor with sample text to a PNG")
    sc.add_argument("out", metavar="OUT.png")
    sc.add_argument("--theme", choices=("light", "dark"), default="light")
    sc.add_argument("--blank", action="store_true", help="the empty editor, as it opens (times the start-up)")
    sc.set_defaults(func=cmd_screenshot)


def add_doctor(sub) -> None:
    d = sub.add_parser("doctor", help="check what this computer needs: window system, speech, llama.cpp build and GPU, models, folders")
    d.set_defaults(func=cmd_doctor)
