"""Who may talk to the local server: this computer's own names, and only the browser pages that
are the writer's extensions (or that the writer named).

A web page the writer visits can send requests to 127.0.0.1 too. Two rules keep it out: a `Host`
header that is not a loopback name (a page using a DNS name that points at 127.0.0.1, "DNS
rebinding") is refused, and a request whose `Origin` is a web page is refused rather than only
left without CORS headers, so a page cannot even spend the writer's CPU.
"""

from __future__ import annotations

import ipaddress

DEFAULT_ADDRESSES = ("127.0.0.1", "::1")
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://", "safari-web-extension://")
# Desktop apps whose windows are web views with an origin of their own (Obsidian's LanguageTool
# plugin calls fetch from its window); no web page can have these origins.
APP_ORIGINS = frozenset({"app://obsidian.md"})


def host_name(header: str) -> str:
    """The name in a Host header, without its port, brackets or a final dot, in lower case."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h[1:]
    if h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


def is_loopback(name: str) -> bool:
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_allowed(header: str | None, extra_names: frozenset[str] = frozenset()) -> bool:
    """Whether a request's Host header names this computer (or an address the server was told to
    listen on). A request with no Host header at all (HTTP/1.0 tools) comes from no web page."""
    if header is None:
        return True
    name = host_name(header)
    return is_loopback(name) or name in extra_names


def normalise_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


def origin_allowed(origin: str | None, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a request with this Origin header may be answered (no Origin: not from a browser page)."""
    if origin is None:
        return True
    o = normalise_origin(origin)
    return o.startswith(EXTENSION_SCHEMES) or o in APP_ORIGINS or o in extra
