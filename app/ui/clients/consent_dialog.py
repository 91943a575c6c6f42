"""Recording a signed consent form, and withdrawing one item of it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.access.consent_types import (
    ITEM_LABELS,
    ITEMS,
    SELF,
    ConsentInput,
    ConsentRow,
    SignerRule,
)
from app.services.access.consents import ConsentService
from app.ui.cases.fields import date_edit, pydate
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog


def item_label(item: str) -> str:
    return ITEM_LABELS.get(item, item)


class ConsentDialog(ServiceFormDialog):
    """One signing: the items, the day, who signed (a guardian for a child under 14)."""

    def __init__(
        self,
        *,
        consents: ConsentService,
        tasks: TaskRunner,
        client_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Record consent"), tasks=tasks, parent=parent)
        self._consents = consents
        self._client_id = client_id
        self.rule: SignerRule | None = None
        self.items: dict[str, QCheckBox] = {}
        boxes = QVBoxLayout()
        for item in ITEMS:
            box = QCheckBox(item_label(item), self)
            box.setChecked(item in ("service", "sensitive"))
            self.items[item] = box
            boxes.addWidget(box)
        self.signed_on = date_edit(self, consents.today)
        self.signed_on.setMaximumDate(self.signed_on.date())
        self.signer = QLineEdit(self)
        self.signer.setMaxLength(64)
        self.relation = QComboBox(self)
        self.relation.setEditable(True)
        for text in (SELF, "父亲", "母亲", "祖父母", "其他监护人"):
            self.relation.addItem(text)
        self.text_version = QLineEdit(self)
        self.text_version.setMaxLength(32)
        self.guardian_note = QLabel(self)
        self.guardian_note.setWordWrap(True)
        self.guardian_note.setStyleSheet("color: #8a5300;")
        self.guardian_note.hide()
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer, 2)
        signer_row.addWidget(self.relation, 1)
        self.form.addRow(self.tr("Consents to"), boxes)
        self.form.addRow(self.tr("Signed on"), self.signed_on)
        self.form.addRow(self.tr("Signed by (relation)"), signer_row)
        self.form.addRow("", self.guardian_note)
        self.form.addRow(self.tr("Consent text version"), self.text_version)
        self.signed_on.dateChanged.connect(lambda _d: self._check_signer())
        self.setMinimumWidth(460)
        tasks.run(self, consents.text_version, on_done=self._set_version)
        self._check_signer()

    def _set_version(self, version: str) -> None:
        if not self.text_version.text():
            self.text_version.setText(version)

    def _check_signer(self) -> None:
        consents, client_id, day = self._consents, self._client_id, self.day()
        self._tasks.run(self, lambda: consents.signer_rule(client_id, day), on_done=self._show_rule)

    def _show_rule(self, rule: SignerRule) -> None:
        first = self.rule is None
        self.rule = rule
        if rule.needs_guardian:
            self.guardian_note.setText(
                self.tr(
                    "Under 14 on this day (age {age}): a guardian must sign for the client."
                ).format(age=rule.age)
            )
            if self.relation.currentText() == SELF:
                self.signer.setText(rule.guardian_name)
                self.relation.setCurrentText(rule.guardian_relation or "监护人")
        elif first and not self.signer.text():
            self.signer.setText(rule.client_name)
        self.guardian_note.setVisible(rule.needs_guardian)

    def day(self) -> dt.date:
        return pydate(self.signed_on.date())

    def chosen(self) -> tuple[str, ...]:
        return tuple(item for item, box in self.items.items() if box.isChecked())

    def call(self) -> ServiceCall:
        data = ConsentInput(
            client_id=self._client_id,
            items=self.chosen(),
            signed_on=self.day(),
            signer_name=self.signer.text(),
            signer_relation=self.relation.currentText(),
            text_version=self.text_version.text(),
        )
        consents = self._consents
        return lambda: consents.record(data)


class WithdrawDialog(ServiceFormDialog):
    """The day the client (or guardian) withdrew one item; earlier use stays lawful."""

    def __init__(
        self,
        *,
        consents: ConsentService,
        tasks: TaskRunner,
        row: ConsentRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Withdraw consent"), tasks=tasks, parent=parent)
        self._consents = consents
        self._row = row
        self.withdrawn_on = date_edit(self, consents.today)
        self.withdrawn_on.setMaximumDate(self.withdrawn_on.date())
        self.form.addRow(
            self.tr("Item"),
            QLabel(
                self.tr("{item}, signed {day}").format(
                    item=row.item_label, day=row.signed_on.isoformat()
                ),
                self,
            ),
        )
        self.form.addRow(self.tr("Withdrawn on"), self.withdrawn_on)

    def call(self) -> ServiceCall:
        consents, row, day = self._consents, self._row, pydate(self.withdrawn_on.date())
        return lambda: consents.withdraw(row.id, version=row.version, on=day)
