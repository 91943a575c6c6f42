"""Search box and filters above the group list; emits a `GroupQuery` as they change."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.services.groups.types import GroupQuery, GroupStatus
from app.ui.clients.choices import fill_combo
from app.ui.groups.choices import GroupChoices
from app.ui.widgets.filter_bar import ListFilterBar


class GroupFilterBar(ListFilterBar):
    """Search by name, plus status, type, facilitator and year filters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="groupSearch")
        self.search.setPlaceholderText(self.tr("Search group name (Ctrl+F)"))
        self.status = QComboBox(self)
        self.group_type = QComboBox(self)
        self.facilitator = QComboBox(self)
        self.year = QComboBox(self)
        fill_combo(
            self.status, [(s.label, s.value) for s in GroupStatus], blank=self.tr("All statuses")
        )
        fill_combo(self.group_type, [], blank=self.tr("All types"))
        fill_combo(self.facilitator, [], blank=self.tr("All facilitators"))
        fill_combo(self.year, [], blank=self.tr("All years"))
        self.status.setToolTip(self.tr("Status"))
        self.group_type.setToolTip(self.tr("Group type"))
        self.facilitator.setToolTip(self.tr("Facilitator"))
        self.year.setToolTip(self.tr("Year the group started"))
        combos = (self.status, self.group_type, self.facilitator, self.year)
        for combo in combos:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.add_filters(*combos)

    def set_choices(self, choices: GroupChoices) -> None:
        fill_combo(
            self.group_type, [(t.label, t.code) for t in choices.types], blank=self.tr("All types")
        )
        fill_combo(
            self.facilitator,
            [(w.label, w.id) for w in choices.workers],
            blank=self.tr("All facilitators"),
        )
        fill_combo(self.year, [(str(y), y) for y in choices.years], blank=self.tr("All years"))

    def query(self) -> GroupQuery:
        return GroupQuery(
            text=self.search.text().strip(),
            status=self.status.currentData() or "",
            group_type=self.group_type.currentData() or "",
            facilitator_id=self.facilitator.currentData(),
            year=self.year.currentData(),
        )
