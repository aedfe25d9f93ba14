"""The HTTP side: LanguageTool's `/v2/languages` and `/v2/check` on this computer's loopback addresses.

The standard library's ThreadingHTTPServer is enough here (a few routes on loopback, HTTP/1.1
keep-alive, no dependency to keep up to date); the engine, not the HTTP layer, sets the pace.
One server per address family, because an IPv6 socket bound to ::1 does not answer 127.0.0.1.
"""

from __future__ import annotations

import errno
import json
import socket
import socketserver
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import urlsplit

from .. import __version__
from ..engine.types import Suggestion
from .checking import CheckerClosed
from .form import FormError, parse_check, parse_fields
from .lt_json import check_response, languages
from .security import DEFAULT_ADDRESSES, host_allowed, normalise_origin, origin_allowed

DEFAULT_PORT = 8081  # LanguageTool's own local port, which its clients suggest
# The largest request body read: about 150,000 words of plain text, form-encoded. A body over it is
# answered with 413 unread.
MAX_BYTES = 2_000_000
IDLE_TIMEOUT_S = 60  # a keep-alive connection that sends nothing for this long is closed
_WILDCARDS = ("0.0.0.0", "::", "")


class Checker(Protocol):
    def check(self, text: str, variant: str) -> list[Suggestion]:
        """Suggestions for `text` (code point offsets); `variant` is "american", "british" or "" (either)."""

    def close(self) -> None:
        """Stop: requests still waiting give up with CheckerClosed."""


@dataclass(frozen=True)
class ServerConfig:
    port: int = DEFAULT_PORT  # 0: any free port (tests, bench-serve)
    listen: tuple[str, ...] = ()  # empty: 127.0.0.1 and ::1 only
    allow_origins: frozenset[str] = frozenset()  # web origins allowed besides extensions
    max_bytes: int = MAX_BYTES
    default_variant: str = ""  # the spelling for `en` and `auto`

    @property
    def extra_hosts(self) -> frozenset[str]:
        """Host names besides loopback that requests may be addressed to: the addresses given to --listen."""
        return frozenset(a.strip("[]").lower() for a in self.listen if a not in _WILDCARDS)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = f"DyslexicWriter/{__version__}"
    sys_version = ""
    timeout = IDLE_TIMEOUT_S
    # Headers and body go out in two writes; with Nagle's algorithm the body would wait for the
    # client's delayed ACK (40 ms and more on every answer).
    disable_nagle_algorithm = True

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        """Nothing is logged: a request line can carry the writer's text (GET /v2/check?text=...)."""

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:  # the client hung up or the server is stopping: nothing to answer
            self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802 - http.server's names
        self._serve()

    do_POST = do_OPTIONS = do_HEAD = do_GET

    # -- answering ------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        if self.headers.get("Content-Length", "0") != "0" and not self._body_read:
            self.close_connection = True  # an unread body would be taken for the next request
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            origin = self.headers.get("Origin")
            if origin is not None and status != 403:
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Vary", "Origin")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except OSError:  # the client went away while we checked; the next request is unaffected
            self.close_connection = True

    def _error(self, status: int, message: str) -> None:
        # LanguageTool answers errors as plain text starting "Error: ", and so do we.
        self._send(status, f"Error: {message}".encode("utf-8"), "text/plain; charset=utf-8")

    def _json(self, value) -> None:
        self._send(200, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    # -- routing --------------------------------------------------------------------------------
    def _serve(self) -> None:
        self._body_read = False
        owner: LocalServer = self.server.owner
        config = owner.config
        if not host_allowed(self.headers.get("Host"), config.extra_hosts):
            self.close_connection = True
            return self._error(403, "this server answers only requests addressed to this computer (localhost)")
        origin = self.headers.get("Origin")
        if not origin_allowed(origin, config.allow_origins):
            self.close_connection = True
            return self._error(403, f"requests from the web page {origin} are not allowed; the writer can allow "
                                    f"it with --allow-origin {origin}")
        url = urlsplit(self.path)
        path = url.path.rstrip("/")
        if self.command == "OPTIONS":
            return self._preflight()
        if path == "/v2/languages" and self.command in ("GET", "HEAD"):
            return self._json(languages())
        if path != "/v2/check":
            return self._error(404, f"no such endpoint {path or '/'}; this server answers /v2/check and /v2/languages")
        if self.command == "POST":
            body = self._body()
            if body is None:
                return None
            source = body if body else url.query
        elif self.command in ("GET", "HEAD"):
            source = url.query
        else:
            return self._error(405, "use GET or POST")
        try:
            request = parse_check(parse_fields(source), config.default_variant)
        except FormError as exc:
            return self._error(400, str(exc))
        try:
            suggestions = owner.checker.check(request.document.plain, request.variant)
        except CheckerClosed:
            self.close_connection = True
            return self._error(503, "the server is stopping")
        except Exception as exc:  # noqa: BLE001 - the client gets the failure's kind, never the text
            return self._error(500, f"the check failed ({type(exc).__name__})")
        self._json(check_response(request, suggestions))

    def _preflight(self) -> None:
        extra = {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                 "Access-Control-Allow-Headers": self.headers.get("Access-Control-Request-Headers") or "Content-Type",
                 "Access-Control-Max-Age": "600"}
        if self.headers.get("Access-Control-Request-Private-Network", "").lower() == "true":
            extra["Access-Control-Allow-Private-Network"] = "true"
        self._send(204, b"", "text/plain", extra)

    def _body(self) -> bytes | None:
        """The request body, or None after answering why it will not be read."""
        config = self.server.owner.config
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower() or self.headers.get("Content-Length") is None:
            self.close_connection = True
            self._error(411, "send the form with a Content-Length")
            return None
        try:
            n = int(self.headers["Content-Length"])
            if n < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            self._error(400, "the Content-Length header is not a number")
            return None
        if n > config.max_bytes:
            self.close_connection = True  # the body stays unread, so the connection cannot be reused
            self._error(413, f"your text exceeds the limit of {config.max_bytes:,} bytes (the request has {n:,}). "
                             "Please submit a shorter text.")
            return None
        body = self.rfile.read(n)
        self._body_read = True
        if len(body) < n:  # the client hung up mid-body
            self.close_connection = True
            return None
        if ctype not in ("", "application/x-www-form-urlencoded"):
            self._error(400, f"send the form as application/x-www-form-urlencoded, not {ctype}")
            return None
        return body


class _Server(ThreadingHTTPServer):
    # Request threads are joined by server_close (daemon ones would not be); stop() first wakes any
    # that wait on the checker or on an idle connection, so the join is short.
    daemon_threads = False
    block_on_close = True
    # SO_REUSEADDR on Windows lets another program bind the same port alongside; elsewhere it only
    # lets a restarted server reuse the port at once.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, address: tuple[str, int], family: int, owner: "LocalServer"):
        self.address_family = family
        self.owner = owner
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler, bind_and_activate=False)
        try:
            if family == socket.AF_INET6:
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            self.server_bind()
            self.server_activate()
        except OSError:
            self.server_close()
            raise

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the address up in DNS (getfqdn); a loopback server need not.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def process_request(self, request, client_address) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """Wake every handler waiting on an idle keep-alive connection, so stopping does not wait for it."""
        with self._open_lock:
            open_now = list(self._open)
        for sock in open_now:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address) -> None:
        """Silent: a traceback could quote the writer's text, and a dropped connection is the client's business."""


