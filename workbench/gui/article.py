"""The article view: the stored plain text with every claim highlighted in place, by state.

The body is put in a QTextDocument as plain text and formatted through QTextCursor; no HTML from the source
is ever interpreted and no resource is ever loaded.
"""

from __future__ import annotations

import bisect
import html

from workbench.gui import theme
from workbench.gui.qt import QtCore, QtGui, QtWidgets, Qt, Signal


class OffsetMap:
    """Python string offsets <-> QTextDocument positions (UTF-16 code units)."""

    def __init__(self, text: str):
        wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._wide = wide   # python offsets of characters that take two UTF-16 units

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset) if self._wide else offset

    def to_py(self, position: int) -> int:
        if not self._wide:
            return position
        lo, hi = 0, position
        while lo < hi:   # largest offset whose Qt position <= position
            mid = (lo + hi + 1) // 2
            if self.to_qt(mid) <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo


class _Body(QtWidgets.QTextEdit):
    """Read-only text with claim hit-testing for tooltips, clicks and the context menu."""

    sig_clicked_at = Signal(int)   # python offset

    def __init__(self, owner: ArticleView):
        super().__init__(owner)
        self._owner = owner
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.viewport().setMouseTracking(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self._press: QtCore.QPoint | None = None

    def loadResource(self, type_, name):  # never fetch anything, local or remote
        return None

    def offset_at(self, pos: QtCore.QPoint) -> int:
        return self._owner.offsets.to_py(self.cursorForPosition(pos).position())

    def viewportEvent(self, e):
        if e.type() == QtCore.QEvent.Type.ToolTip:
            claim = self._owner.claim_at(self.offset_at(e.pos()))
            if claim is None:
                QtWidgets.QToolTip.hideText()
            else:
                QtWidgets.QToolTip.showText(e.globalPos(), claim_tooltip(claim), self.viewport())
            return True
        return super().viewportEvent(e)

    def mousePressEvent(self, e):
        self._press = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e):
        super().mouseReleaseEvent(e)
        if (e.button() == Qt.MouseButton.LeftButton and self._press is not None
                and (e.position().toPoint() - self._press).manhattanLength() < 4
                and not self.textCursor().hasSelection()):
            self.sig_clicked_at.emit(self.offset_at(e.position().toPoint()))
        self._press = None

    def contextMenuEvent(self, e):
        menu = self.createStandardContextMenu(e.pos())
        if self._owner.context_actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in self._owner.context_actions:
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(e.globalPos())
        menu.deleteLater()


def claim_tooltip(claim: dict) -> str:
    state = theme.STATE_LABELS.get(claim["state"], claim["state"])
    colour = theme.hex_colour(claim["state"], strong=True)
    reasons = "".join(f"<li>{html.escape(str(r))}</li>" for r in claim["reasons"][:6])
    extra = []
    if claim["conflicts"]:
        extra.append(f"{claim['conflicts']} conflicting")
    if claim["corroborations"]:
        extra.append(f"{claim['corroborations']} corroborating")
    if claim.get("rating"):
        extra.append(f"rated {html.escape(claim['rating'])}")
    if claim["origin"] == "user":
        extra.append("added by hand")
    return (
        f"<b>{html.escape(claim['kind'].capitalize())}</b> · score {claim['score']:.2f} · "
        f"<span style='color:{colour}'><b>{state}</b></span>"
        + (f"<br>{html.escape(', '.join(extra))}" if extra else "")
        + (f"<ul style='margin:2px 0 0 -20px'>{reasons}</ul>" if reasons else "")
        + "<span style='color:gray'>Click to select</span>"
    )


