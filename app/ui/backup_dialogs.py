"""备份与恢复: back up now, back up to a USB stick, list the backups, restore one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.backup.service import BackupService
from app.services.backup.types import BackupInfo, RestoreResult
from app.ui.dialogs import confirm, keep_open
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner

T = TypeVar("T")


class BackupPanel(QWidget):
    """Backups of the open database; `restored` asks the app to sign in again."""

    restored = Signal(object)  # RestoreResult

    def __init__(
        self, *, backups: BackupService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._backups = backups
        self._tasks = tasks
        self.rows: list[BackupInfo] = []
        self._busy = False
        intro = QLabel(
            self.tr(
                "Station Desk backs up this database when it closes and once a day while it "
                "runs, and keeps daily, weekly and monthly backups in:\n{folder}\n"
                "Backups made by hand are kept until you delete them."
            ).format(folder=backups.folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.encrypt = QCheckBox(self.tr("Encrypt with a backup password"))
        self.now_button = QPushButton(self.tr("Back up now"))
        self.to_button = QPushButton(self.tr("Back up to…"))
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_button.setVisible(backups.may_restore)
        self.delete_button = QPushButton(self.tr("Delete the selected backup…"))
        self.delete_button.setToolTip(
            self.tr("Only backups made by hand; automatic ones are removed by themselves.")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.now_button.clicked.connect(self.back_up_now)
        self.to_button.clicked.connect(self.back_up_to)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table = make_table(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Clients"),
                self.tr("Cases"),
                self.tr("Service records"),
                self.tr("Size"),
                self.tr("Encrypted"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.now_button, self.to_button):
            buttons.addWidget(button)
        buttons.addWidget(self.encrypt)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.last_message = ""
        self._update_buttons()
        self.reload()

    # ---- the list ----------------------------------------------------------------------

    def reload(self) -> None:
        self._tasks.run(self, self._backups.list_backups, on_done=self._show)

    def _show(self, rows: list[BackupInfo]) -> None:
        self.rows = rows
        set_rows(
            self.table,
            [
                [
                    b.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    b.reason.label,
                    str(b.count("clients")),
                    str(b.count("cases")),
                    str(b.count("service_records")),
                    f"{b.size / 1_048_576:.1f} MB",
                    self.tr("Yes") if b.encrypted else "",
                ]
                for b in rows
            ],
        )
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        self.now_button.setEnabled(not self._busy)
        self.to_button.setEnabled(not self._busy)
        chosen = self.selected()
        self.restore_button.setEnabled(not self._busy and chosen is not None)
        manual = chosen is not None and not chosen.reason.automatic
        self.delete_button.setEnabled(not self._busy and manual)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # ---- actions -----------------------------------------------------------------------

    def back_up_now(self) -> None:
        go_on, password = self._password_if_wanted()
        if not go_on:
            return
        backups = self._backups
        self._run(
            lambda: backups.backup_now(password=password),
            lambda info: self._done(self.tr("Backed up to:\n{path}").format(path=info.path)),
            busy=self.tr("Backing up, please wait…"),
        )

    def back_up_to(self) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        go_on, password = self._password_if_wanted()
        if not go_on:
            return
        backups = self._backups
        self._run(
            lambda: backups.backup_to(folder=folder, password=password),
            lambda info: self._done(
                self.tr(
                    "Backed up to:\n{path}\n\nThe copy was read back and matches. "
                    "Keep the stick somewhere safe, away from this computer."
                ).format(path=info.path)
            ),
            busy=self.tr("Backing up and reading the copy back, please wait…"),
        )

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        when = chosen.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        question = self.tr(
            "Restore the backup of {when} ({clients} clients, {cases} cases)?\n\n"
            "Everything entered after that time will no longer be shown. The current "
            "database is not deleted: it is kept next to it under a new name. "
            "Everyone must sign in again afterwards."
        ).format(when=when, clients=chosen.count("clients"), cases=chosen.count("cases"))
        confirm(self, question, lambda: self._restore(chosen))

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.reason.automatic:
            return
        when = chosen.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        question = self.tr("Delete the backup made by hand on {when}? It cannot be undone.")
        backups, path = self._backups, chosen.path
        confirm(
            self,
            question.format(when=when),
            lambda: self._run(lambda: backups.delete(path), lambda _: self.reload()),
        )

    def _restore(self, chosen: BackupInfo) -> None:
        password: str | None = None
        if chosen.encrypted:
            password = self.ask_password(confirm=False)
            if not password:
                return
        backups = self._backups

        def finished(result: RestoreResult) -> None:
            self._done(
                self.tr(
                    "The backup was restored. Please sign in again.\n\n"
                    "The previous database was kept as:\n{path}"
                ).format(path=result.set_aside or "")
            )
            self.restored.emit(result)

        self._run(
            lambda: backups.restore(backup=chosen.path, password=password),
            finished,
            busy=self.tr("Restoring the backup, please wait…"),
        )

    # ---- asking the user (tests replace these) ----------------------------------------

    def choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Back up to which folder?"))
        return Path(chosen) if chosen else None

    def ask_password(self, *, confirm: bool) -> str | None:
        """The backup password; asked twice when it is being set. None if cancelled."""
        text, ok = QInputDialog.getText(
            self, self.tr("Backup password"), self.tr("Backup password:"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if not ok:
            return None
        if confirm:
            again, ok = QInputDialog.getText(
                self, self.tr("Backup password"), self.tr("The same password again:"),
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return None
            if again != text:
                self._inform(self.tr("The two passwords differ. Nothing was backed up."))
                return None
        return text

    # ---- helpers -----------------------------------------------------------------------

    def _password_if_wanted(self) -> tuple[bool, str | None]:
        """(go on, password): no password for a plain backup; not going on if cancelled."""
        if not self.encrypt.isChecked():
            return True, None
        password = self.ask_password(confirm=True)
        return password is not None, password

    def _run(
        self, fn: Callable[[], T], on_done: Callable[[T], None], *, busy: str | None = None
    ) -> None:
        """Run `fn`; with `busy`, a dialog says so while it runs. Never cancelled: a backup
        or a restore stopped half-way would leave a file half-written."""
        self._set_busy(True)
        if busy is None:
            self._tasks.run(self, fn, on_done=on_done, on_finally=self._finished)
        else:
            self._tasks.run_busy(self, fn, label=busy, on_done=on_done, on_finally=self._finished)

    def _finished(self) -> None:
        self._set_busy(False)
        self.reload()

    def _done(self, text: str) -> None:
        self.last_message = text
        self._inform(text)

    def _inform(self, text: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Backups"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keep_open(box)
        box.open()
        return box
