"""The fields of the client form: built, laid out, filled from a client and read back.

Some fields follow others: a valid ID number sets the birth date and sex, a household
head has no head to choose, a disability grade needs a type, and an edit that changes
what the history keeps asks for the day it happened (变更发生日期). Saving is the
dialog's (form.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import CodeList, RiskLevel, Sex
from app.services.clients.service import ClientService
from app.services.clients.types import ClientDetail, ClientInput, IdCheck
from app.services.clients.writing import HEAD
from app.ui.clients.category_list import CategoryList
from app.ui.clients.change_date import ChangeDateBox, history_changed
from app.ui.clients.choices import ClientChoices, code_items, fill_combo, select_data
from app.ui.clients.household_picker import HouseholdField
from app.ui.clients.id_field import IdNumberField
from app.ui.clients.masked_edit import MaskedLineEdit
from app.ui.form_errors import on_change
from app.ui.tasks import TaskRunner

NO_DATE = QDate(1890, 1, 1)  # the minimum of the date field stands for "not set"


class ClientFormFields(QDialog):
    """Every field of `ClientInput` for a new client (detail None) or a stored one."""

    def __init__(
        self,
        *,
        clients: ClientService,
        tasks: TaskRunner,
        choices: ClientChoices,
        detail: ClientDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._tasks = tasks
        self._choices = choices
        self._detail = detail
        self._client_id = detail.id if detail else None
        self._version = detail.version if detail else 0

    # ---- layout -----------------------------------------------------------------------

    def _build_fields(self) -> QScrollArea:
        """The fields in their boxes, in a scroll area for small screens."""
        exclude = self._client_id
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setMaxLength(64)
        self.id_field = IdNumberField(
            clients=self._clients, tasks=self._tasks, exclude_id=exclude, parent=self
        )
        self.reveal_button = QPushButton(self.tr("Show full numbers"), self)
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.hide()
        self.sex = QComboBox(self)
        for sex in (Sex.MALE, Sex.FEMALE, Sex.UNKNOWN, Sex.UNSTATED):
            self.sex.addItem(sex.label, sex.value)
        # Unknown until someone says otherwise: a default of 男 would go unnoticed.
        select_data(self.sex, Sex.UNKNOWN.value)
        self.birth_date = QDateEdit(self)
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setMinimumDate(NO_DATE)
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setSpecialValueText(self.tr("Not set"))
        self.birth_date.setDate(NO_DATE)
        self.ethnicity = QComboBox(self)
        self.marital_status = QComboBox(self)
        self.phone = MaskedLineEdit(self)
        self.phone.setMaxLength(40)
        self.village = QComboBox(self)
        self.address = QLineEdit(self)
        self.address.setMaxLength(200)
        self.guardian_name = QLineEdit(self)
        self.guardian_relation = QLineEdit(self)
        self.guardian_relation.setPlaceholderText(self.tr("e.g. son, niece, village cadre"))
        self.guardian_phone = MaskedLineEdit(self)
        self.risk_level = QComboBox(self)
        for risk in (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH):
            self.risk_level.addItem(risk.label, risk.value)
        self.worker = QComboBox(self)
        self.household = HouseholdField(
            clients=self._clients, tasks=self._tasks, exclude_id=exclude, parent=self
        )
        self.relation = QComboBox(self)
        self.categories = CategoryList(self)
        self.categories.setMinimumHeight(272)
        self.disability_type = QComboBox(self)
        self.disability_grade = QComboBox(self)
        self.self_care = QComboBox(self)
        self.living_arrangement = QComboBox(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.change_date = ChangeDateBox(
            today=self._clients.today, late_days=self._choices.late_reason_days, parent=self
        )

        basic = QGroupBox(self.tr("Basic information"), self)
        form = QFormLayout(basic)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("ID number"), self.id_field)
        form.addRow("", self.reveal_button)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow(self.tr("Ethnicity"), self.ethnicity)
        form.addRow(self.tr("Marital status"), self.marital_status)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Village/community"), self.village)
        form.addRow(self.tr("Address"), self.address)
        guardian = QGroupBox(self.tr("Guardian or contact"), self)
        form = QFormLayout(guardian)
        form.addRow(self.tr("Name"), self.guardian_name)
        form.addRow(self.tr("Relation"), self.guardian_relation)
        form.addRow(self.tr("Phone"), self.guardian_phone)
        service = QGroupBox(self.tr("Service"), self)
        form = QFormLayout(service)
        form.addRow(self.tr("Risk level"), self.risk_level)
        form.addRow(self.tr("Responsible worker"), self.worker)

        family = QGroupBox(self.tr("Household"), self)
        form = QFormLayout(family)
        form.addRow(self.tr("Relation to head"), self.relation)
        form.addRow(self.tr("Household head"), self.household)
        kinds = QGroupBox(self.tr("Categories"), self)
        QVBoxLayout(kinds).addWidget(self.categories)
        care = QGroupBox(self.tr("Disability and care"), self)
        form = QFormLayout(care)
        form.addRow(self.tr("Disability type"), self.disability_type)
        form.addRow(self.tr("Disability grade"), self.disability_grade)
        form.addRow(self.tr("Self-care ability"), self.self_care)
        form.addRow(self.tr("Living arrangement"), self.living_arrangement)

        left = QVBoxLayout()
        for box in (basic, guardian, service, self.change_date):
            left.addWidget(box)
        left.addStretch(1)
        right = QVBoxLayout()
        for box in (family, kinds, care):
            right.addWidget(box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        notes_row = QFormLayout()
        notes_row.addRow(self.tr("Notes"), self.notes)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(columns)
        body_layout.addLayout(notes_row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.id_field.checked.connect(lambda _result: self._update_derived())
        self.relation.currentIndexChanged.connect(self._update_household)
        self.disability_type.currentIndexChanged.connect(self._update_disability)
        for follow in (self.risk_level, self.village, self.household, self.relation):
            on_change(follow, self._update_change_date)
        self.categories.itemChanged.connect(lambda _item: self._update_change_date())
        return scroll

    def _fill_choices(self, detail: ClientDetail | None) -> None:
        c = self._choices

        def items(code_list: CodeList, attr: str) -> list[tuple[str, object]]:
            # A record may hold a code the administrator retired since: keep it offered.
            return code_items(c, code_list, getattr(detail, attr) if detail else "")

        fill_combo(self.ethnicity, items(CodeList.ETHNICITY, "ethnicity"))
        fill_combo(self.marital_status, items(CodeList.MARITAL_STATUS, "marital_status"))
        fill_combo(self.relation, items(CodeList.RELATIONSHIP, "relation_to_head"))
        fill_combo(self.disability_type, items(CodeList.DISABILITY_TYPE, "disability_type"))
        fill_combo(self.disability_grade, items(CodeList.DISABILITY_GRADE, "disability_grade"))
        fill_combo(self.self_care, items(CodeList.SELF_CARE, "self_care"))
        fill_combo(
            self.living_arrangement, items(CodeList.LIVING_ARRANGEMENT, "living_arrangement")
        )
        categories = code_items(c, CodeList.CLIENT_CATEGORY)
        offered = {str(code) for _, code in categories}
        for code in detail.categories if detail else ():
            if code not in offered:
                categories.append((c.label(CodeList.CLIENT_CATEGORY, code), code))
        self.categories.set_items(categories)
        fill_combo(self.village, [(v.label, v.id) for v in c.villages])
        candidates = c.workers if c.assignable is None or detail else c.assignable
        workers: list[tuple[str, object]] = [(w.label, w.id) for w in candidates]
        # A worker cannot hand a registered client to anyone (the head assigns clients).
        self.worker.setEnabled(c.assignable is None or detail is None)
        if (
            detail
            and detail.worker_id is not None
            and detail.worker_id not in {wid for _, wid in workers}
        ):
            workers.append((detail.worker, detail.worker_id))
        fill_combo(self.worker, workers)

    # ---- filling and reading ----------------------------------------------------------

    def fill(self, detail: ClientDetail) -> None:
        """Show a stored client (also after reloading on a conflict)."""
        self._detail = detail
        self._version = detail.version
        self.name.setText(detail.name)
        self.id_field.reset()
        self.id_field.edit.show_masked(detail.id_number_masked)
        self.phone.show_masked(detail.phone_masked)
        self.guardian_phone.show_masked(detail.guardian_phone_masked)
        select_data(self.sex, detail.sex)
        self.birth_date.setDate(_qdate(detail.birth_date))
        select_data(self.ethnicity, detail.ethnicity)
        select_data(self.marital_status, detail.marital_status)
        select_data(self.village, detail.village_id)
        self.address.setText(detail.address)
        select_data(self.relation, detail.relation_to_head)
        is_head = detail.head_client_id == detail.id
        if detail.head_client_id is not None and not is_head:
            self.household.set_head(detail.head_client_id, detail.head_name)
        else:
            self.household.set_head(None, "")
        self.categories.set_checked(detail.categories)
        select_data(self.disability_type, detail.disability_type)
        select_data(self.disability_grade, detail.disability_grade)
        select_data(self.self_care, detail.self_care)
        select_data(self.living_arrangement, detail.living_arrangement)
        self.guardian_name.setText(detail.guardian_name)
        self.guardian_relation.setText(detail.guardian_relation)
        select_data(self.risk_level, detail.risk_level)
        select_data(self.worker, detail.worker_id)
        self.notes.setPlainText(detail.notes)
        masked = detail.has_id_number or detail.phone_masked or detail.guardian_phone_masked
        self.reveal_button.setVisible(bool(detail.can_reveal and masked))
        self._update_derived()
        self._update_change_date()

    def collect(self) -> ClientInput:
        """The form as a `ClientInput`."""
        birth = self.birth_date.date()
        return ClientInput(
            name=self.name.text().strip(),
            id_number=self.id_field.value(),
            phone=self.phone.value(),
            sex=self.sex.currentData() or Sex.UNKNOWN.value,
            birth_date=None if birth == NO_DATE else _pydate(birth),
            ethnicity=self.ethnicity.currentData() or "",
            marital_status=self.marital_status.currentData() or "",
            village_id=self.village.currentData(),
            address=self.address.text().strip(),
            head_client_id=self.household.head_id,
            relation_to_head=self.relation.currentData() or "",
            categories=self.categories.checked(),
            disability_type=self.disability_type.currentData() or "",
            disability_grade=self.disability_grade.currentData() or "",
            self_care=self.self_care.currentData() or "",
            living_arrangement=self.living_arrangement.currentData() or "",
            guardian_name=self.guardian_name.text().strip(),
            guardian_relation=self.guardian_relation.text().strip(),
            guardian_phone=self.guardian_phone.value(),
            risk_level=self.risk_level.currentData() or RiskLevel.LOW.value,
            worker_id=self.worker.currentData(),
            notes=self.notes.toPlainText().strip(),
            changes_on=self.change_date.changes_on(),
            late_reason=self.change_date.late_reason(),
        )

    # ---- dependent fields -------------------------------------------------------------

    def _update_derived(self) -> None:
        """A valid (or stored, untouched) ID number decides birth date and sex."""
        result: IdCheck | None = self.id_field.result
        if result is not None:
            self.birth_date.setDate(_qdate(result.birth_date))
            select_data(self.sex, result.sex)
        derived = result is not None or self.id_field.edit.keeps_stored
        self.birth_date.setEnabled(not derived)
        self.sex.setEnabled(not derived)
        tip = self.tr("Taken from the ID number") if derived else ""
        self.birth_date.setToolTip(tip)
        self.sex.setToolTip(tip)

    def _update_household(self) -> None:
        # A head has no head to choose: saving makes this client the head of a household.
        is_head = self.relation.currentData() == HEAD
        if is_head:
            self.household.set_head(None, "")
        self.household.setEnabled(not is_head)

    def _update_change_date(self) -> None:
        """Ask for the 变更发生日期 only while an edit changes what the history keeps."""
        stored = self._detail
        self.change_date.set_wanted(stored is not None and history_changed(stored, self.collect()))

    def _update_disability(self) -> None:
        has_type = bool(self.disability_type.currentData())
        if not has_type:
            self.disability_grade.setCurrentIndex(0)
        self.disability_grade.setEnabled(has_type)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "name": self.name,
            "id_number": self.id_field,
            "phone": self.phone,
            "sex": self.sex,
            "birth_date": self.birth_date,
            "ethnicity": self.ethnicity,
            "marital_status": self.marital_status,
            "village_id": self.village,
            "address": self.address,
            "head_client_id": self.household,
            "relation_to_head": self.relation,
            "categories": self.categories,
            "disability_type": self.disability_type,
            "disability_grade": self.disability_grade,
            "self_care": self.self_care,
            "living_arrangement": self.living_arrangement,
            "guardian_name": self.guardian_name,
            "guardian_relation": self.guardian_relation,
            "guardian_phone": self.guardian_phone,
            "risk_level": self.risk_level,
            "worker_id": self.worker,
            "notes": self.notes,
            "on": self.change_date.effective.date,
            "late_reason": self.change_date.effective.reason,
        }


def _qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
