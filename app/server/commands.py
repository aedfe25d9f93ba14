"""`dyslexic-writer serve` and `bench-serve`, added to the CLI by `add_commands(subparsers)`."""

from __future__ import annotations

import errno
import sys
import threading


def _server_options(parser, engine_default: str) -> None:
    parser.add_argument("--engine", choices=("fast", "auto"), default=engine_default)
    parser.add_argument("--model", metavar="PATH_OR_ID", help="a GGUF file or catalog id instead of the embedded model")
    parser.add_argument("--profile", metavar="PATH",
                        help="this writer's profile (default: your own, unless learning is off in Settings); read, never written")
    parser.add_argument("--spelling", choices=("auto", "british", "american", "either"),
                        help="the spelling for requests in plain 'en' or 'auto' (default: as in the editor's Settings)")


def cmd_serve(args) -> int:
    from .checking import ParagraphChecker
    from .engines import engine_builder, writer_settings
    from .httpd import LocalServer, ServerConfig
    from .security import normalise_origin
    from ..settings import spelling_preference

    saved = writer_settings()
    use_profile = args.profile is not None or saved.get("learn_from_me", True) is not False
    checker = ParagraphChecker(engine_builder(args.engine, args.model, args.profile, use_profile))
    config = ServerConfig(
        port=args.port, listen=tuple(args.listen or ()),
        allow_origins=frozenset(normalise_origin(o) for o in args.allow_origin or ()),
        max_bytes=args.max_bytes, default_variant=spelling_preference(args.spelling or saved.get("spelling") or "auto"))
    server = LocalServer(checker, config)
    try:
        server.start()
    except OSError as exc:
        checker.close()
        hint = " (is LanguageTool or another server using it? try --port 8082)" if exc.errno == errno.EADDRINUSE else ""
        print(f"dyslexic-writer serve: cannot listen on port {args.port}: {exc.strerror or exc}{hint}", file=sys.stderr)
        return 1
    for note in server.notes:
        print(note, file=sys.stderr)
    where = "this computer only" if not args.listen else "WARNING: other computers can reach it too"
    print(f"Dyslexic Writer is listening on {' and '.join(server.urls)} ({where}).", flush=True)
    try:
        print(f"Loading the {args.engine} engine...", flush=True)
        try:
            engine = checker.wait_ready()
        except Exception as exc:  # noqa: BLE001 - reported; the server stops
            print(f"dyslexic-writer serve: the engine could not be loaded: {exc}", file=sys.stderr)
            return 1
        label = "fast engine" if engine.name == "fast" else f"{engine.name} engine ({getattr(engine, 'model_name', '')})"
        print(f"Ready, checking with the {label}. Press Ctrl+C to stop.", flush=True)
        forever = threading.Event()
        while not forever.wait(1.0):  # a timed wait, so Ctrl+C is noticed on every platform
            pass
    except KeyboardInterrupt:
        print("Stopping.", flush=True)
    finally:
        server.stop()
    return 0


def cmd_bench_serve(args) -> int:
    from .bench import format_report, run

    try:
        result = run(engine=args.engine, model=args.model, url=args.url, words=args.words, edits=args.edits,
                     seed=args.seed, profile=args.profile)
    except OSError as exc:
        print(f"dyslexic-writer bench-serve: {exc}", file=sys.stderr)
        return 1
    import json

    print(format_report(result))
    print(json.dumps(result))
    return 0


def add_commands(sub) -> None:
    from .httpd import DEFAULT_PORT, MAX_BYTES

    s = sub.add_parser("serve", help="let other apps (LibreOffice, the browser, Obsidian, VS Code LTeX) check "
                                     "text here: a LanguageTool-compatible server on this computer")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT}, as LanguageTool's)")
    _server_options(s, "auto")
    s.add_argument("--listen", action="append", metavar="ADDRESS",
                   help="listen on this address instead of 127.0.0.1 and ::1 (repeatable); clients must then use "
                        "it, or localhost, in their URL")
    s.add_argument("--allow-origin", action="append", metavar="ORIGIN",
                   help="also answer this web page's requests (e.g. https://my.school.example); browser extensions "
                        "are always answered, other web pages never")
    s.add_argument("--max-bytes", type=int, default=MAX_BYTES, help=f"the largest request read (default {MAX_BYTES:,})")
    s.set_defaults(func=cmd_serve)

    b = sub.add_parser("bench-serve", help="time a 1,000-word document checked through the server, then re-checked "
                                           "after one-word edits")
    _server_options(b, "auto")
    b.add_argument("--url", help="a running server's base URL (e.g. http://127.0.0.1:8081/v2); default: start one here")
    b.add_argument("--words", type=int, default=1000)
    b.add_argument("--edits", type=int, default=10, help="one-word edits, spread through the document")
    b.add_argument("--seed", type=int, default=7, help="the document's random seed")
    b.set_defaults(func=cmd_bench_serve)
