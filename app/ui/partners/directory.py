"""设置 → 合作方: the partner directory, and the names typed on records that point to no
partner yet, for a person to match (administrator only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Changes
from app.services.partners.service import PartnerService
from app.services.partners.types import Matched, PartnerRow, UnmatchedText
from app.ui.partners.dialog import PartnerDialog
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner

_WATCHED = ("partner", "referral", "activity", "resource")


class PartnersTab(QWidget):
    def __init__(
        self, *, partners: PartnerService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._partners = partners
        self._tasks = tasks
        self.rows: list[PartnerRow] = []
        self.texts: list[UnmatchedText] = []
        self.dialog: PartnerDialog | None = None
        self.table = make_table(
            [self.tr("Name"), self.tr("Type"), self.tr("Party"), self.tr("Contact"),
             self.tr("Records"), self.tr("Status")]
        )  # fmt: skip
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = QPushButton(self.tr("New partner…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.retire_button = QPushButton(self.tr("Retire"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.toggle_retired)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.unmatched = make_table([self.tr("Name on the records"), self.tr("Records")])
        self.unmatched.itemSelectionChanged.connect(self._update_buttons)
        self.target = QComboBox(self)
        self.match_button = QPushButton(self.tr("Match to this partner"))
        self.match_button.clicked.connect(self.match)
        matching = QHBoxLayout()
        matching.addWidget(QLabel(self.tr("Partner:")))
        matching.addWidget(self.target, 1)
        matching.addWidget(self.match_button)
        box = QGroupBox(self.tr("Names not matched to a partner"), self)
        column = QVBoxLayout(box)
        column.addWidget(
            QLabel(
                self.tr(
                    "Referrals, activities and resources that name a partner in their own "
                    "words. Match a name to a partner so the monthly report counts it."
                )
            )
        )
        column.addWidget(self.unmatched)
        column.addLayout(matching)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(box, 1)
        tasks.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        partners = self._partners
        self._tasks.run(self, lambda: (partners.list(), partners.unmatched()), on_done=self._show)

    def _on_changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in _WATCHED):
            self.reload()

    def _show(self, loaded: tuple[list[PartnerRow], list[UnmatchedText]]) -> None:
        self.rows, self.texts = loaded
        set_rows(
            self.table,
            [
                [
                    r.name + (self.tr(" (county)") if r.county_wide else ""),
                    r.type_label,
                    r.party_label,
                    " ".join(x for x in (r.contact_person, r.phone) if x),
                    str(r.uses),
                    self.tr("In use") if r.active else self.tr("Retired"),
                ]
                for r in self.rows
            ],
        )
        set_rows(self.unmatched, [[u.text, str(u.total)] for u in self.texts])
        self.target.clear()
        for r in self.rows:
            if r.active:
                self.target.addItem(r.name, r.id)
        self._update_buttons()

    def selected(self) -> PartnerRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def selected_text(self) -> UnmatchedText | None:
        index = self.unmatched.currentRow()
        return self.texts[index] if 0 <= index < len(self.texts) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(
            self.tr("Restore") if row is not None and not row.active else self.tr("Retire")
        )
        self.match_button.setEnabled(self.selected_text() is not None and self.target.count() > 0)

    def add(self) -> PartnerDialog:
        return self._open(None)

    def edit(self) -> PartnerDialog | None:
        row = self.selected()
        return self._open(row) if row is not None else None

    def _open(self, row: PartnerRow | None) -> PartnerDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = PartnerDialog(partners=self._partners, tasks=self._tasks, row=row, parent=self)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: PartnerDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def toggle_retired(self) -> None:
        row, partners = self.selected(), self._partners
        if row is not None:
            self._tasks.run(
                self,
                lambda: partners.set_active(
                    partner_id=row.id, version=row.version, active=not row.active
                ),
            )

    def match(self) -> None:
        text, partner_id = self.selected_text(), self.target.currentData()
        if text is None or partner_id is None:
            return
        partners = self._partners

        def call() -> Matched:
            return partners.match(text=text.text, partner_id=partner_id)

        self._tasks.run(self, call)
