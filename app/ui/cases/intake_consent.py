"""The consent part of 接案: a case opens only with the client's signed service consent.

Shown under the client when the service item is missing on the intake date: what the
rule is, a button to record the signed form, and, when consent could not be taken, the
reason (domain.consent.EXEMPTION_LABELS) with a note. The service applies the same rule.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.consent import EXEMPTION_LABELS, SERVICE
from app.services.access.consents import ConsentService
from app.ui.cases.fields import qdate
from app.ui.clients.consent_dialog import ConsentDialog
from app.ui.clients.consent_warning import ConsentWarning
from app.ui.tasks import TaskRunner


class IntakeConsent(QWidget):
    """Hidden while the client has consented (or nobody is chosen yet)."""

    checked = Signal(object)  # the missing items, as ConsentWarning.checked
    recorded = Signal()  # a consent was recorded from here

    def __init__(
        self, *, consents: ConsentService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._consents = consents
        self._tasks = tasks
        self._client_id: int | None = None
        self._day: dt.date | None = None
        self.dialog: ConsentDialog | None = None
        self.warning = ConsentWarning(consents=consents, tasks=tasks, items=(SERVICE,), parent=self)
        self.rule = QLabel(
            self.tr(
                "A case is opened only with the client's signed consent to services. "
                "Declining or referring at intake needs none."
            ),
            self,
        )
        self.rule.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record consent…"), self)
        self.record_button.setObjectName("recordConsent")
        self.record_button.setAutoDefault(False)
        self.record_button.setVisible(consents.can_edit)
        self.record_button.clicked.connect(self.record_consent)
        self.exemption = QComboBox(self)
        self.exemption.setObjectName("consentExemption")
        self.exemption.addItem(self.tr("Consent could not be taken because…"), "")
        for code, label in EXEMPTION_LABELS.items():
            self.exemption.addItem(label, code)
        self.note = QLineEdit(self)
        self.note.setObjectName("consentNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(
            self.tr("Who signed for the client, or what the emergency was")
        )
        self.exemption.currentIndexChanged.connect(lambda _i: self._update_note())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.record_button)
        row.addWidget(self.exemption, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.warning)
        column.addWidget(self.rule)
        column.addLayout(row)
        column.addWidget(self.note)
        self.warning.checked.connect(self._checked)
        self._update_note()
        self.hide()

    @property
    def missing(self) -> tuple[str, ...] | None:
        """The missing items on the intake date; None until known."""
        return self.warning.missing

    def check(self, client_id: int | None, day: dt.date) -> None:
        self._client_id, self._day = client_id, day
        self.hide()
        self.warning.check(client_id, day)

    def chosen(self) -> tuple[str, str]:
        """(exemption code, note) as chosen; ("", "") when no reason is chosen."""
        code = str(self.exemption.currentData() or "")
        return (code, self.note.text().strip()) if code else ("", "")

    def record_consent(self) -> ConsentDialog | None:
        """The consent form for the chosen client, dated the intake day."""
        if self._client_id is None:
            return None
        dialog = ConsentDialog(
            consents=self._consents, tasks=self._tasks, client_id=self._client_id, parent=self
        )
        if self._day is not None:
            dialog.signed_on.setDate(qdate(min(self._day, self._consents.today)))

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.recorded.emit()
            dialog.deleteLater()
            self.dialog = None

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        # The form lays rows out by their size hints, which know nothing of word wrap:
        # without a minimum height for the width they get, the notices are cut off.
        for label in (self.warning, self.rule):
            # -1 while a label is empty: no minimum then.
            label.setMinimumHeight(max(label.heightForWidth(max(self.width(), 1)), 0))

    def _checked(self, missing: tuple[str, ...]) -> None:
        self.setVisible(bool(missing))
        self.checked.emit(missing)
        if missing:
            self._fit_text()
            self.window().adjustSize()

    def _update_note(self) -> None:
        self.note.setVisible(bool(self.exemption.currentData()))
