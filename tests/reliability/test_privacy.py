"""Privacy: viewing an article never fetches anything; remote images and scripts in a page are never loaded."""

import http.server
import threading

import pytest

from workbench.services.importing import import_paths
from workbench.services.views import article

pytestmark = pytest.mark.gui


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(b"\x89PNG\r\n\x1a\n")

    def log_message(self, *args):
        pass


@pytest.fixture
def tracker():
    """A real web server on localhost that records every request made to it."""
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()
    thread.join(5)


def _hostile_page(base: str) -> str:
    para = ("<p>The council said 1,200 homes lost power on Monday after the storm reached the coast, and crews "
            "worked through the night.</p>")
    return (f"<html><head><title>Storm cuts power</title><script src='{base}/tracker.js'></script>"
            f"<link rel='stylesheet' href='{base}/style.css'></head><body><article><h1>Storm cuts power</h1>"
            f"<img src='{base}/pixel.png'>{para * 6}<iframe src='{base}/frame'></iframe>"
            f"<p>Quoted markup stays text: &lt;img src=\"{base}/quoted.png\"&gt;</p></article></body></html>")


def test_article_view_loads_no_resource_and_contacts_no_server(qtbot, ws, tmp_path, tracker):
    from workbench.gui.article import ArticleView
    from workbench.gui.qt import QtGui

    base, requests = tracker
    page = tmp_path / "storm.html"
    page.write_text(_hostile_page(base), encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text(f"Markup quoted in a note\n\nThe page used <img src=\"{base}/in-text.png\"> to track readers.\n")
    report = import_paths(ws, [page, note])
    assert not report.failed, report.failed
    assert requests == []                                   # importing a file never goes online

    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    for source_id in report.source_ids:
        with ws.session() as s:
            data = article(s, source_id)
        data["url"] = f"{base}/original-article"            # a link to the original is shown, never fetched
        view.show_article(data)
        qtbot.wait(150)
        doc = view.text.document()
        assert doc.toPlainText() == data["body"]            # shown as text, exactly the stored body
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                assert not fmt.isImageFormat() and not fmt.isAnchor()
                it += 1
            block = block.next()
        for kind in (QtGui.QTextDocument.ResourceType.ImageResource,
                     QtGui.QTextDocument.ResourceType.StyleSheetResource):
            assert doc.resource(kind, f"{base}/pixel.png") is None
        view.grab()                                         # paint everything once
    assert requests == []
    assert "<img" in view.text.document().toPlainText()    # quoted markup is text, not an image
