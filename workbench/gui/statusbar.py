"""The status-bar job indicator: what runs, a progress bar, and Cancel."""

from __future__ import annotations

from workbench.gui.qt import QtWidgets
from workbench.gui.tasks import Job, TaskManager


class JobStatus(QtWidgets.QWidget):
    def __init__(self, tasks: TaskManager, parent=None):
        super().__init__(parent)
        self.tasks = tasks
        self.label = QtWidgets.QLabel()
        self.bar = QtWidgets.QProgressBar()
        self.bar.setFixedWidth(180)
        self.bar.setMaximumHeight(16)
        self.bar.setTextVisible(False)
        self.cancel = QtWidgets.QToolButton()
        self.cancel.setText("Cancel")
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self.tasks.cancel_all)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        tasks.sig_started.connect(self._started)
        tasks.sig_finished.connect(self._finished)
        self.setVisible(False)

    def _started(self, job: Job) -> None:
        job.sig_progress.connect(lambda done, total, msg, j=job: self._progress(j, done, total, msg))
        self.label.setText(job.title + "…")
        self.bar.setRange(0, 0)   # busy until the job reports a total
        self.setVisible(True)

    def _progress(self, job: Job, done: int, total: int, message: str) -> None:
        if job.done:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.label.setText(message or job.title)

    def _finished(self, _job: Job) -> None:
        if not self.tasks.busy():
            self.setVisible(False)
            self.bar.setRange(0, 1)
        else:
            self.label.setText(self.tasks.jobs[-1].title + "…")
