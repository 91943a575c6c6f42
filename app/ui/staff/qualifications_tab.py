"""Each worker's qualification (职业资格), certificate, and the registration period's
continuing-education hours; the station head edits a worker's line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.numbers import decimal_text
from app.services.context import Changes
from app.services.staff.qualifications import (
    Qualification,
    QualificationInput,
    QualificationService,
)
from app.ui.cases.fields import OptionalDateEdit, items_combo
from app.ui.clients.choices import select_data
from app.ui.dialogs import keep_open
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

_REFRESH_ON = ("user", "training", "supervision", "training_targets", "codes")


class QualificationDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        service: QualificationService,
        tasks: TaskRunner,
        line: Qualification,
        titles: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tasks=tasks, accept=QDialogButtonBox.StandardButton.Ok, min_width=420, parent=parent
        )
        self.setWindowTitle(self.tr("Qualification of {name}").format(name=line.name))
        self._service = service
        self._line = line
        self.level = items_combo(self, [(label, code) for code, label in titles])
        select_data(self.level, line.title)
        self.certificate = QLineEdit(line.certificate_no)
        self.certificate.setMaxLength(40)
        self.certified_on = OptionalDateEdit(self, self.tr("Not recorded"), line.certified_on)
        self.registered_on = OptionalDateEdit(
            self, self.tr("The station's period"), line.registered_on
        )
        self.form.addRow(self.tr("Qualification"), self.level)
        self.form.addRow(self.tr("Certificate number"), self.certificate)
        self.form.addRow(self.tr("Certified on"), self.certified_on)
        self.form.addRow(self.tr("Registered on"), self.registered_on)

    def call(self) -> ServiceCall:
        service, line = self._service, self._line
        data = QualificationInput(
            title=self.level.currentData() or "",
            certificate_no=self.certificate.text(),
            certified_on=self.certified_on.value(),
            registered_on=self.registered_on.value(),
        )
        return lambda: service.update(user_id=line.user_id, version=line.version, data=data)


class QualificationsTab(QWidget):
    def __init__(
        self,
        *,
        service: QualificationService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._tasks = tasks
        self.lines: list[Qualification] = []
        self.titles: list[tuple[str, str]] = []
        self.dialog: QualificationDialog | None = None
        self.table = make_table(
            [
                self.tr("Name"),
                self.tr("Qualification"),
                self.tr("Certificate number"),
                self.tr("Certified on"),
                self.tr("Registration period"),
                self.tr("Continuing education hours"),
                self.tr("Target"),
                self.tr("Done"),
            ]
        )
        self.edit_button = QPushButton(self.tr("Edit qualification…"))
        self.edit_button.setEnabled(service.can_edit)
        self.edit_button.clicked.connect(self.edit_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        tasks.bus.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        service = self._service
        self._tasks.run(self, lambda: (service.list(), service.titles()), on_done=self._show)

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in _REFRESH_ON):
            self.reload()

    def _show(self, loaded: tuple[list[Qualification], list[tuple[str, str]]]) -> None:
        self.lines, self.titles = loaded
        set_rows(
            self.table,
            [
                [
                    q.name,
                    q.title_label,
                    q.certificate_no,
                    q.certified_on.isoformat() if q.certified_on else "",
                    f"{q.period_start.isoformat()} – {q.period_end.isoformat()}",
                    decimal_text(q.period_hours),
                    str(q.target) if q.target else "",
                    f"{q.percent}%" if q.percent is not None else self.tr("No target"),
                ]
                for q in self.lines
            ],
        )

    def edit_selected(self) -> QualificationDialog | None:
        index = self.table.currentRow()
        if not self._service.can_edit or not 0 <= index < len(self.lines):
            return None
        dialog = QualificationDialog(
            service=self._service, tasks=self._tasks, line=self.lines[index],
            titles=self.titles, parent=self,
        )  # fmt: skip
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog
