"""A warning line for dialogs that act on a client: which consent item is missing.

Case dialogs show it before saving (a referral needs the sharing item, opening a case the
service item). It warns; the dialog decides whether the user may go on, and with what reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.services.access.consents import ConsentService
from app.ui.clients.consent_dialog import item_label
from app.ui.tasks import TaskRunner


class ConsentWarning(QLabel):
    """Hidden while the consent is there (or not yet known)."""

    checked = Signal(object)  # the missing items, a tuple (empty when all is consented)

    def __init__(
        self,
        *,
        consents: ConsentService,
        tasks: TaskRunner,
        items: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._consents = consents
        self._tasks = tasks
        self._items = tuple(items)
        self._generation = 0
        self.missing: tuple[str, ...] | None = None
        self.setObjectName("consentWarning")
        self.setWordWrap(True)
        self.setStyleSheet("color: #8a5300;")
        self.hide()

    def check(self, client_id: int | None, on: dt.date | None = None) -> None:
        """Ask (in the background) what is missing for this client on `on`."""
        self._generation += 1
        generation = self._generation
        self.missing = None
        self.hide()
        if client_id is None:
            return
        consents, items = self._consents, self._items
        self._tasks.run(
            self,
            lambda: consents.missing(client_id, items, on=on),
            on_done=lambda missing: self._show(generation, missing),
        )

    def _show(self, generation: int, missing: tuple[str, ...]) -> None:
        if generation != self._generation:
            return
        self.missing = missing
        names = "、".join(item_label(i) for i in missing)
        self.setText(
            self.tr("No valid informed consent for: {items}. Record the signed consent first.")
            .format(items=names)
        )  # fmt: skip
        self.setVisible(bool(missing))
        self.checked.emit(missing)
        if missing:
            self.window().adjustSize()  # a wrapped label is cut off until the dialog grows
