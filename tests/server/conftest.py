"""Servers on free loopback ports; every one started is stopped, and no thread of theirs outlives the test."""

from __future__ import annotations

import http.client
import json
import threading

import pytest

from dyslexic_writer.server.checking import ParagraphChecker
from dyslexic_writer.server.httpd import LocalServer, ServerConfig
from fakes import TehEngine


def server_threads() -> list[str]:
    """The server's own threads and http.server's request threads still alive."""
    return [t.name for t in threading.enumerate()
            if t.name.startswith("dw-server") or "process_request_thread" in t.name]


@pytest.fixture
def serve():
    started: list[LocalServer] = []

    def start(engine=None, checker=None, **config) -> LocalServer:
        if checker is None:
            engine = engine if engine is not None else TehEngine()
            checker = ParagraphChecker(lambda: engine)
        server = LocalServer(checker, ServerConfig(port=0, **config)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
    assert server_threads() == []


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
