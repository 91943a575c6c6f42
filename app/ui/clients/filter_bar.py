"""Search box and filters above the client list; emits a `ClientQuery` as they change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.domain.codes import ClientStatus, CodeList, RiskLevel
from app.services.clients.types import ClientQuery
from app.ui.clients.choices import ClientChoices, code_items, fill_combo

DEBOUNCE_MS = 250


class FilterBar(QWidget):
    """Search-as-you-type plus category, village, risk, worker and status filters."""

    changed = Signal(object)  # ClientQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        self.search.setPlaceholderText(self.tr("Search name, ID number, phone or village (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.installEventFilter(self)

        self.category = QComboBox(self)
        self.village = QComboBox(self)
        self.risk = QComboBox(self)
        self.worker = QComboBox(self)
        self.status = QComboBox(self)
        for combo in (self.category, self.village, self.worker):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(6)
        self.category.setToolTip(self.tr("Category"))
        self.village.setToolTip(self.tr("Village/community"))
        self.risk.setToolTip(self.tr("Risk level"))
        self.worker.setToolTip(self.tr("Responsible worker"))
        self.status.setToolTip(self.tr("Status"))
        fill_combo(self.category, [], blank=self.tr("All categories"))
        fill_combo(self.village, [], blank=self.tr("All villages"))
        fill_combo(
            self.risk, [(r.label, r.value) for r in RiskLevel], blank=self.tr("Any risk level")
        )
        fill_combo(self.worker, [], blank=self.tr("All workers"))
        self.status.addItem(ClientStatus.ACTIVE.label, ClientStatus.ACTIVE.value)
        self.status.addItem(ClientStatus.ARCHIVED.label, ClientStatus.ARCHIVED.value)
        self.status.addItem(self.tr("All"), "")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(QLabel(self.tr("Filter:"), self))
        for combo in (self.category, self.village, self.risk, self.worker, self.status):
            layout.addWidget(combo)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        for combo in (self.category, self.village, self.risk, self.worker, self.status):
            combo.currentIndexChanged.connect(self._emit)

    def set_choices(self, choices: ClientChoices) -> None:
        """Offer the station's categories, villages and workers (keeps what is chosen)."""
        fill_combo(
            self.category,
            code_items(choices, CodeList.CLIENT_CATEGORY),
            blank=self.tr("All categories"),
        )
        fill_combo(
            self.village, [(v.label, v.id) for v in choices.villages], blank=self.tr("All villages")
        )
        fill_combo(
            self.worker, [(w.label, w.id) for w in choices.workers], blank=self.tr("All workers")
        )

    def query(self) -> ClientQuery:
        """The filters as they stand now (sort order is the list's business)."""
        return ClientQuery(
            text=self.search.text().strip(),
            category=self.category.currentData() or "",
            village_id=self.village.currentData(),
            risk_level=self.risk.currentData() or "",
            worker_id=self.worker.currentData(),
            status=self.status.currentData() or "",
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Apply a pending search now instead of waiting for the debounce."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.query())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc in the search box clears it; a second Esc goes on to whoever wants it.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            self.search.clear()
            return True
        return super().eventFilter(watched, event)