class ArticleView(QtWidgets.QWidget):
    """Header (title, outlet, author, date, link) above the highlighted body."""

    sig_claim_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.context_actions: list[QtGui.QAction] = []
        self.source_id: int | None = None
        self.body = ""
        self.offsets = OffsetMap("")
        self.claims: list[dict] = []
        self._starts: list[int] = []
        self.selected_claim: int | None = None

        self.title = QtWidgets.QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QtWidgets.QLabel()
        self.meta.setObjectName("panelMeta")
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setOpenExternalLinks(True)
        self.meta.setWordWrap(True)
        self.legend = QtWidgets.QLabel(legend_html())
        self.legend.setObjectName("hint")
        self.text = _Body(self)
        self.text.sig_clicked_at.connect(self._clicked_at)
        self.text.document().setDocumentMargin(14)
        font = self.text.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.12, 10.5))
        self.text.setFont(font)

        header = QtWidgets.QVBoxLayout()
        header.setContentsMargins(16, 12, 16, 6)
        header.setSpacing(3)
        header.addWidget(self.title)
        header.addWidget(self.meta)
        header.addWidget(self.legend)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        line = QtWidgets.QFrame()
        line.setFrameShape(QtWidgets.QFrame.Shape.HLine)
        line.setFrameShadow(QtWidgets.QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.text, 1)
        self.clear()

    def warm_up(self) -> None:
        """Render a tiny article once: Qt creates its enum classes and text layouts on first use, which took
        ~70 ms on the first real article (just after an import, when the window should stay smooth)."""
        body = "Warm-up: 12 people on 3 March said \"yes\"."
        self.show_article({"id": None, "title": "", "outlet": None, "author": None, "url": None,
                           "published": None, "published_time": None, "body": body, "claims": [{
                               "id": 0, "start": 0, "end": len(body), "kind": "numeric", "score": 0.5,
                               "reasons": [], "state": "disputed", "conflicts": 1, "corroborations": 0,
                               "origin": "auto", "rating": None,
                               "marks": [(8, 10, "number"), (21, 28, "date"), (35, 38, "quote")]}]})
        self.select_claim(0)
        self.clear()

    # -- content
    def clear(self) -> None:
        self.source_id, self.body, self.claims, self._starts = None, "", [], []
        self.selected_claim = None
        self.offsets = OffsetMap("")
        self.title.setText("No article open")
        self.meta.setText("Import articles (File ▸ Import, or drop files here), then pick a source on the left.")
        self.text.setPlainText("")
        self.text.setExtraSelections([])

    def show_article(self, data: dict) -> None:
        """Show a view of :func:`workbench.services.views.article`."""
        self.source_id = data["id"]
        self.body = data["body"]
        self.offsets = OffsetMap(self.body)
        self.claims = sorted(data["claims"], key=lambda c: (c["start"], c["end"]))
        self._starts = [c["start"] for c in self.claims]
        self.selected_claim = None
        self.title.setText(data["title"] or "Untitled")
        self.meta.setText(meta_html(data))
        self.text.setExtraSelections([])
        self.text.setPlainText(self.body)
        self._format_document()

    def _format_document(self) -> None:
        doc = self.text.document()
        cursor = QtGui.QTextCursor(doc)
        cursor.beginEditBlock()
        block_format = QtGui.QTextBlockFormat()
        block_format.setBottomMargin(8)
        block_format.setLineHeight(118, QtGui.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.select(QtGui.QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        dark = theme.is_dark()
        for claim in self.claims:
            fmt = QtGui.QTextCharFormat()
            fmt.setBackground(theme.state_colour(claim["state"], dark=dark))
            if claim["state"] == "rejected":
                fmt.setFontStrikeOut(True)
            self._apply(cursor, claim["start"], claim["end"], fmt)
            for start, end, kind in claim["marks"]:
                self._apply(cursor, start, end, mark_format(kind, dark))
        cursor.endEditBlock()

    def _apply(self, cursor: QtGui.QTextCursor, start: int, end: int, fmt: QtGui.QTextCharFormat) -> None:
        if not (0 <= start < end <= len(self.body)):
            return
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    # -- claims
    def claim_at(self, offset: int) -> dict | None:
        """The innermost claim covering ``offset``."""
        i = bisect.bisect_right(self._starts, offset)
        best = None
        for claim in reversed(self.claims[max(0, i - 40):i]):
            if claim["start"] <= offset < claim["end"]:
                if best is None or claim["end"] - claim["start"] < best["end"] - best["start"]:
                    best = claim
        return best

    def claim_by_id(self, claim_id: int) -> dict | None:
        return next((c for c in self.claims if c["id"] == claim_id), None)

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        self.selected_claim = claim_id
        claim = self.claim_by_id(claim_id) if claim_id is not None else None
        if claim is None:
            self.text.setExtraSelections([])
            return
        self._mark_selected(claim["start"], claim["end"], claim["state"])
        if scroll:
            self.scroll_to(claim["start"], claim["end"])

    def show_span(self, start: int, end: int) -> None:
        """Scroll to and outline a span (a search hit or a linked claim's text)."""
        claim = self.claim_at(start)
        if claim is not None and claim["start"] == start:
            self.select_claim(claim["id"])
            return
        self._mark_selected(start, end, "unreviewed")
        self.scroll_to(start, end)

    def _mark_selected(self, start: int, end: int, state: str) -> None:
        sel = QtWidgets.QTextEdit.ExtraSelection()
        cursor = QtGui.QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_qt(max(0, start)))
        cursor.setPosition(self.offsets.to_qt(min(end, len(self.body))), QtGui.QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QtGui.QTextCharFormat()
        strong = theme.strong_colour(state)
        fill = QtGui.QColor(strong)
        fill.setAlpha(110 if theme.is_dark() else 85)
        fmt.setBackground(fill)
        fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(strong)
        sel.format = fmt
        self.text.setExtraSelections([sel])

    def scroll_to(self, start: int, end: int) -> None:
        cursor = QtGui.QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_qt(min(end, len(self.body))))
        self.text.setTextCursor(cursor)
        cursor.setPosition(self.offsets.to_qt(max(0, start)))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as python offsets, trimmed of surrounding white space; None when empty."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection() or self.source_id is None:
            return None
        start, end = self.offsets.to_py(cursor.selectionStart()), self.offsets.to_py(cursor.selectionEnd())
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def cursor_offset(self) -> int:
        return self.offsets.to_py(self.text.textCursor().position())

    def select_text(self, start: int, end: int) -> None:
        """Select a span programmatically (tests, 'adjust span' preview)."""
        cursor = QtGui.QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def _clicked_at(self, offset: int) -> None:
        claim = self.claim_at(offset)
        if claim is not None:
            self.sig_claim_clicked.emit(claim["id"])


def mark_format(kind: str, dark: bool) -> QtGui.QTextCharFormat:
    """Subtle marks for numbers, dates and quotes inside a claim."""
    fmt = QtGui.QTextCharFormat()
    if kind == "quote":
        fmt.setFontItalic(True)
        return fmt
    fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.DotLine if kind == "number"
                          else QtGui.QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(QtGui.QColor("#9ec5fe" if dark else "#1c5fb8") if kind == "number"
                          else QtGui.QColor("#d0a8ff" if dark else "#7a3db8"))
    fmt.setFontWeight(QtGui.QFont.Weight.DemiBold)
    return fmt


def meta_html(data: dict) -> str:
    parts = [html.escape(x) for x in (data.get("outlet"), data.get("author")) if x]
    when = data.get("published") or ""
    if when and data.get("published_time"):
        when += f" {data['published_time']}"
    if when:
        parts.append(html.escape(when))
    url = data.get("url")
    if url and url.lower().startswith(("http://", "https://")):
        shown = html.escape(url if len(url) < 70 else url[:67] + "…")
        parts.append(f"<a href=\"{html.escape(url, quote=True)}\">{shown}</a>")
    n = len(data.get("claims") or [])
    parts.append(f"{n} claim{'s' if n != 1 else ''}")
    return " · ".join(parts)


def legend_html() -> str:
    chips = " ".join(
        f"<span style='background:{theme.hex_colour(s)}'>&nbsp;{label}&nbsp;</span>"
        for s, label in theme.STATE_LABELS.items()
    )
    return chips + "&nbsp;&nbsp; <u>number</u> · <i>quote</i>"
