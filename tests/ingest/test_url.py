"""URL fetching against a real HTTP server on 127.0.0.1, and the address guard on every redirect."""

import http.server
import threading
import time

import httpx
import pytest

from ctwatch.errors import BlockedAddress, FetchError, TooLarge
from ctwatch.ingest import read
from ctwatch.ingest.url import check_address, fetch_url

PAGE = (
    b"<html><head><title>Convoy attacked</title></head><body><article><p>Militants attacked a convoy "
    b"in Kurram district on Monday, killing four soldiers, officials said. The attack lasted an hour."
    b"</p></article></body></html>"
)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/big":
            self._send(200, b"x" * 200_000, "text/plain")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self._send(404, b"missing", "text/plain")

    def _send(self, code, body, ctype):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_loopback_is_refused_by_default(server):
    with pytest.raises(BlockedAddress, match="--allow-private"):
        fetch_url(server + "/page")


def test_fetch_when_allowed(server):
    body, ctype, final = fetch_url(server + "/page", allow_private=True)
    assert body == PAGE and ctype.startswith("text/html") and final.endswith("/page")


def test_read_url_into_document(server):
    (doc,) = list(read([server + "/redirect"], allow_private=True))
    assert "attacked a convoy" in doc.text and doc.source.endswith("/page")


def test_blocked_url_is_reported_not_raised(server):
    (err,) = list(read([server + "/page"]))
    assert isinstance(err, BlockedAddress) and err.source.endswith("/page")


def test_size_cap(server):
    with pytest.raises(TooLarge):
        fetch_url(server + "/big", allow_private=True, max_bytes=10_000)


def test_timeout(server):
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(server + "/slow", allow_private=True, timeout=0.5)


def test_redirect_limit(server):
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(server + "/loop", allow_private=True, max_redirects=3)


def test_http_error(server):
    with pytest.raises(FetchError, match="404"):
        fetch_url(server + "/nothing", allow_private=True)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.5",
        "172.16.9.9",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "224.0.0.1",
    ],
)
def test_guard_refuses_non_public(address):
    with pytest.raises(BlockedAddress):
        check_address("http://host.example/", resolve=lambda host: [address])


def test_guard_allows_public():
    check_address("https://news.example/", resolve=lambda host: ["93.184.216.34"])


def test_guard_checks_every_redirect():
    """A public host redirecting to an internal one is stopped at the redirect, before any request to it."""
    requested = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(request.url.host)
        return httpx.Response(302, headers={"Location": "http://internal.example/admin"})

    resolver = {"public.example": ["93.184.216.34"], "internal.example": ["10.0.0.7"]}
    with pytest.raises(BlockedAddress, match="internal.example"):
        fetch_url(
            "http://public.example/", resolve=lambda h: resolver[h], transport=httpx.MockTransport(handler)
        )
    assert requested == ["public.example"]


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "http:///nohost"])
def test_other_schemes_refused(url):
    with pytest.raises(FetchError):
        check_address(url, resolve=lambda h: ["93.184.216.34"])
