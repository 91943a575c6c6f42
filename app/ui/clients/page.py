"""The 服务对象 page: the client list with search, filters and a detail panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from app.domain.codes import ClientStatus
from app.domain.errors import AppError, ConflictError, NotFound
from app.services.access.consents import ConsentService
from app.services.clients.service import ClientService
from app.services.clients.story import ClientStoryService
from app.services.clients.types import ClientDetail, Saved
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.ui.clients.choices import ClientChoices, load_choices
from app.ui.clients.detail import ClientDetailPanel
from app.ui.clients.filter_bar import FilterBar
from app.ui.clients.table_model import ClientTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.list_page import ListPage

if TYPE_CHECKING:
    from app.services.importing.service import RosterImportService
    from app.ui.clients.form import ClientFormDialog
    from app.ui.clients.import_dialog import ImportDialog


class ClientsPage(ListPage[FilterBar, ClientTableModel]):
    """The client registry page; `open_record(page, id)` asks the window to open a record
    the client's story names (a case, a visit, a group, an activity)."""

    open_record = Signal(str, int)

    TABLE_NAME = "clientTable"
    COUNT_NAME = "clientCount"
    COLUMN_WIDTHS = {
        ClientTableModel.NAME: 80,
        ClientTableModel.SEX: 40,
        ClientTableModel.AGE: 44,
        ClientTableModel.ID_NUMBER: 150,
        ClientTableModel.PHONE: 96,
        ClientTableModel.VILLAGE: 80,
        ClientTableModel.CATEGORIES: 150,
        ClientTableModel.RISK: 64,
        ClientTableModel.WORKER: 72,
        ClientTableModel.STATUS: 56,
    }
    ENTITIES = ("client", "village", "user", "codes")  # the row names all of these
    CHOICE_ENTITIES = ("codes", "village", "user", "settings")  # what the form offers

    def __init__(
        self,
        *,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        importer: Callable[[], RosterImportService] | None = None,
        exports: ListExportService | None = None,
        consents: ConsentService | None = None,
        settings: SettingsService | None = None,
        stories: ClientStoryService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self._clients = clients
        self._settings = settings
        self._importer = importer
        self._codes = codes
        self._choices: ClientChoices | None = None
        self.import_dialog: ImportDialog | None = None
        self.form: ClientFormDialog | None = None

        self.detail = ClientDetailPanel(
            clients=clients, tasks=tasks, consents=consents, stories=stories, parent=self
        )
        self.detail.setMinimumWidth(300)
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setToolTip(self.tr("Register a new client (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected client (Enter)"))
        self.archive_button = QPushButton(self.tr("Archive"), self)
        self.unarchive_button = QPushButton(self.tr("Restore to active"), self)
        self.import_button = QPushButton(self.tr("Import roster…"), self)
        self.import_button.setToolTip(
            self.tr("Import a roster (dibao, tekun, disability…) from Excel")
        )
        for button in (self.edit_button, self.archive_button, self.unarchive_button):
            button.setEnabled(False)
        self.set_up(
            filters=FilterBar(self),
            model=ClientTableModel(clients=clients, tasks=tasks, parent=self),
            detail=self.detail,
            new_button=self.new_button,
            on_new=self.new_client,
            can_create=clients.can_edit,
            actions=(
                self.edit_button,
                self.archive_button,
                self.unarchive_button,
                self.import_button,
            ),
            on_open=lambda _client_id: self.edit_current(),
            exports=exports,
            export_key="clients",
            sizes=(780, 380),
        )
        # The import's modules (readers, checks, writer) load when it is first opened.
        self.import_button.setVisible(importer is not None and clients.can_edit)
        self.unarchive_button.hide()

        self.detail.loaded.connect(self._detail_loaded)
        self.detail.open_client.connect(self.show_client)
        self.detail.open_record.connect(self.open_record)
        self.edit_button.clicked.connect(self.edit_current)
        self.archive_button.clicked.connect(self.archive_current)
        self.unarchive_button.clicked.connect(self.unarchive_current)
        self.import_button.clicked.connect(self.import_roster)

    # ---- list and detail ------------------------------------------------------------------

    def _count_text(self, count: int) -> str:
        return self.tr("%n client(s)", "", count)

    def _show_detail(self, client_id: int | None) -> None:
        self.detail.show_client(client_id)

    def _reload_detail(self) -> None:
        if self.detail.detail is not None:
            self.detail.reload()

    def _choice_loader(self) -> Callable[[], Any]:
        clients, codes, settings = self._clients, self._codes, self._settings
        return lambda: load_choices(clients, codes, settings)

    def _choices_loaded(self, choices: ClientChoices) -> None:
        super()._choices_loaded(choices)
        self.detail.set_choices(choices)

    def show_client(self, client_id: int) -> None:
        """Show a client in the detail panel, and select it when the list holds it."""
        self.show_record(client_id)

    def _detail_loaded(self, detail: ClientDetail | None) -> None:
        editable = detail is not None and detail.can_edit
        archived = detail is not None and detail.status == ClientStatus.ARCHIVED.value
        self.edit_button.setEnabled(editable)
        self.archive_button.setEnabled(editable and not archived)
        self.archive_button.setVisible(not archived)
        self.unarchive_button.setEnabled(editable and archived)
        self.unarchive_button.setVisible(archived)
        if detail is None:
            self._current_id = None

    # ---- actions --------------------------------------------------------------------------

    def new_client(self) -> None:
        if self._clients.can_edit:
            self._open_form(None)

    def edit_current(self) -> None:
        """Open the form for the client shown, with the record as stored now."""
        detail = self.detail.detail
        if detail is None or not detail.can_edit:
            return
        clients, client_id = self._clients, detail.id
        self._tasks.run(self, lambda: clients.get(client_id), on_done=self._open_form)

    def _open_form(self, detail: ClientDetail | None) -> None:
        if self.form is not None:
            self.form.raise_()
            self.form.activateWindow()
            return
        if self._choices is None:
            # The combo boxes are still loading (only right after start): try once they are.
            load = self._choice_loader()

            def then(choices: ClientChoices) -> None:
                self._choices_loaded(choices)
                self._open_form(detail)

            self._tasks.run(self, load, on_done=then)
            return
        # The form and the import dialog load when first opened (~1.5 MB of modules).
        from app.ui.clients.form import ClientFormDialog

        form = ClientFormDialog(
            clients=self._clients,
            tasks=self._tasks,
            choices=self._choices,
            detail=detail,
            parent=self,
        )
        form.saved.connect(self.show_client)
        form.open_client.connect(self.show_client)
        form.finished.connect(lambda _result: self._form_closed(form))
        self.form = form
        form.open()

    def _form_closed(self, form: ClientFormDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def import_roster(self) -> None:
        """Open the roster import (one at a time); the list refreshes through the bus."""
        if self._importer is None:
            return
        if self.import_dialog is not None:
            self.import_dialog.raise_()
            return
        from app.ui.clients.import_dialog import ImportDialog

        dialog = ImportDialog(importer=self._importer(), tasks=self._tasks, parent=self)

        def closed(_result: int) -> None:
            self.import_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        self.import_dialog = dialog
        dialog.open()

    def archive_current(self) -> None:
        from app.ui.clients.archive_dialog import ArchiveDialog

        detail = self.detail.detail
        if detail is None or not detail.can_edit:
            return
        dialog = ArchiveDialog(detail.name, self)

        def finished(result: int) -> None:
            reason = dialog.text()
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                clients, client_id, version = self._clients, detail.id, detail.version
                self._save(lambda: clients.archive(client_id, version=version, reason=reason))

        dialog.finished.connect(finished)
        dialog.open()

    def unarchive_current(self) -> None:
        detail = self.detail.detail
        if detail is None or not detail.can_edit:
            return
        clients, client_id, version = self._clients, detail.id, detail.version
        self._save(lambda: clients.unarchive(client_id, version=version))

    def _save(self, call: Callable[[], Saved]) -> None:
        def done(saved: Saved) -> None:
            self._tasks.bus.changed.emit(ClientService.changes(saved))

        def failed(exc: AppError) -> bool:
            # Someone else changed or removed the record: show what is stored now.
            if isinstance(exc, ConflictError | NotFound):
                self.detail.reload()
            return False

        self._tasks.run(self, call, on_done=done, on_error=failed)
