"""The cross-check panel: what other sources say about the selected claim, with the differing values marked."""

from __future__ import annotations

import html

from workbench.gui import theme
from workbench.gui.qt import QtCore, QtWidgets, Qt, Signal
from workbench.services import views


class _Browser(QtWidgets.QTextBrowser):
    def loadResource(self, type_, name):  # our own HTML only; nothing is ever fetched
        return None


class CrosscheckPanel(QtWidgets.QWidget):
    """Corroborating and conflicting claims; a click opens the article at that span."""

    sig_open_claim = Signal(int)               # claim id
    sig_decide = Signal(int, str)              # link id, "confirmed" | "rejected" | "" (undo the decision)
    sig_use_as_evidence = Signal(int)          # claim id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.claim: dict | None = None
        self.links: list[dict] = []
        self.header = QtWidgets.QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.browser = _Browser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        self.clear()

    def clear(self) -> None:
        self.claim, self.links = None, []
        self.header.setText("<i>Select a claim to see what other sources say.</i>")
        self.summary.setText("")
        self.browser.setHtml("")

    def show_claim(self, detail: dict, links: list[dict]) -> None:
        self.claim, self.links = detail, links
        conflicts = [x for x in links if x["relation"] == "conflicts"]
        support = [x for x in links if x["relation"] == "corroborates"]
        other = [x for x in links if x["relation"] not in ("conflicts", "corroborates")]
        state = detail["state"]
        self.header.setText(
            f"<span style='background:{theme.hex_colour(state)}'>&nbsp;{theme.STATE_LABELS[state]}&nbsp;</span>"
            f"&nbsp; <b>{len(support)}</b> corroborating · <b>{len(conflicts)}</b> conflicting"
            + (f" · {len(other)} related" if other else "")
        )
        summary = views.origin_summary(detail)
        if detail.get("suggestion"):
            summary += f" — suggestion: {detail['suggestion']}"
        if not detail.get("checked"):
            summary += " — not cross-checked yet"
        self.summary.setText(summary)
        parts = []
        for title, items, relation in (("Conflicting", conflicts, "conflicts"),
                                       ("Corroborating", support, "corroborates"), ("Related", other, "related")):
            if not items:
                continue
            parts.append(f"<h4 style='margin:8px 0 2px 0'>{title}</h4>")
            parts += [self._card(item, relation) for item in items]
        if not parts:
            parts.append("<p style='color:gray'>No other source mentions this claim"
                         + ("" if detail.get("checked") else " (run Tools ▸ Cross-check all)") + ".</p>")
        self.browser.setHtml("".join(parts))

    def _card(self, item: dict, relation: str) -> str:
        colour = theme.hex_colour({"conflicts": "disputed", "corroborates": "corroborated"}.get(relation, "rejected"),
                                  strong=True)
        text = highlight_spans(item["text"], item["differing"], theme.hex_colour("disputed"))
        reasons = "; ".join(str(r) for r in item["reasons"][:3])
        flags = []
        if item["same_origin"]:
            flags.append("same origin")
        if item["decision"]:
            flags.append(f"you {item['decision']} this link")
        lid = item["link_id"]
        actions = (f"<a href='decide:{lid}:confirmed'>Confirm</a> · <a href='decide:{lid}:rejected'>Reject</a>"
                   if not item["decision"] else f"<a href='decide:{lid}:'>Undo decision</a>")
        actions += f" · <a href='evidence:{item['claim_id']}'>Use as evidence</a>"
        struck = "text-decoration:line-through;" if item["decision"] == "rejected" else ""
        return (
            f"<table width='100%' cellspacing='0' cellpadding='5' style='margin-bottom:6px'>"
            f"<tr><td width='4' style='background:{colour}'></td><td>"
            f"<b>{html.escape(item['outlet'] or 'Unknown outlet')}</b> "
            f"<span style='color:gray'>{html.escape(item['published'] or 'undated')}</span>"
            + (f" <span style='color:gray'>· {html.escape(', '.join(flags))}</span>" if flags else "")
            + f"<br><a href='claim:{item['claim_id']}' style='text-decoration:none;{struck}'>{text}</a>"
            + (f"<br><span style='color:gray'>{html.escape(reasons)}</span>" if reasons else "")
            + f"<br><small>{actions}</small></td></tr></table>"
        )

    def _anchor(self, url: QtCore.QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "claim":
            self.sig_open_claim.emit(int(rest))
        elif kind == "evidence":
            self.sig_use_as_evidence.emit(int(rest))
        elif kind == "decide":
            link_id, _, decision = rest.partition(":")
            self.sig_decide.emit(int(link_id), decision)


def highlight_spans(text: str, spans: list[tuple[int, int]], colour: str) -> str:
    """Escaped ``text`` with the given spans on a coloured background."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<span style='background:{colour}; font-weight:600'>{html.escape(text[start:end])}</span>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
