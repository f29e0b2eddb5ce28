"""The search panel: a Whoosh query box (syntax help on hover) and results with highlighted snippets."""

from __future__ import annotations

import html
import re

from workbench.gui.qt import QtCore, QtWidgets, Signal

_OPERATORS = {"and", "or", "not", "to"}


def query_help() -> str:
    try:
        from workbench.search.query import QUERY_HELP
    except ImportError:   # the search layer is optional for the window to start
        return "Words, \"exact phrases\", AND / OR / NOT, field:value."
    return QUERY_HELP


def query_terms(query: str) -> list[str]:
    """The plain words of a query, for highlighting (field names, operators and wildcards dropped)."""
    terms = []
    for phrase in re.findall(r'"([^"]+)"', query):
        terms.append(phrase)
    rest = re.sub(r'"[^"]*"', " ", query)
    for token in rest.split():
        word = token.split(":", 1)[1] if ":" in token else token   # field:value highlights the value
        word = word.strip("()*?~^+-.,;!")
        if len(word) < 2 or word.lower() in _OPERATORS:
            continue
        terms.append(word)
    return sorted(set(terms), key=len, reverse=True)


def snippet_html(snippet: str, terms: list[str]) -> str:
    """The snippet as escaped plain text with matches in bold on a tint.

    The search service marks matches «like this»; without marks, the query's own words are highlighted.
    """
    text = snippet or ""   # plain text: whatever looks like markup is shown as written
    if "«" in text and "»" in text:
        parts = re.split(r"«([^«»]*)»", text)
        return "".join(_mark(p) if i % 2 else html.escape(p) for i, p in enumerate(parts))
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append(_mark(m.group(0)))
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _mark(text: str) -> str:
    return f"<b style='background:#ffe066; color:#000'>{html.escape(text)}</b>"


class _QueryBox(QtWidgets.QLineEdit):
    """The query box; its syntax help is built on the first hover (it loads the query parser)."""

    def event(self, e):
        if e.type() == QtCore.QEvent.Type.ToolTip and not self.toolTip():
            self.setToolTip("<pre>" + html.escape(query_help()) + "</pre>")
        return super().event(e)


class _Browser(QtWidgets.QTextBrowser):
    def loadResource(self, type_, name):
        return None


class SearchPanel(QtWidgets.QWidget):
    """Emits the query; shows the hits the window gives back; a click opens the hit."""

    sig_search = Signal(str)
    sig_open_hit = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[dict] = []
        self.query = _QueryBox()
        self.query.setPlaceholderText("Search claims and articles…  (hover for syntax)")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self._submit)
        self.count = QtWidgets.QLabel()
        self.count.setObjectName("hint")
        self.results = _Browser()
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._anchor)
        self.results.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.query)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)

    def _submit(self) -> None:
        text = self.query.text().strip()
        if text:
            self.count.setText("Searching…")
            self.sig_search.emit(text)

    def show_error(self, message: str) -> None:
        self.hits = []
        self.count.setText(message)
        self.results.setHtml("")

    def show_hits(self, query: str, hits: list[dict]) -> None:
        self.hits = list(hits)
        terms = query_terms(query)
        self.count.setText(f"{len(hits)} result{'s' if len(hits) != 1 else ''} for {query}")
        rows = []
        for i, hit in enumerate(hits):
            kind = "Claim" if hit.get("claim_id") else "Article"
            where = " · ".join(str(x) for x in (hit.get("outlet"), hit.get("published")) if x)
            title = hit.get("title") or ""
            snippet = hit.get("snippet") or hit.get("text") or ""
            rows.append(
                f"<p style='margin:0 0 9px 0'><a href='hit:{i}' style='text-decoration:none'>"
                f"<b>{html.escape(title or kind)}</b></a> <span style='color:gray'>{kind}"
                f"{' · ' + html.escape(where) if where else ''}</span><br>{snippet_html(snippet, terms)}</p>"
            )
        self.results.setHtml("".join(rows) or "<p style='color:gray'>Nothing found.</p>")

    def _anchor(self, url: QtCore.QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "hit" and rest.isdigit() and int(rest) < len(self.hits):
            self.sig_open_hit.emit(self.hits[int(rest)])

    def open_hit(self, i: int) -> None:
        self.sig_open_hit.emit(self.hits[i])
