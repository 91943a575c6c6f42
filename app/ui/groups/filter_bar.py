"""Search box and filters above the group list; emits a `GroupQuery` as they change."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.services.groups.types import GroupQuery, GroupStatus
from app.ui.clients.choices import fill_combo
from app.ui.groups.choices import GroupChoices

DEBOUNCE_MS = 250


class GroupFilterBar(QWidget):
    """Search by name, plus status, type, facilitator and year filters."""

    changed = Signal(object)  # GroupQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("groupSearch")
        self.search.setPlaceholderText(self.tr("Search group name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
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

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(QLabel(self.tr("Filter:"), self))
        for combo in self.combos():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._emit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.status, self.group_type, self.facilitator, self.year)

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

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Apply a pending search now instead of waiting for the debounce."""
        if self._timer.isActive():
            self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.query())
