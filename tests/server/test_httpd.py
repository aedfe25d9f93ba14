"""The HTTP layer with a stand-in engine: routes, LanguageTool's shapes, and each safety rule."""

import json
import socket
from urllib.parse import quote, urlencode

import pytest

from server_client import ask, check
from server_fakes import TehEngine


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def test_it_listens_on_loopback_only(serve):
    server = serve()
    hosts = [u.split("//")[1].rsplit(":", 1)[0] for u in server.urls]
    assert hosts == (["127.0.0.1", "[::1]"] if ipv6_loopback() else ["127.0.0.1"])
    status, _, body = ask(server)
    assert status == 200 and {"longCode": "en-US", "code": "en", "name": "English (US)"} in json.loads(body)
    if ipv6_loopback():
        assert ask(server, host="::1")[0] == 200


def test_a_check_answers_with_utf16_offsets(serve):
    server = serve()
    text = "𝒜 emoji 😀👍🏽 then teh end.\nAnd teh next."
    status, headers, out = check(server, {"text": text, "language": "en-US"})
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    offsets = [m["offset"] for m in out["matches"]]
    units = text.encode("utf-16-le")
    assert [units[2 * o : 2 * (o + 3)].decode("utf-16-le") for o in offsets] == ["teh", "teh"]
    assert offsets[0] == text.index("teh") + 4  # four astral characters before it
    assert out["matches"][0]["rule"]["id"] == "MORFOLOGIK_RULE_EN_US"


def test_get_and_annotated_data_work_too(serve):
    server = serve()
    status, _, body = ask(server, "GET", "/v2/check?language=en-GB&text=" + quote("so teh"))
    assert status == 200 and json.loads(body)["matches"][0]["offset"] == 3
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": "I saw "}, {"markup": "<em>"}, {"text": "teh"},
                                      {"markup": "</em>"}, {"markup": "</p>", "interpretAs": "\n\n"}]})
    status, _, out = check(server, {"data": data, "language": "auto", "preferredVariants": "en-GB"})
    (m,) = out["matches"]
    assert (m["offset"], m["length"]) == (len("<p>I saw <em>"), 3)
    assert out["language"]["code"] == "en-GB" and m["rule"]["id"] == "MORFOLOGIK_RULE_EN_GB"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8081", "192.168.0.10"])
def test_a_foreign_host_header_is_refused(serve, host):
    engine = TehEngine()
    server = serve(engine)
    status, headers, body = check(server, {"text": "teh", "language": "en"}, {"Host": host})
    assert status == 403 and body.startswith("Error:") and "Access-Control-Allow-Origin" not in headers
    assert engine.calls == []  # refused before the engine saw it
    assert check(server, {"text": "teh", "language": "en"}, {"Host": f"localhost:{server.port}"})[0] == 200


def test_browser_extensions_get_cors_answers(serve):
    server = serve()
    for origin in ("chrome-extension://abcdefgh", "moz-extension://0b1c-22", "safari-web-extension://X1"):
        status, headers, _ = check(server, {"text": "teh", "language": "en"}, {"Origin": origin})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == origin
    status, headers, _ = ask(server, "OPTIONS", "/v2/check", headers={
        "Origin": "chrome-extension://abcdefgh", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type", "Access-Control-Request-Private-Network": "true"})
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Headers"] == "content-type"
    assert headers["Access-Control-Allow-Private-Network"] == "true"


def test_web_pages_are_refused_unless_allowed(serve):
    engine = TehEngine()
    server = serve(engine)
    for method in ("POST", "OPTIONS"):
        status, headers, body = ask(server, method, "/v2/check", urlencode({"text": "teh web", "language": "en"}),
                                    {"Origin": "https://evil.example", "Content-Type": "application/x-www-form-urlencoded"})
        assert status == 403 and "Access-Control-Allow-Origin" not in headers and "--allow-origin" in body
    assert all("web" not in c[0] for c in engine.calls)
    allowed = serve(allow_origins=frozenset({"https://school.example"}))
    status, headers, _ = check(allowed, {"text": "teh", "language": "en"}, {"Origin": "https://school.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://school.example"


def test_a_body_over_the_limit_gets_413_unread(serve):
    engine = TehEngine()
    server = serve(engine, max_bytes=1000)
    status, headers, body = check(server, {"text": "teh " * 500, "language": "en"})
    assert status == 413 and body.startswith("Error: your text exceeds the limit of 1,000 bytes")
    assert headers.get("Connection") == "close"
    assert all("teh teh" not in c[0] for c in engine.calls)
    assert check(server, {"text": "teh", "language": "en"})[0] == 200


@pytest.mark.parametrize("body, ctype, status, says", [
    (b"text=%FF&language=en", "application/x-www-form-urlencoded", 400, "UTF-8"),
    (urlencode({"data": "{broken", "language": "en"}), "application/x-www-form-urlencoded", 400, "JSON"),
    (urlencode({"data": '{"annotation": [{"markup": 1}]}', "language": "en"}), "application/x-www-form-urlencoded", 400,
     "strings"),
    (urlencode({"language": "en"}), "application/x-www-form-urlencoded", 400, "Missing"),
    (urlencode({"text": "x", "language": "fr"}), "application/x-www-form-urlencoded", 400, "English"),
    (b'{"text": "x"}', "application/json", 400, "x-www-form-urlencoded"),
])
def test_bad_input_gets_400_and_a_message(serve, body, ctype, status, says):
    server = serve()
    got, _, text = ask(server, "POST", "/v2/check", body, {"Content-Type": ctype})
    assert got == status and text.startswith("Error: ") and says in text


def test_unknown_paths_and_methods(serve):
    server = serve()
    assert ask(server, "GET", "/v3/check")[0] == 404
    status, headers, _ = ask(server, "POST", "/v2/languages", b"text=unread")
    assert status == 404 and headers.get("Connection") == "close"  # the unread body ends the connection
    assert ask(server, "PUT", "/v2/check", b"")[0] == 501  # http.server's own answer to a method it lacks


def test_a_client_that_hangs_up_mid_check_does_not_hurt_the_next(serve):
    import threading

    gate = threading.Event()
    engine = TehEngine(gate)
    server = serve(engine)
    body = urlencode({"text": "one teh", "language": "en"}).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as s:
        s.sendall(b"POST /v2/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        assert engine.started.wait(5)  # the engine holds the text; now the client hangs up
    gate.set()
    status, _, out = check(server, {"text": "two teh", "language": "en"})
    assert status == 200 and out["matches"][0]["offset"] == 4
    assert [c[0] for c in engine.calls] == ["one teh", "two teh"]  # the abandoned check was finished


def test_nothing_of_the_text_is_logged(serve, capfd):
    server = serve()
    check(server, {"text": "my secretword teh", "language": "en"})
    ask(server, "GET", "/v2/check?language=en&text=secretword")
    check(server, {"text": "secretword", "language": "xx"})
    check(server, {"text": "secretword", "language": "en"}, {"Host": "evil.example"})
    out, err = capfd.readouterr()
    assert "secretword" not in out + err


def test_stopping_closes_the_port_and_every_thread(serve):
    from server_client import server_threads

    server = serve()
    port = server.port
    check(server, {"text": "teh", "language": "en"})
    # An idle keep-alive connection must not hold the stop up.
    idle = socket.create_connection(("127.0.0.1", port))
    server.stop()
    idle.close()
    assert server_threads() == []
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
