"""Dialogs of the 志愿者 page: a volunteer, a service record, a linked resource."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QWidget

from app.domain.numbers import decimal_text
from app.services.choice import Choice
from app.services.settings.codes import CodeEntry
from app.services.volunteers.links import LinkFinder, LinkKind
from app.services.volunteers.resource_types import ResourceDetail, ResourceInput
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import (
    RevealedContact,
    ServiceDetail,
    ServiceInput,
    VolunteerDetail,
    VolunteerInput,
)
from app.ui.cases.fields import date_edit, items_combo, pydate, qdate, text_box
from app.ui.clients.masked_edit import MaskedLineEdit
from app.ui.tasks import TaskRunner
from app.ui.volunteers.link_picker import LinkPicker
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _hours_text(hours: Decimal) -> str:
    return decimal_text(hours)


class VolunteerDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        registry: VolunteerRegistry,
        tasks: TaskRunner,
        villages: list[Choice],
        detail: VolunteerDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Volunteer"), tasks=tasks, min_width=520, parent=parent)
        self._registry = registry
        self._detail = detail
        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.phone = MaskedLineEdit(self)
        self.skills = QLineEdit(self)
        self.skills.setMaxLength(200)
        self.skills.setPlaceholderText(self.tr("e.g. haircuts, first aid, driving"))
        self.village = items_combo(self, [(v.label, v.id) for v in villages], blank=self.tr("—"))
        self.id_number = MaskedLineEdit(self)
        self.id_number.setPlaceholderText(self.tr("Optional"))
        self.reveal_button = QPushButton(self.tr("Show full numbers"), self)
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.hide()
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(True)
        self.add_row(self.tr("Name *"), self.name, "name")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.add_row(self.tr("Skills"), self.skills, "skills")
        self.add_row(self.tr("Village or community"), self.village, "village_id")
        self.add_row(self.tr("ID number"), self.id_number, "id_number")
        self.add_row("", self.active, "active")
        self.form.addRow("", self.reveal_button)
        self.reveal_button.clicked.connect(self._reveal)
        if detail is not None:
            self.name.setText(detail.name)
            self.phone.show_masked(detail.phone_masked)
            self.skills.setText(detail.skills)
            _select(self.village, detail.village_id)
            self.id_number.show_masked(detail.id_number_masked)
            self.active.setChecked(detail.active)
            masked = bool(detail.phone_masked or detail.id_number_masked)
            self.reveal_button.setVisible(detail.can_edit and masked)
            self.set_read_only(not detail.can_edit)

    def _reveal(self) -> None:
        """Full numbers only on request, and the service audits each view."""
        if self._detail is None:
            return
        registry, volunteer_id = self._registry, self._detail.id

        def show(revealed: RevealedContact) -> None:
            if self.phone.keeps_stored:
                self.phone.show_revealed(revealed.phone)
            if self.id_number.keeps_stored:
                self.id_number.show_revealed(revealed.id_number)
            self.reveal_button.hide()

        self._tasks.run(self, lambda: registry.reveal(volunteer_id), on_done=show)

    def call(self) -> ServiceCall | None:
        village = self.village.currentData()
        data = VolunteerInput(
            name=self.name.text(),
            phone=self.phone.value(),
            skills=self.skills.text(),
            village_id=int(village) if village is not None else None,
            id_number=self.id_number.value(),
            active=self.active.isChecked(),
        )
        registry, detail = self._registry, self._detail
        if detail is None:
            return lambda: registry.create(data)
        return lambda: registry.update(volunteer_id=detail.id, version=detail.version, data=data)


class ServiceDialog(ServiceFormDialog):
    """Hours a volunteer gave, linked to one activity, group session or case (or none)."""

    def __init__(
        self,
        *,
        registry: VolunteerRegistry,
        links: LinkFinder,
        tasks: TaskRunner,
        volunteers: list[Choice],
        detail: ServiceDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            title=self.tr("Volunteer service"), tasks=tasks, min_width=520, parent=parent
        )
        self._registry = registry
        self._detail = detail
        self.volunteer = items_combo(
            self, [(v.label, v.id) for v in volunteers], blank=self.tr("Choose…")
        )
        self.served_on = date_edit(self, registry.today)
        self.hours = QLineEdit("2", self)
        self.link = LinkPicker(
            links=links,
            tasks=tasks,
            kinds=(LinkKind.ACTIVITY, LinkKind.SESSION, LinkKind.CASE),
            parent=self,
        )
        self.description = text_box(self, 64)
        self.add_row(self.tr("Volunteer *"), self.volunteer, "volunteer_id")
        self.add_row(self.tr("Date"), self.served_on, "served_on")
        self.add_row(self.tr("Hours *"), self.hours, "hours")
        self.add_row(self.tr("Linked to"), self.link, "link")
        self.add_row(self.tr("What they did"), self.description, "description")
        if detail is not None:
            _select(self.volunteer, detail.volunteer_id)
            self.served_on.setDate(qdate(detail.served_on))
            self.hours.setText(_hours_text(detail.hours))
            kind, rid = _service_link(detail)
            self.link.set_current(kind, rid, detail.linked_to)
            self.description.setPlainText(detail.description)
            self.set_read_only(not detail.can_edit)

    def call(self) -> ServiceCall | None:
        volunteer = self.volunteer.currentData()
        if volunteer is None:
            self.error.set_error(self.tr("Choose the volunteer."))
            return None
        kind, rid = self.link.value()
        data = ServiceInput(
            volunteer_id=int(volunteer),
            served_on=pydate(self.served_on.date()),
            hours=self.hours.text(),
            activity_id=rid if kind is LinkKind.ACTIVITY else None,
            session_id=rid if kind is LinkKind.SESSION else None,
            case_id=rid if kind is LinkKind.CASE else None,
            description=self.description.toPlainText(),
        )
        registry, detail = self._registry, self._detail
        if detail is None:
            return lambda: registry.add_service(data)
        return lambda: registry.update_service(
            service_id=detail.id, version=detail.version, data=data
        )


def _service_link(detail: ServiceDetail) -> tuple[LinkKind | None, int | None]:
    if detail.activity_id is not None:
        return LinkKind.ACTIVITY, detail.activity_id
    if detail.session_id is not None:
        return LinkKind.SESSION, detail.session_id
    if detail.case_id is not None:
        return LinkKind.CASE, detail.case_id
    return None, None


class ResourceDialog(ServiceFormDialog):
    """A resource linked: donor, kind, value in yuan, recipient, receipt."""

    def __init__(
        self,
        *,
        resources: ResourceLinkService,
        links: LinkFinder,
        tasks: TaskRunner,
        kinds: list[CodeEntry],
        today: dt.date,
        detail: ResourceDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            title=self.tr("Resource linked"), tasks=tasks, min_width=520, parent=parent
        )
        self._resources = resources
        self._detail = detail
        self.received_on = date_edit(self, today)
        self.source = QLineEdit(self)
        self.source.setMaxLength(100)
        self.source.setPlaceholderText(self.tr("Donor or unit"))
        self.kind = items_combo(
            self, [(k.label, k.code) for k in kinds if k.active], blank=self.tr("Choose…")
        )
        self.value = QLineEdit("0", self)
        self.value.setPlaceholderText(self.tr("Yuan, e.g. 1500 or 1500.50"))
        self.recipient = LinkPicker(
            links=links,
            tasks=tasks,
            kinds=(LinkKind.CLIENT, LinkKind.HOUSEHOLD, LinkKind.ACTIVITY),
            parent=self,
        )
        self.description = text_box(self, 56)
        self.receipt = QLineEdit(self)
        self.receipt.setMaxLength(100)
        self.add_row(self.tr("Date"), self.received_on, "received_on")
        self.add_row(self.tr("Source *"), self.source, "source")
        self.add_row(self.tr("Kind *"), self.kind, "kind")
        self.add_row(self.tr("Value (yuan)"), self.value, "value_yuan")
        self.add_row(self.tr("Recipient"), self.recipient, "recipient")
        self.add_row(self.tr("Description"), self.description, "description")
        self.add_row(self.tr("Receipt reference"), self.receipt, "receipt_ref")
        if detail is not None:
            self.received_on.setDate(qdate(detail.received_on))
            self.source.setText(detail.source)
            if self.kind.findData(detail.kind) < 0:
                self.kind.addItem(detail.kind, detail.kind)  # a retired kind stays readable
            _select(self.kind, detail.kind)
            self.value.setText(str(detail.value_yuan))
            kind, rid = _recipient(detail)
            self.recipient.set_current(kind, rid, detail.recipient)
            self.description.setPlainText(detail.description)
            self.receipt.setText(detail.receipt_ref)
            self.set_read_only(not detail.can_edit)

    def call(self) -> ServiceCall | None:
        kind, rid = self.recipient.value()
        data = ResourceInput(
            received_on=pydate(self.received_on.date()),
            source=self.source.text(),
            kind=self.kind.currentData() or "",
            value_yuan=self.value.text(),
            description=self.description.toPlainText(),
            client_id=rid if kind is LinkKind.CLIENT else None,
            household_id=rid if kind is LinkKind.HOUSEHOLD else None,
            activity_id=rid if kind is LinkKind.ACTIVITY else None,
            receipt_ref=self.receipt.text(),
        )
        resources, detail = self._resources, self._detail
        if detail is None:
            return lambda: resources.create(data)
        return lambda: resources.update(resource_id=detail.id, version=detail.version, data=data)


def _recipient(detail: ResourceDetail) -> tuple[LinkKind | None, int | None]:
    if detail.client_id is not None:
        return LinkKind.CLIENT, detail.client_id
    if detail.household_id is not None:
        return LinkKind.HOUSEHOLD, detail.household_id
    if detail.activity_id is not None:
        return LinkKind.ACTIVITY, detail.activity_id
    return None, None
