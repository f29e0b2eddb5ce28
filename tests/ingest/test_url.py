"""Fetching articles by URL from a local test server: pages, PDFs, HTTP errors, limits, no network."""

import socket
from http.server import BaseHTTPRequestHandler

import pytest

from tests.local_server import local_server
from tests.ingest.samples import LIBRARY, WIND, ascii_only, html_page, pdf_bytes, wrap
from workbench.domain.errors import ImportFailed
from workbench.ingest.url import check_url, read_url

PAGES = {
    "/libraries": ("text/html; charset=utf-8",
                   html_page(title="Libraries stay open", site="Brennholm Courier", paragraphs=LIBRARY,
                             published="2025-03-04").encode("utf-8")),
    "/wind.pdf": ("application/pdf",
                  pdf_bytes([["Wind farm starts up", ""] + sum((wrap(ascii_only(p)) + [""] for p in WIND), [])])),
    "/image": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    "/huge": ("text/html", b"<p>" + b"x" * 3000 + b"</p>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/libraries")
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    with local_server(Handler) as url:
        yield url


def test_page_is_fetched_and_read_like_a_saved_page(server):
    doc, data, media_type = read_url(f"{server}/libraries")
    assert doc.title == "Libraries stay open" and doc.outlet == "Brennholm Courier"
    assert doc.body.startswith("The city council of Brennholm voted")
    assert doc.url == f"{server}/libraries" and doc.format == "url" and media_type == "text/html"
    assert data.startswith(b"<!DOCTYPE html>")


def test_redirect_is_followed_and_the_final_address_kept(server):
    doc, _, _ = read_url(f"{server}/moved")
    assert doc.url == f"{server}/libraries"


def test_pdf_address_is_read_as_pdf(server):
    doc, _, media_type = read_url(f"{server}/wind.pdf")
    assert media_type == "application/pdf" and doc.format == "pdf"
    assert doc.title == "Wind farm starts up"


@pytest.mark.parametrize("path, reason", [
    ("/missing", "the server answered 404"),
    ("/image", "serves image/png, not an article"),
])
def test_http_problems_are_one_line_errors(server, path, reason):
    with pytest.raises(ImportFailed, match=reason):
        read_url(server + path)


def test_size_cap(server):
    with pytest.raises(ImportFailed, match="over the"):
        read_url(f"{server}/huge", max_bytes=1000)


def test_refused_connection_is_a_clear_error():
    with socket.socket() as s:  # a port nobody listens on: bind, then close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ImportFailed, match="cannot reach 127.0.0.1"):
        read_url(f"http://127.0.0.1:{port}/x", timeout=5)


def test_unresolvable_name_is_a_clear_error():
    with pytest.raises(ImportFailed, match="cannot reach"):
        read_url("http://no-such-host.invalid/article", timeout=5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "example.org"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(ImportFailed, match="only http and https"):
        check_url(url)