class LocalServer:
    """The server on its addresses, each served by a thread of its own; `stop()` ends them all."""

    def __init__(self, checker: Checker, config: ServerConfig | None = None):
        self.checker = checker
        self.config = config or ServerConfig()
        self._servers: list[_Server] = []
        self._threads: list[threading.Thread] = []
        self.notes: list[str] = []

    @property
    def port(self) -> int:
        return self._servers[0].server_address[1] if self._servers else self.config.port

    @property
    def urls(self) -> list[str]:
        """The base URL of each address, as clients are told to use it (ending in /v2)."""
        out = []
        for srv in self._servers:
            host = srv.server_address[0]
            out.append(f"http://{'[' + host + ']' if ':' in host else host}:{srv.server_address[1]}/v2")
        return out

    def start(self) -> "LocalServer":
        """Bind every address (raising OSError when one cannot be bound) and start serving."""
        for attempt in range(5):
            try:
                self._bind()
                break
            except OSError as exc:
                self._close_sockets()
                # A free port for 127.0.0.1 may be taken on ::1: with port 0, try another.
                if self.config.port != 0 or exc.errno != errno.EADDRINUSE or attempt == 4:
                    raise
        for srv in self._servers:
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.2},
                                 name=f"dw-server-{srv.server_address[0]}")
            t.start()
            self._threads.append(t)
        return self

    def _bind(self) -> None:
        port = self.config.port
        for address in self.config.listen or DEFAULT_ADDRESSES:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            try:
                srv = _Server((address.strip("[]"), port), family, self)
            except OSError as exc:
                unavailable = (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT)
                if not self.config.listen and family == socket.AF_INET6 and exc.errno in unavailable:
                    self.notes.append("IPv6 is not available here; listening on 127.0.0.1 only")
                    continue
                raise
            self._servers.append(srv)
            port = srv.server_address[1]

    def _close_sockets(self) -> None:
        for srv in self._servers:
            srv.server_close()
        self._servers = []

    def stop(self) -> None:
        """Stop accepting, let waiting requests give up, close every connection and join every thread."""
        # Each shutdown waits for its loop's next poll; stopping them side by side waits once.
        stoppers = [threading.Thread(target=srv.shutdown, name="dw-server-stop")
                    for srv, t in zip(self._servers, self._threads) if t.is_alive()]
        for t in stoppers:
            t.start()
        for t in stoppers:
            t.join()
        self.checker.close()
        for srv in self._servers:
            srv.drop_connections()
            srv.server_close()
        for t in self._threads:
            t.join()
        self._servers, self._threads = [], []
