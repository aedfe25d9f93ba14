"""Servers on free loopback ports; every one started is stopped, and no thread of theirs outlives the test."""

from __future__ import annotations

import pytest

from dyslexic_writer.server.checking import ParagraphChecker
from dyslexic_writer.server.httpd import LocalServer, ServerConfig
from server_client import server_threads
from server_fakes import TehEngine


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
