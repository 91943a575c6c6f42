"""When a save meets a record someone else changed: reload, keep mine, or compare first.

Nothing is overwritten silently: keeping my values shows what differs and asks first, and
reloading asks before my edits are dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import CodeList, RiskLevel, Sex
from app.domain.masking import mask_id, mask_phone
from app.services.clients.types import ClientDetail, ClientInput
from app.ui.clients.choices import ClientChoices, enum_label
from app.ui.clients.prompts import ask

_CHANGED = QBrush(QColor("#FFF2CC"))


@dataclass(frozen=True)
class FieldRow:
    caption: str
    stored: str
    mine: str

    @property
    def differs(self) -> bool:
        return self.stored != self.mine


class ConflictDialog(QDialog):
    """Offers the three ways out; the form does the reloading or the saving."""

    reload_chosen = Signal(object)  # the stored ClientDetail
    keep_mine_chosen = Signal(object)  # the stored ClientDetail, whose version mine replaces

    def __init__(
        self,
        *,
        message: str,
        stored: ClientDetail,
        mine: ClientInput,
        choices: ClientChoices,
        head_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.stored = stored
        self.rows = self._rows(stored, mine, choices, head_label)
        self.setWindowTitle(self.tr("Someone else saved this client"))
        text = QLabel(
            message
            + "\n\n"
            + self.tr("Fields that differ from the stored record: {count}.").format(
                count=len(self.differing())
            )
        )
        text.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Stored now"), self.tr("My value")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show the stored record; my edits are dropped."))
        self.keep_button = QPushButton(self.tr("Keep my changes"))
        self.keep_button.setToolTip(self.tr("Save my values over the stored record."))
        self.compare_button = QPushButton(self.tr("Compare"))
        self.cancel_button = QPushButton(self.tr("Keep editing"))
        self.reload_button.clicked.connect(self.reload)
        self.keep_button.clicked.connect(self.keep_mine)
        self.compare_button.clicked.connect(self.compare)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.compare_button, self.reload_button, self.keep_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(640, 260)

    def differing(self) -> list[FieldRow]:
        return [row for row in self.rows if row.differs]

    def compare(self) -> None:
        """Side by side, every field; the ones that differ are highlighted."""
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.caption, row.stored, row.mine)):
                item = QTableWidgetItem(text)
                if row.differs:
                    item.setBackground(_CHANGED)
                self.table.setItem(r, c, item)
        self.table.show()
        self.resize(self.width(), max(self.height(), 520))

    def keep_mine(self) -> QMessageBox:
        """Show what differs, then ask before my values replace the stored ones."""
        self.compare()
        names = "、".join(row.caption for row in self.differing()) or self.tr("none")
        return ask(
            self,
            self.tr(
                "These fields will get my values: {fields}.\n\nSave over the stored record?"
            ).format(fields=names),
            accept_text=self.tr("Save my values"),
            reject_text=self.tr("Go back"),
            on_accept=self._keep_confirmed,
            icon=QMessageBox.Icon.Warning,
        )

    def reload(self) -> QMessageBox:
        """Ask, then show the stored record in the form."""
        return ask(
            self,
            self.tr("Reload the stored record? My changes here are dropped."),
            accept_text=self.tr("Reload"),
            reject_text=self.tr("Go back"),
            on_accept=self._reload_confirmed,
        )

    def _keep_confirmed(self) -> None:
        self.keep_mine_chosen.emit(self.stored)
        self.accept()

    def _reload_confirmed(self) -> None:
        self.reload_chosen.emit(self.stored)
        self.accept()

    def _rows(
        self, d: ClientDetail, m: ClientInput, c: ClientChoices, head_label: str
    ) -> list[FieldRow]:
        def code(code_list: CodeList, stored: str, mine: str) -> tuple[str, str]:
            return c.label(code_list, stored), c.label(code_list, mine)

        def choice(options: list[object], stored: str, mine_id: int | None) -> str:
            for option in options:
                if getattr(option, "id", None) == mine_id:
                    return str(getattr(option, "label", ""))
            return stored if mine_id is not None else ""

        def kept(masked: str, typed: str | None, mask: Callable[[str | None], str]) -> str:
            # None keeps what is stored; anything typed is shown masked, like the stored value.
            return masked if typed is None else mask(typed) if typed else ""

        stored_head = None if d.head_client_id in (None, d.id) else d.head_client_id
        pairs: list[tuple[str, tuple[str, str]]] = [
            (self.tr("Name"), (d.name, m.name)),
            (
                self.tr("ID number"),
                (d.id_number_masked, kept(d.id_number_masked, m.id_number, mask_id)),
            ),
            (self.tr("Phone"), (d.phone_masked, kept(d.phone_masked, m.phone, mask_phone))),
            (self.tr("Sex"), (enum_label(Sex, d.sex), enum_label(Sex, m.sex))),
            (self.tr("Birth date"), (_date(d.birth_date), _date(m.birth_date))),
            (self.tr("Ethnicity"), code(CodeList.ETHNICITY, d.ethnicity, m.ethnicity)),
            (
                self.tr("Marital status"),
                code(CodeList.MARITAL_STATUS, d.marital_status, m.marital_status),
            ),
            (
                self.tr("Village/community"),
                (d.village, choice(list(c.villages), d.village, m.village_id)),
            ),
            (self.tr("Address"), (d.address, m.address)),
            (
                self.tr("Head of household"),
                (d.head_name if stored_head else "", head_label if m.head_client_id else ""),
            ),
            (
                self.tr("Relation to the head"),
                code(CodeList.RELATIONSHIP, d.relation_to_head, m.relation_to_head),
            ),
            (
                self.tr("Categories"),
                (
                    "、".join(c.label(CodeList.CLIENT_CATEGORY, x) for x in sorted(d.categories)),
                    "、".join(c.label(CodeList.CLIENT_CATEGORY, x) for x in sorted(m.categories)),
                ),
            ),
            (
                self.tr("Disability type"),
                code(CodeList.DISABILITY_TYPE, d.disability_type, m.disability_type),
            ),
            (
                self.tr("Disability grade"),
                code(CodeList.DISABILITY_GRADE, d.disability_grade, m.disability_grade),
            ),
            (self.tr("Self-care ability"), code(CodeList.SELF_CARE, d.self_care, m.self_care)),
            (
                self.tr("Living arrangement"),
                code(CodeList.LIVING_ARRANGEMENT, d.living_arrangement, m.living_arrangement),
            ),
            (self.tr("Guardian or contact"), (d.guardian_name, m.guardian_name)),
            (self.tr("Guardian's relation"), (d.guardian_relation, m.guardian_relation)),
            (
                self.tr("Guardian's phone"),
                (
                    d.guardian_phone_masked,
                    kept(d.guardian_phone_masked, m.guardian_phone, mask_phone),
                ),
            ),
            (
                self.tr("Risk level"),
                (enum_label(RiskLevel, d.risk_level), enum_label(RiskLevel, m.risk_level)),
            ),
            (
                self.tr("Responsible worker"),
                (d.worker, choice(list(c.workers), d.worker, m.worker_id)),
            ),
            (self.tr("Notes"), (d.notes, m.notes)),
        ]
        return [FieldRow(caption, stored, mine) for caption, (stored, mine) in pairs]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""
