"""Talking to a test server, and the threads it may leave behind (a module of its own: tests
import it by name, which a conftest cannot be, since every test folder has one)."""

from __future__ import annotations

import http.client
import json
import threading


def server_threads() -> list[str]:
    """The server's own threads and http.server's request threads still alive."""
    return [t.name for t in threading.enumerate()
            if t.name.startswith("dw-server") or "process_request_thread" in t.name]


def ask(server, method="GET", path="/v2/languages", body=None, headers=None, host="127.0.0.1"):
    """(status, headers, body text) of one request, on a connection of its own."""
    conn = http.client.HTTPConnection(host, server.port, timeout=30)
    try:
        conn.request(method, path, body, headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read().decode("utf-8")
    finally:
        conn.close()


def check(server, fields: dict, headers=None, host="127.0.0.1"):
    from urllib.parse import urlencode

    status, hdrs, body = ask(server, "POST", "/v2/check", urlencode(fields),
                             {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}, host)
    return status, hdrs, (json.loads(body) if status == 200 else body)
