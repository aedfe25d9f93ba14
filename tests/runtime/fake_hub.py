"""A stand-in for the Hugging Face hub on 127.0.0.1: serves files with Range support, can cut a
transfer short once (to test resuming), and answers unknown repos as the hub does."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeHub:
    def __init__(self, files: dict[tuple[str, str], bytes]):
        self.files = files  # (repo, filename) -> content
        self.cut_after: int | None = None  # drop full GETs after this many bytes...
        self.cuts_left = 0  # ...this many times
        self.requests: list[tuple[str, str, str | None]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _lookup(self):
                parts = self.path.split("?")[0].strip("/").split("/")
                # /{owner}/{name}/resolve/{revision}/{filename}
                if len(parts) >= 5 and parts[2] == "resolve":
                    return "/".join(parts[:2]), "/".join(parts[4:])
                return None, None

            def _headers(self, repo, name, data, status=200, extra=None):
                self.send_response(status)
                etag = hashlib.sha256(data).hexdigest()
                self.send_header("X-Repo-Commit", "a" * 40)
                self.send_header("ETag", f'"{etag}"')
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                return etag

            def _missing(self, repo):
                known = {r for r, _ in hub.files}
                self.send_response(404)
                self.send_header("X-Error-Code", "RepoNotFound" if repo not in known else "EntryNotFound")
                self.send_header("X-Error-Message", "not found")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_HEAD(self):  # noqa: N802
                repo, name = self._lookup()
                hub.requests.append(("HEAD", self.path, None))
                data = hub.files.get((repo, name))
                if data is None:
                    return self._missing(repo)
                self._headers(repo, name, data, extra={"Content-Length": str(len(data))})
                self.end_headers()

            def do_GET(self):  # noqa: N802
                repo, name = self._lookup()
                rng = self.headers.get("Range")
                hub.requests.append(("GET", self.path, rng))
                data = hub.files.get((repo, name))
                if data is None:
                    return self._missing(repo)
                start = 0
                if rng and rng.startswith("bytes="):
                    start = int(rng[6:].split("-")[0] or 0)
                body = data[start:]
                status = 206 if start else 200
                extra = {"Content-Length": str(len(body))}
                if start:
                    extra["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
                self._headers(repo, name, data, status, extra)
                self.end_headers()
                if hub.cut_after is not None and hub.cuts_left > 0 and not start:
                    hub.cuts_left -= 1
                    self.wfile.write(body[: hub.cut_after])
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
