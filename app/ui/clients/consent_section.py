"""The 知情同意 section of the client detail: what is signed, what is missing, add, withdraw."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.access.consent_types import ITEMS, ConsentRow
from app.services.access.consents import ConsentService
from app.services.context import Changes
from app.ui.clients.consent_dialog import ConsentDialog, WithdrawDialog, item_label
from app.ui.dialogs import keep_open
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner


class ConsentSection(QWidget):
    """Follows the client the detail panel shows; refreshes when consents change."""

    def __init__(
        self, *, consents: ConsentService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._consents = consents
        self._tasks = tasks
        self._generation = 0
        self.client_id: int | None = None
        self.rows: list[ConsentRow] = []
        self.dialog: QDialog | None = None
        self.caption = QLabel(self.tr("Informed consent"), self)
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.missing = QLabel(self)
        self.missing.setObjectName("consentMissing")
        self.missing.setWordWrap(True)
        self.table: QTableWidget = make_table(
            [
                self.tr("Item"),
                self.tr("State"),
                self.tr("Signed on"),
                self.tr("Signed by"),
                self.tr("Text version"),
                self.tr("Withdrawn on"),
            ]
        )
        self.table.setParent(self)
        self.table.setMaximumHeight(160)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Record consent…"), self)
        self.withdraw_button = QPushButton(self.tr("Withdraw…"), self)
        self.add_button.clicked.connect(self.add)
        self.withdraw_button.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.missing)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.setVisible(consents.can_edit)
        self.withdraw_button.setVisible(consents.can_edit)
        tasks.bus.changed.connect(self._on_changed)
        self._update_buttons()

    def show_client(self, client_id: int | None) -> None:
        self._generation += 1
        generation = self._generation
        self.client_id = client_id
        if client_id is None:
            self._show(generation, [])
            return
        consents = self._consents
        self._tasks.run(
            self,
            lambda: consents.list_consents(client_id),
            on_done=lambda rows: self._show(generation, rows),
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("consent") and self.client_id is not None:
            self.show_client(self.client_id)

    def _show(self, generation: int, rows: list[ConsentRow]) -> None:
        if generation != self._generation:
            return
        self.rows = rows
        set_rows(
            self.table,
            [
                [
                    r.item_label,
                    self._state(r),
                    r.signed_on.isoformat(),
                    f"{r.signer_name}（{r.signer_relation}）",
                    r.text_version,
                    r.withdrawn_on.isoformat() if r.withdrawn_on else "",
                ]
                for r in rows
            ],
        )
        valid = {r.item for r in rows if r.valid}
        missing = [item_label(i) for i in ITEMS if i not in valid]
        if missing:
            self.missing.setText(self.tr("No valid consent for: {items}").format(
                items="、".join(missing)))  # fmt: skip
            self.missing.setStyleSheet("color: #8a5300;")
        else:
            self.missing.setText(self.tr("Every item is consented to."))
            self.missing.setStyleSheet("")
        self._update_buttons()

    def _state(self, r: ConsentRow) -> str:
        if r.valid:
            return self.tr("Valid")
        if r.withdrawn_on is not None:
            return self.tr("Withdrawn")
        if not r.granted:
            return self.tr("Refused")
        return self.tr("Replaced")

    def selected(self) -> ConsentRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.add_button.setEnabled(self.client_id is not None)
        self.withdraw_button.setEnabled(
            chosen is not None and chosen.granted and chosen.withdrawn_on is None
        )

    def add(self) -> QDialog | None:
        if self.client_id is None:
            return None
        dialog = ConsentDialog(
            consents=self._consents, tasks=self._tasks, client_id=self.client_id, parent=self
        )
        return self._open(dialog)

    def withdraw(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = WithdrawDialog(consents=self._consents, tasks=self._tasks, row=row, parent=self)
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog
