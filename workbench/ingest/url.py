"""Fetching a web article by URL (urllib, with a timeout and a size cap) and reading it like a saved page."""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from workbench import __version__
from workbench.domain.errors import ImportFailed
from workbench.ingest.document import Document

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 15 * 1024 * 1024
_USER_AGENT = f"FactCheckingWorkbench/{__version__} (+desktop; article import)"


@dataclass
class Fetched:
    url: str           # after redirects
    data: bytes
    content_type: str


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ImportFailed(f"only http and https addresses can be fetched, not {parts.scheme or 'a bare name'!r}")
    if not parts.hostname:
        raise ImportFailed("the address has no host name")
    return url


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """The body of a web page; every network problem becomes a one-line ImportFailed."""
    url = check_url(url)
    request = urllib.request.Request(url, headers={
        "User-Agent": _USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ImportFailed(f"the page is {int(declared) / 2**20:.1f} MB, over the "
                                   f"{max_bytes / 2**20:g} MB limit")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ImportFailed(f"the page is over the {max_bytes / 2**20:g} MB limit")
            return Fetched(response.geturl(), data, response.headers.get_content_type())
    except urllib.error.HTTPError as exc:
        raise ImportFailed(f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise ImportFailed(f"cannot reach {urlsplit(url).hostname}: {_reason(exc.reason)}") from exc
    except (TimeoutError, socket.timeout) as exc:
        raise ImportFailed(f"no answer from {urlsplit(url).hostname} within {timeout:.0f} s") from exc
    except (ssl.SSLError, ConnectionError, OSError) as exc:
        raise ImportFailed(f"the download failed: {_reason(exc)}") from exc
    except ValueError as exc:  # malformed address that urllib refuses
        raise ImportFailed(f"not a usable address: {exc}") from exc


def read_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, bytes, str]:
    """(document, fetched bytes, media type) for a web address."""
    from workbench.ingest.html import document_from_html
    from workbench.ingest.pdf import read_pdf
    from workbench.ingest.textfile import read_text

    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes)
    name = Path(urlsplit(fetched.url).path).name or "page"
    if fetched.content_type == "application/pdf" or fetched.data.startswith(b"%PDF-"):
        doc = read_pdf(Path(name), fetched.data)
    elif fetched.content_type == "text/plain":
        doc = read_text(Path(name), fetched.data)
    elif fetched.content_type in ("text/html", "application/xhtml+xml") or b"<" in fetched.data[:2048]:
        doc = document_from_html(fetched.data, fmt="url", url=fetched.url)
    else:
        raise ImportFailed(f"the address serves {fetched.content_type}, not an article")
    doc.format = "url" if doc.format == "html" else doc.format
    doc.url = doc.url or fetched.url
    return doc, fetched.data, fetched.content_type


def _reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "the name does not resolve (no network, or a typo in the address)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "the connection timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return str(text).split("\n")[0][:120]
