import pytest

from dyslexic_writer.server.security import host_allowed, host_name, normalise_origin, origin_allowed


@pytest.mark.parametrize("header, name", [
    ("localhost:8081", "localhost"), ("[::1]:8081", "::1"), ("::1", "::1"), ("127.0.0.1", "127.0.0.1"),
    ("LocalHost.", "localhost"),
])
def test_host_names(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("header", ["localhost", "localhost:8081", "127.0.0.1:8081", "127.5.6.7", "[::1]:8081",
                                    "app.localhost", None])
def test_loopback_hosts_are_answered(header):
    assert host_allowed(header)


@pytest.mark.parametrize("header", ["evil.example", "evil.example:8081", "192.168.1.5", "localhost.evil.example",
                                    "[::2]:8081", ""])
def test_other_hosts_are_refused(header):
    assert not host_allowed(header)


def test_a_listen_address_is_allowed_when_given():
    assert host_allowed("192.168.1.5:8081", frozenset({"192.168.1.5"}))


@pytest.mark.parametrize("origin", [None, "chrome-extension://abcdef", "moz-extension://1234-5678",
                                    "safari-web-extension://X", "app://obsidian.md"])
def test_extensions_and_non_browser_clients_are_answered(origin):
    assert origin_allowed(origin)


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost:3000", "null", "file://"])
def test_web_pages_are_refused_unless_named(origin):
    assert not origin_allowed(origin)
    assert origin_allowed(origin, frozenset({normalise_origin(origin)}))
