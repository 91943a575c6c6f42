"""Adding or changing one partner of the directory; a refused save keeps what was typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.domain.partners import NO_PARTY_LABEL, Department, PartnerType, Party
from app.services.partners.service import PartnerService
from app.services.partners.types import PartnerInput, PartnerRow
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog


def _combo(parent: QWidget, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox(parent)
    for label, value in items:
        combo.addItem(label, value)
    return combo


class PartnerDialog(ServiceFormDialog):
    """A new partner when `row` is None, else an edit of the version it was loaded at.

    `saved` carries the PartnerSaved or Changes.
    """

    def __init__(
        self,
        *,
        partners: PartnerService,
        tasks: TaskRunner,
        row: PartnerRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self._partners = partners
        self._row = row
        self.setWindowTitle(self.tr("New partner") if row is None else self.tr("Edit partner"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        # Codes as the items' data (Qt hands an enum back as its plain text).
        self.partner_type = _combo(self, [(t.label, t.value) for t in PartnerType])
        self.department = _combo(self, [(d.label, d.value) for d in Department])
        self.party = _combo(self, [*((p.label, p.value) for p in Party), (NO_PARTY_LABEL, "")])
        self.contact_person = QLineEdit(self)
        self.contact_person.setMaxLength(64)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(32)
        self.note = QLineEdit(self)
        self.county_wide = QCheckBox(self.tr("For every station of the county"), self)
        form = self.form
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Type"), self.partner_type)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Party (five-party linkage)"), self.party)
        form.addRow(self.tr("Contact person"), self.contact_person)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.county_wide)
        self.partner_type.currentIndexChanged.connect(self._type_changed)
        if row is not None:
            self._fill(row)
        else:
            self._type_changed()

    def _fill(self, row: PartnerRow) -> None:
        self.name.setText(row.name)
        self.partner_type.setCurrentIndex(self.partner_type.findData(row.partner_type.value))
        if row.department is not None:
            self.department.setCurrentIndex(self.department.findData(row.department.value))
        self.party.setCurrentIndex(self.party.findData(row.party.value if row.party else ""))
        self.contact_person.setText(row.contact_person)
        self.phone.setText(row.phone)
        self.note.setText(row.note)
        self.county_wide.setChecked(row.county_wide)
        # Where a partner belongs is set when it is made: its records hang on it.
        self.county_wide.setEnabled(False)
        self._department_shown()

    def _type_changed(self) -> None:
        """A new kind suggests its usual party (a department: none of the five)."""
        party = self._kind().default_party
        self.party.setCurrentIndex(self.party.findData(party.value if party else ""))
        self._department_shown()

    def _kind(self) -> PartnerType:
        return PartnerType(self.partner_type.currentData())

    def _department_shown(self) -> None:
        self.department.setEnabled(self._kind() is PartnerType.GOVERNMENT)

    def data(self) -> PartnerInput:
        kind = self._kind()
        party = self.party.currentData()
        return PartnerInput(
            name=self.name.text(),
            partner_type=kind,
            department=Department(self.department.currentData())
            if kind is PartnerType.GOVERNMENT
            else None,
            party=Party(party) if party else None,
            contact_person=self.contact_person.text(),
            phone=self.phone.text(),
            note=self.note.text(),
            county_wide=self.county_wide.isChecked(),
        )

    def call(self) -> ServiceCall:
        data, partners, row = self.data(), self._partners, self._row
        if row is None:
            return lambda: partners.add(data)
        return lambda: partners.update(partner_id=row.id, version=row.version, data=data)
