"""The 服务对象 page: the client list with search, filters and a detail panel."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import ClientStatus
from app.domain.errors import AppError, ConflictError, NotFound
from app.services.access.consents import ConsentService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientDetail, ClientQuery, Saved
from app.services.context import Changes
from app.services.importing.service import RosterImportService
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.ui.clients.archive_dialog import ArchiveDialog
from app.ui.clients.choices import ClientChoices, load_choices
from app.ui.clients.detail import ClientDetailPanel
from app.ui.clients.filter_bar import FilterBar
from app.ui.clients.form import ClientFormDialog
from app.ui.clients.import_dialog import ImportDialog
from app.ui.clients.table_model import ClientTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportButton

_COLUMN_WIDTHS = {
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
# Whatever a change touches that the combo boxes show.
_CHOICE_ENTITIES = ("codes", "village", "user")


class ClientsPage(QWidget):
    """The client registry page."""

    def __init__(
        self,
        *,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        importer: RosterImportService | None = None,
        exports: ListExportService | None = None,
        consents: ConsentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._importer = importer
        self.import_dialog: ImportDialog | None = None
        self._codes = codes
        self._tasks = tasks
        self._choices: ClientChoices | None = None
        self._current_id: int | None = None
        self._pick_first = False  # Enter in the search box: go to the first result
        self._follow_list = False  # after a new search the detail shows only listed clients
        self.form: ClientFormDialog | None = None

        self.filters = FilterBar(self)
        self.model = ClientTableModel(clients=clients, tasks=tasks, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("clientTable")
        self.table.setModel(self.model)
        self._set_up_table()
        self.detail = ClientDetailPanel(
            clients=clients, tasks=tasks, consents=consents, parent=self
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
        self.import_button.setVisible(importer is not None and importer.can_import)
        self.export_button: ExportButton | None = None
        if exports is not None:
            self.export_button = ExportButton(
                exports=exports,
                tasks=tasks,
                list_key="clients",
                query=lambda: self.model.query,
                count=self.model.rowCount,
                parent=self,
            )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("clientCount")
        self.new_button.setVisible(clients.can_edit)
        for button in (self.edit_button, self.archive_button, self.unarchive_button):
            button.setEnabled(False)
        self.unarchive_button.hide()

        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.archive_button)
        actions.addWidget(self.unarchive_button)
        actions.addWidget(self.import_button)
        if self.export_button is not None:
            actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 380])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        self._set_up_keys()
        self.filters.changed.connect(self._filters_changed)
        self.model.counted.connect(self._counted)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.detail.loaded.connect(self._detail_loaded)
        self.detail.open_client.connect(self.show_client)
        self.new_button.clicked.connect(self.new_client)
        self.edit_button.clicked.connect(self.edit_current)
        self.archive_button.clicked.connect(self.archive_current)
        self.unarchive_button.clicked.connect(self.unarchive_current)
        self.import_button.clicked.connect(self.import_roster)
        tasks.bus.changed.connect(self._changed)

        self._load_choices()
        self.model.set_query(self.filters.query())

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights and column widths: measuring contents would fetch every row.
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(ClientTableModel.CATEGORIES, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

    def _set_up_keys(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.focus_search, context=scope)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_client, context=scope)
        new.setEnabled(self._clients.can_edit)
        self.filters.search.returnPressed.connect(self._search_entered)
        order = [
            self.filters.search,
            self.filters.category,
            self.filters.village,
            self.filters.risk,
            self.filters.worker,
            self.filters.status,
            self.table,
            self.new_button,
            self.edit_button,
            self.archive_button,
            self.unarchive_button,
            self.detail,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ---- list and selection -------------------------------------------------------------

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("%n client(s)", "", count))
        if self._pick_first:
            self._pick_first = False
            if count:
                self._select_row(0)
                return
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row >= 0:
                self._select_row(row)
            elif self._follow_list:
                self.detail.show_client(None)
        self._follow_list = False

    def _filters_changed(self, query: ClientQuery) -> None:
        # A refresh after a save keeps showing the client (an archived one drops out of
        # the active list, and the user still wants to see it); a new search does not.
        self._follow_list = True
        self.model.set_filters(query)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        client_id = self.model.client_id(current.row()) if current.isValid() else None
        if client_id is not None and client_id != self._current_id:
            self.show_client(client_id)

    def _search_entered(self) -> None:
        """Enter in the search box: search now and move to the first result."""
        self.filters.flush()
        self.table.setFocus()
        if self.model.searching:
            self._pick_first = True
        elif self.model.rowCount():
            self._select_row(0)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The list is sorted in SQL, and only some columns have an order there.
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def show_client(self, client_id: int) -> None:
        """Show a client in the detail panel, and select it when the list holds it."""
        self._current_id = client_id
        row = self.model.row_of(client_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row)
        self.detail.show_client(client_id)

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

    def _changed(self, changes: Changes) -> None:
        if changes.touches("client"):
            self.model.refresh()
            if self.detail.detail is not None:
                self.detail.reload()
        if any(changes.touches(entity) for entity in _CHOICE_ENTITIES):
            self._load_choices()

    def _load_choices(self) -> None:
        clients, codes = self._clients, self._codes
        self._tasks.run(self, lambda: load_choices(clients, codes), on_done=self._choices_loaded)

    def _choices_loaded(self, choices: ClientChoices) -> None:
        self._choices = choices
        self.filters.set_choices(choices)
        self.detail.set_choices(choices)

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
            clients, codes = self._clients, self._codes

            def then(choices: ClientChoices) -> None:
                self._choices_loaded(choices)
                self._open_form(detail)

            self._tasks.run(self, lambda: load_choices(clients, codes), on_done=then)
            return
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
        dialog = ImportDialog(importer=self._importer, tasks=self._tasks, parent=self)

        def closed(_result: int) -> None:
            self.import_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        self.import_dialog = dialog
        dialog.open()

    def archive_current(self) -> None:
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
