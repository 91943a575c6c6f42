"""The client form (新增/编辑服务对象): every field of `ClientInput`, saved in the background.

The fields are form_fields.py's; this is the dialog around them: saving, the messages
under the form, a conflict with someone else's save, and revealing masked numbers.
Nothing typed is lost when a save fails: the dialog stays open and says what to fix.
When editing, the ID number and phones show masked values and are kept as stored
unless the user reveals them (audited) or types new ones.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import (
    AppError,
    ConflictError,
    DuplicateRecord,
    InvalidInput,
    NeedsConfirmation,
)
from app.services.clients.service import ClientService
from app.services.clients.types import ClientDetail, ClientInput, Revealed, Saved
from app.ui.clients.choices import ClientChoices
from app.ui.clients.form_fields import ClientFormFields
from app.ui.clients.id_field import ERROR_STYLE
from app.ui.clients.prompts import ask
from app.ui.conflict_dialog import ConflictDialog
from app.ui.dialogs import show_message
from app.ui.form_errors import on_change
from app.ui.tasks import TaskRunner


class ClientFormDialog(ClientFormFields):
    """Create a client (detail is None) or edit one."""

    saved = Signal(int)  # the client's id
    open_client = Signal(int)  # show this existing client instead

    def __init__(
        self,
        *,
        clients: ClientService,
        tasks: TaskRunner,
        choices: ClientChoices,
        detail: ClientDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            clients=clients, tasks=tasks, choices=choices, detail=detail, parent=parent
        )
        self._saving = False
        self.conflict: ConflictDialog | None = None
        self.setWindowTitle(self.tr("Edit client") if detail else self.tr("New client"))
        self._build()
        self._fill_choices(detail)
        if detail is not None:
            self.fill(detail)
        self._update_derived()
        self._update_household()
        self._update_disability()
        self._update_change_date()
        self.name.setFocus()

    # ---- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        scroll = self._build_fields()
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fit_to_screen()

        self.id_field.open_existing.connect(self._open_existing)
        self.reveal_button.clicked.connect(self._reveal)
        self._error_field = ""
        self._follow_fields()

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 980, 720
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 60)
        self.resize(width, height)

    # ---- saving -----------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        self._submit(self.collect(), confirm_similar=False)

    def _submit(self, data: ClientInput, *, confirm_similar: bool) -> None:
        self._set_saving(True)
        self.error.hide()
        clients, client_id, version = self._clients, self._client_id, self._version

        def call() -> Saved:
            if client_id is None:
                return clients.create(data, confirm_similar=confirm_similar)
            return clients.update(
                client_id, version=version, data=data, confirm_similar=confirm_similar
            )

        self._tasks.run(
            self,
            call,
            on_done=self._saved,
            on_error=lambda exc: self._failed(exc, data),
            on_finally=lambda: self._set_saving(False),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, saved: Saved) -> None:
        self._client_id = saved.id
        self._version = saved.version
        self._tasks.bus.changed.emit(ClientService.changes(saved))
        self.saved.emit(saved.id)
        if saved.warnings:
            note = self.tr("Saved. Please note:")
            show_message(self.parentWidget(), "\n".join([note, *saved.warnings]))
        self.accept()

    def _failed(self, exc: AppError, data: ClientInput) -> bool:
        if isinstance(exc, NeedsConfirmation):
            ask(
                self,
                exc.message + "\n\n" + self.tr("Save anyway?"),
                accept_text=self.tr("Save anyway"),
                reject_text=self.tr("Go back"),
                on_accept=lambda: self._submit(data, confirm_similar=True),
            )
            return True
        if isinstance(exc, DuplicateRecord):
            self.id_field.show_error(exc.message)
            existing = exc.existing_id
            ask(
                self,
                exc.message,
                accept_text=self.tr("Open existing record"),
                reject_text=self.tr("Go back"),
                on_accept=lambda: self._open_existing(existing),
            )
            return True
        if isinstance(exc, ConflictError):
            self._show_conflict(exc.message, data)
            return True
        if isinstance(exc, InvalidInput):
            self.show_invalid(exc)
            return True
        return False

    def _follow_fields(self) -> None:
        """The message under the form goes once the field it names is changed."""
        for field, widget in self._field_widgets().items():
            on_change(widget, partial(self._field_changed, field))

    def _field_changed(self, field: str) -> None:
        if self._error_field in (field, ""):
            self.error.hide()

    def show_invalid(self, exc: InvalidInput) -> None:
        """Say what is wrong under the form and put the cursor in the field concerned."""
        self._error_field = exc.field
        self.error.setText(exc.message)
        self.error.show()
        if exc.field == "id_number":
            self.id_field.show_error(exc.message)
        if exc.field in ("on", "late_reason"):
            self.change_date.show_error(exc.field, exc.message)
        widget = self._field_widgets().get(exc.field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_conflict(self, message: str, mine: ClientInput) -> None:
        """Fetch what is stored now and let the user choose; nothing is overwritten unasked."""
        if self._client_id is None:
            return
        clients, client_id = self._clients, self._client_id

        def offer(stored: ClientDetail) -> None:
            self.conflict = ConflictDialog(
                message=message,
                stored=stored,
                mine=mine,
                choices=self._choices,
                head_label=self.household.label.text(),
                parent=self,
            )
            self.conflict.reload_chosen.connect(self.fill)
            self.conflict.keep_mine_chosen.connect(lambda d: self._save_over(d, mine))
            self.conflict.open()

        self._tasks.run(self, lambda: clients.get(client_id), on_done=offer)

    def _save_over(self, stored: ClientDetail, mine: ClientInput) -> None:
        self._version = stored.version
        self._submit(mine, confirm_similar=False)

    def mask_again(self) -> None:
        """Hide revealed numbers again; what the user typed stays."""
        for edit in (self.id_field.edit, self.phone, self.guardian_phone):
            edit.mask_again()
        detail = self._detail
        if detail is not None:
            masked = detail.has_id_number or detail.phone_masked or detail.guardian_phone_masked
            self.reveal_button.setVisible(bool(detail.can_reveal and masked))

    def _open_existing(self, client_id: int) -> None:
        self.open_client.emit(client_id)
        self.reject()

    def _reveal(self) -> None:
        if self._client_id is None:
            return
        clients, client_id = self._clients, self._client_id

        def show(revealed: Revealed) -> None:
            if self.id_field.edit.keeps_stored:
                self.id_field.edit.show_revealed(revealed.id_number)
            if self.phone.keeps_stored:
                self.phone.show_revealed(revealed.phone)
            if self.guardian_phone.keeps_stored:
                self.guardian_phone.show_revealed(revealed.guardian_phone)
            self.reveal_button.hide()

        self._tasks.run(self, lambda: clients.reveal(client_id), on_done=show)
