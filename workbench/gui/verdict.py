"""The verdict editor: workflow status separate from the rating, rationale, evidence, reviewer and history."""

from __future__ import annotations

import html

from workbench.gui.qt import QtWidgets, Qt, Signal
from workbench.domain.claims import Status


class VerdictEditor(QtWidgets.QWidget):
    """Edits one claim's verdict; emits the new values, the window saves them."""

    sig_save = Signal(int, dict)          # claim id, {status, rating, rationale, reviewer, evidence}
    sig_open_claim = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.claim_id: int | None = None
        self.claim_label = QtWidgets.QLabel()
        self.claim_label.setWordWrap(True)
        self.status = QtWidgets.QComboBox()
        self.status.addItems([s.value for s in Status])
        self.rating = QtWidgets.QComboBox()
        self.rationale = QtWidgets.QPlainTextEdit()
        self.rationale.setPlaceholderText("Why this rating: two or three sentences an editor can publish.")
        self.rationale.setTabChangesFocus(True)
        self.reviewer = QtWidgets.QLineEdit()
        self.reviewer.setPlaceholderText("Your name")
        self.evidence = QtWidgets.QListWidget()
        self.evidence.setMaximumHeight(90)
        self.evidence.itemActivated.connect(self._evidence_activated)
        self.evidence_input = QtWidgets.QLineEdit()
        self.evidence_input.setPlaceholderText("https://… or claim 12 or source 3, then Enter")
        self.evidence_input.returnPressed.connect(self._add_evidence_from_input)
        remove = QtWidgets.QToolButton()
        remove.setText("Remove")
        remove.clicked.connect(self._remove_evidence)
        self.save_button = QtWidgets.QPushButton("Save verdict")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.history = QtWidgets.QTextBrowser()
        self.history.setOpenLinks(False)
        self.history.setMaximumHeight(120)

        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Status", self.status)
        form.addRow("Rating", self.rating)
        form.addRow("Reviewer", self.reviewer)
        evidence_row = QtWidgets.QHBoxLayout()
        evidence_row.addWidget(self.evidence_input, 1)
        evidence_row.addWidget(remove)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.claim_label)
        layout.addLayout(form)
        layout.addWidget(QtWidgets.QLabel("Rationale"))
        layout.addWidget(self.rationale, 1)
        layout.addWidget(QtWidgets.QLabel("Evidence"))
        layout.addWidget(self.evidence)
        layout.addLayout(evidence_row)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addWidget(QtWidgets.QLabel("History"))
        layout.addWidget(self.history)
        self.set_scale([])
        self.clear()

    def set_scale(self, names: list[str]) -> None:
        current = self.rating.currentText()
        self.rating.clear()
        self.rating.addItem("— no rating —", "")
        for name in names:
            self.rating.addItem(name, name)
        i = self.rating.findData(current)
        self.rating.setCurrentIndex(max(i, 0))

    def clear(self) -> None:
        self.claim_id = None
        self.claim_label.setText("<i>Select a claim to record a verdict.</i>")
        self.setEnabled(False)
        self.history.setHtml("")

    def show_verdict(self, detail: dict, events: list[dict], default_reviewer: str = "") -> None:
        self.setEnabled(True)
        self.claim_id = detail["id"]
        text = detail["text"] if len(detail["text"]) < 180 else detail["text"][:177] + "…"
        self.claim_label.setText(f"<b>#{detail['id']}</b> {html.escape(text)}")
        verdict = detail.get("verdict") or {}
        self.status.setCurrentText(verdict.get("status") or Status.UNREVIEWED.value)
        self.rating.setCurrentIndex(max(self.rating.findData(verdict.get("rating") or ""), 0))
        self.rationale.setPlainText(verdict.get("rationale") or "")
        self.reviewer.setText(verdict.get("reviewer") or default_reviewer)
        self.evidence.clear()
        for item in verdict.get("evidence") or []:
            self._add_evidence_item(item)
        self.history.setHtml(history_html(events))
        self._loaded = self.values()

    def dirty(self) -> bool:
        """True when the fields differ from the verdict last shown (unsaved edits)."""
        return self.claim_id is not None and self.values() != getattr(self, "_loaded", None)

    def values(self) -> dict:
        return {
            "status": self.status.currentText(),
            "rating": self.rating.currentData() or "",
            "rationale": self.rationale.toPlainText(),
            "reviewer": self.reviewer.text(),
            "evidence": [self.evidence.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.evidence.count())],
        }

    def save(self) -> None:
        if self.claim_id is not None:
            self.sig_save.emit(self.claim_id, self.values())

    def add_evidence(self, kind: str, ref: str, note: str = "") -> None:
        self._add_evidence_item({"kind": kind, "ref": ref, "note": note})

    def _add_evidence_item(self, item: dict) -> None:
        label = {"claim": "Claim #", "source": "Source #", "url": ""}.get(item["kind"], "") + item["ref"]
        if item.get("note"):
            label += f" — {item['note']}"
        row = QtWidgets.QListWidgetItem(label)
        row.setData(Qt.ItemDataRole.UserRole, dict(item))
        self.evidence.addItem(row)

    def _add_evidence_from_input(self) -> None:
        text = self.evidence_input.text().strip()
        if not text:
            return
        word, _, rest = text.partition(" ")
        if word.lower() in ("claim", "source") and rest.strip().lstrip("#").isdigit():
            self.add_evidence(word.lower(), rest.strip().lstrip("#"))
        else:
            self.add_evidence("url", text)
        self.evidence_input.clear()

    def _remove_evidence(self) -> None:
        for item in self.evidence.selectedItems():
            self.evidence.takeItem(self.evidence.row(item))

    def _evidence_activated(self, row: QtWidgets.QListWidgetItem) -> None:
        item = row.data(Qt.ItemDataRole.UserRole)
        if item["kind"] == "claim" and item["ref"].isdigit():
            self.sig_open_claim.emit(int(item["ref"]))


def history_html(events: list[dict]) -> str:
    if not events:
        return "<span style='color:gray'>No changes recorded yet.</span>"
    rows = []
    for e in reversed(events):
        who = f" by {html.escape(e['reviewer'])}" if e.get("reviewer") else ""
        note = html.escape(e.get("note") or e.get("action") or "")
        rows.append(f"<div><span style='color:gray'>{html.escape(e['at'].replace('T', ' '))}</span>{who}: "
                    f"{note}</div>")
    return "".join(rows)
