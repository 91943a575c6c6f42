"""The 工作日志 tab: one worker's day (automatic and typed entries, notes) and their month."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Changes
from app.services.visits.worklog_types import DayTotal, EntryView, WorkLogDay, WorkLogOwner
from app.services.visits.worklogs import ENTITY, WorkLogService
from app.ui.cases.fields import date_edit, pydate, qdate
from app.ui.clients.prompts import ask
from app.ui.dialogs import keep_open
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.visits.entry_dialog import EntryDialog

_AUTO = QColor("#555555")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# The records whose changes can alter a log's automatic entries.
_SOURCES = (ENTITY, "visit", "case", "group", "activity")


def hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}"


class WorkLogTab(QWidget):
    """Choose a worker (heads and supervisors) and a day; the log is brought up to date."""

    KIND, MINUTES, DESCRIPTION, SOURCE = range(4)

    def __init__(
        self, *, worklogs: WorkLogService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worklogs = worklogs
        self._tasks = tasks
        self.log: WorkLogDay | None = None
        self._kinds: list[tuple[str, object]] = []
        self._month_key: tuple[int, int, int] | None = None

        self.owner = QComboBox(self)
        self.owner.setObjectName("logOwner")
        self.owner.setToolTip(self.tr("Whose work log"))
        # As wide as the longest name: a cut-off name is another worker's.
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day = date_edit(self, worklogs.today)
        self.day.setObjectName("logDay")
        self.today_button = QPushButton(self.tr("Today"), self)
        self.total = QLabel(self)
        self.total.setObjectName("logTotal")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Worker:"), self))
        top.addWidget(self.owner)
        top.addWidget(QLabel(self.tr("Day:"), self))
        top.addWidget(self.day)
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self.total)

        self.entries = QTableWidget(0, 4, self)
        self.entries.setObjectName("logEntries")
        self.entries.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Minutes"), self.tr("What was done"), self.tr("Source")]
        )
        self._set_up_table(self.entries)
        self.entries.horizontalHeader().setSectionResizeMode(
            self.DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self.add_button = QPushButton(self.tr("Add entry"), self)
        self.add_button.setToolTip(self.tr("Add an entry to this day (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint = QLabel(
            self.tr(
                "Entries marked automatic come from service records, group sessions, "
                "activities and visits; change those records to change them."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")

        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("logNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.notes.setPlaceholderText(self.tr("Notes on the day"))
        self.save_notes = QPushButton(self.tr("Save notes"), self)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.notes, 1)
        notes_row.addWidget(self.save_notes, 0, Qt.AlignmentFlag.AlignTop)

        day_box = QVBoxLayout()
        day_box.addWidget(self.entries, 1)
        day_box.addLayout(buttons)
        day_box.addWidget(self.hint)
        day_box.addLayout(notes_row)

        self.month = QTableWidget(0, 2, self)
        self.month.setObjectName("logMonth")
        self.month.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Hours")])
        self._set_up_table(self.month)
        self.month.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.month_total = QLabel(self)
        month_group = QGroupBox(self.tr("This month"), self)
        month_layout = QVBoxLayout(month_group)
        month_layout.addWidget(self.month, 1)
        month_layout.addWidget(self.month_total)
        month_group.setFixedWidth(200)

        body = QHBoxLayout()
        body.addLayout(day_box, 1)
        body.addWidget(month_group)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.owner.currentIndexChanged.connect(lambda _i: self.reload())
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.today_button.clicked.connect(lambda: self.day.setDate(qdate(worklogs.today)))
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.entries.itemDoubleClicked.connect(lambda _item: self.edit_entry())
        self.entries.currentCellChanged.connect(lambda *_args: self._update_buttons())
        self.month.cellClicked.connect(self._month_clicked)
        self.save_notes.clicked.connect(self.store_notes)
        tasks.bus.changed.connect(self._changed)
        self._update_buttons()
        self._tasks.run(self, lambda: (worklogs.owners(), worklogs.kinds()), on_done=self._loaded)

    @staticmethod
    def _set_up_table(table: QTableWidget) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setWordWrap(False)

    def _loaded(self, loaded: tuple[list[WorkLogOwner], list[tuple[str, str]]]) -> None:
        owners, kinds = loaded
        self._kinds = list(kinds)
        self.owner.blockSignals(True)
        self.owner.clear()
        for owner in owners:
            self.owner.addItem(owner.name, owner.id)
        self.owner.blockSignals(False)
        self.owner.setEnabled(len(owners) > 1)
        self.reload()

    # ---- loading --------------------------------------------------------------------

    def user_id(self) -> int | None:
        data = self.owner.currentData()
        return int(data) if data is not None else None

    def chosen_day(self) -> dt.date:
        return pydate(self.day.date())

    def reload(self) -> None:
        user_id, day, worklogs = self.user_id(), self.chosen_day(), self._worklogs
        if user_id is None:
            return
        self._tasks.run(self, lambda: worklogs.day(user_id, day), on_done=self._show)
        key = (user_id, day.year, day.month)
        self._tasks.run(
            self,
            lambda: worklogs.month(user_id, day.year, day.month),
            on_done=lambda totals: self._show_month(key, totals),
        )

    def _show(self, log: WorkLogDay) -> None:
        if (log.user_id, log.day) != (self.user_id(), self.chosen_day()):
            return  # an answer for a day no longer chosen
        self.log = log
        self.entries.setRowCount(len(log.entries))
        for row, entry in enumerate(log.entries):
            source = self.tr("Automatic") if entry.automatic else self.tr("Typed")
            values = (entry.kind_label, str(entry.minutes), entry.description, source)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if entry.automatic:
                    item.setForeground(_AUTO)
                if column == self.MINUTES:
                    item.setTextAlignment(_RIGHT)
                self.entries.setItem(row, column, item)
        self.total.setText(
            self.tr("Total: {hours} h ({minutes} min)").format(
                hours=hours(log.total_minutes), minutes=log.total_minutes
            )
        )
        self.notes.setPlainText(log.notes)
        self.notes.setReadOnly(not log.editable)
        self._update_buttons()

    def _show_month(self, key: tuple[int, int, int], totals: list[DayTotal]) -> None:
        day = self.chosen_day()
        if key != (self.user_id(), day.year, day.month):
            return
        self._month_key = key
        self.month.setRowCount(len(totals))
        for row, total in enumerate(totals):
            day_item = QTableWidgetItem(total.day.strftime("%m-%d"))
            day_item.setData(Qt.ItemDataRole.UserRole, total.day.isoformat())
            hours_item = QTableWidgetItem(hours(total.minutes) if total.minutes else "")
            hours_item.setTextAlignment(_RIGHT)
            self.month.setItem(row, 0, day_item)
            self.month.setItem(row, 1, hours_item)
        self.month.selectRow(day.day - 1)
        minutes = sum(t.minutes for t in totals)
        self.month_total.setText(self.tr("Month: {hours} h").format(hours=hours(minutes)))

    def _month_clicked(self, row: int, _column: int) -> None:
        item = self.month.item(row, 0)
        if item is not None:
            day = dt.date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole)))
            self.day.setDate(QDate(day.year, day.month, day.day))

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(entity) for entity in _SOURCES):
            self.reload()

    # ---- entries --------------------------------------------------------------------

    def current_entry(self) -> EntryView | None:
        row = self.entries.currentRow()
        if self.log is None or not 0 <= row < len(self.log.entries):
            return None
        return self.log.entries[row]

    def _update_buttons(self) -> None:
        editable = self.log is not None and self.log.editable
        entry = self.current_entry()
        can_change = editable and entry is not None and not entry.automatic
        self.add_button.setEnabled(editable and self.chosen_day() <= self._worklogs.today)
        self.edit_button.setEnabled(can_change)
        self.delete_button.setEnabled(can_change)
        self.save_notes.setEnabled(editable)

    def add_entry(self) -> EntryDialog | None:
        return self._open_entry(None)

    def edit_entry(self) -> EntryDialog | None:
        entry = self.current_entry()
        if entry is None or entry.automatic:
            return None
        return self._open_entry(entry)

    def _open_entry(self, entry: EntryView | None) -> EntryDialog | None:
        from app.ui.visits.entry_dialog import EntryDialog

        log = self.log
        if log is None or not log.editable:
            return None
        dialog = EntryDialog(
            worklogs=self._worklogs,
            tasks=self._tasks,
            kinds=self._kinds,
            user_id=log.user_id,
            day=log.day,
            entry=entry,
            parent=self,
        )
        keep_open(dialog)
        dialog.open()
        return dialog

    def delete_entry(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.automatic:
            return
        worklogs = self._worklogs
        ask(
            self,
            self.tr("Delete this entry?"),
            accept_text=self.tr("Delete"),
            reject_text=self.tr("Keep"),
            on_accept=lambda: self._tasks.run(
                self, lambda: worklogs.delete_entry(entry.id, version=entry.version)
            ),
        )

    def store_notes(self) -> None:
        log = self.log
        if log is None or not log.editable:
            return
        worklogs, notes = self._worklogs, self.notes.toPlainText()
        self._tasks.run(
            self, lambda: worklogs.set_notes(log.user_id, log.day, version=log.version, notes=notes)
        )
