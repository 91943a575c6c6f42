"""评估材料包: a project's evidence pack for a period, built in the background with a
progress bar and 取消; the folder and its .zip appear only when the whole pack is done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError
from app.services.listing import ExportCancelled
from app.services.projects.pack import EvidencePackService, PackRequest, PackResult
from app.services.projects.types import ProjectSummary
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner


def _month(day: dt.date) -> QDate:
    return QDate(day.year, day.month, 1)


class EvidencePackDialog(QDialog):
    def __init__(
        self,
        *,
        packs: EvidencePackService,
        project: ProjectSummary,
        folder: Path,
        tasks: TaskRunner,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence pack: %1").replace("%1", project.name))
        self._packs = packs
        self._project = project
        self._tasks = tasks
        self.built: PackResult | None = None
        self.first = QDateEdit(_month(project.starts_on), self)
        self.last = QDateEdit(_month(min(project.ends_on, today)), self)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setToolTip(self.tr("The evaluator's number: the same seed draws the same cases"))
        self.sample = QSpinBox(self)
        self.sample.setRange(0, 500)
        self.sample.setValue(10)
        self.folder = QLineEdit(str(folder), self)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._browse)
        self.reveal = QCheckBox(self.tr("Show clients' full names and ID numbers"), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (written to the audit log)"))
        self.reason.setEnabled(False)
        self.reveal.toggled.connect(self.reason.setEnabled)
        for widget in (self.reveal, self.reason):
            widget.setVisible(packs.may_reveal)
        self.note = QLabel(
            self.tr(
                "Client names and ID numbers are masked in every file. The cases are drawn "
                "by the seed; the contents explain how, so the evaluator can check the draw."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.build_button = buttons.addButton(
            self.tr("Build"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.build_button.clicked.connect(self.build)
        self.open_button = buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("From month"), self.first)
        form.addRow(self.tr("To month"), self.last)
        form.addRow(self.tr("Sampling seed"), self.seed)
        form.addRow(self.tr("Case files sampled"), self.sample)
        form.addRow(self.tr("Save in"), where)
        form.addRow("", self.reveal)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Save the pack in"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def target(self) -> Path:
        """A new folder inside the chosen one, named after the project and the months."""
        first, last = self.first.date(), self.last.date()
        name = (
            f"评估材料包_{self._project.code}_{first.toString('yyyyMM')}-{last.toString('yyyyMM')}"
        )
        parent = Path(self.folder.text().strip() or ".")
        path, n = parent / name, 2
        while path.exists() or path.with_name(path.name + ".zip").exists():
            path, n = parent / f"{name}_{n}", n + 1
        return path

    def build(self) -> None:
        packs, out = self._packs, self.target()
        first: dt.date = self.first.date().toPython()  # type: ignore[assignment]
        last: dt.date = self.last.date().toPython()  # type: ignore[assignment]
        request = PackRequest(
            project_id=self._project.id, first_month=first, last_month=last,
            seed=self.seed.value(), sample=self.sample.value(),
            reveal=self.reveal.isChecked(), reason=self.reason.text(),
        )  # fmt: skip

        def work(progress: Progress, is_cancelled: IsCancelled) -> PackResult:
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                return packs.build(request, out, progress=progress, is_cancelled=is_cancelled)
            except ExportCancelled:
                raise Cancelled() from None

        self.build_button.setEnabled(False)
        self.error.set_error("")
        self.status.setText(self.tr("Building…"))

        def finished() -> None:
            self.build_button.setEnabled(True)
            if self.status.text() == self.tr("Building…"):  # cancelled or failed
                self.status.setText(self.tr("Nothing was written."))

        self._tasks.run_with_progress(
            self,
            work,
            label=self.tr("Building the evidence pack…"),
            on_done=self._built,
            on_error=self._refused,
            on_finally=finished,
        )

    def _built(self, result: PackResult) -> None:
        self.built = result
        self.open_button.setEnabled(True)
        text = self.tr("Saved %1 files in %2 and %3. Cases sampled: %4.")
        for number, value in (
            ("%1", str(result.files)), ("%2", str(result.folder)), ("%3", result.zip_path.name),
            ("%4", "、".join(result.sampled) or "—"),
        ):  # fmt: skip
            text = text.replace(number, value)
        self.status.setText(text)

    def _refused(self, error: AppError) -> bool:
        self.error.set_error(error.message)
        return True

    def _open(self) -> None:
        if self.built is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.built.folder)))
