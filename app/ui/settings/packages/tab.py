"""设置 → 数据交换: export this station's package, import the county's return package; at
the county, preview and import a station's package, send its return package, and decide
conflicts. Every step runs through the task runner; the files, the package password and
the county's private key are asked for here (tests replace the asking methods)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.packages.container import Lock
from app.services.packages.keys import PRIVATE_NAME, KeyFile
from app.services.packages.service import PackageService
from app.services.packages.tables import label
from app.services.packages.types import (
    ExportResult,
    ImportResult,
    PackageLogRow,
    ReturnExport,
    ReturnImport,
)
from app.store.location import data_dir
from app.ui.clients.prompts import tell
from app.ui.settings.packages.conflicts import ConflictsPanel
from app.ui.settings.packages.county_key import CountyKeyRow, KeyDialog
from app.ui.settings.packages.county_keys import CountyKeysRow
from app.ui.settings.packages.decisions import DecisionsTable
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner

T = TypeVar("T")
FILTER = "*.sdpkg"


class DataExchangeTab(QWidget):
    def __init__(
        self,
        *,
        packages: PackageService,
        tasks: TaskRunner,
        county: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._packages = packages
        self._tasks = tasks
        self.last_message = ""
        self.preview: ImportResult | None = None
        self._preview_path: Path | None = None
        self._preview_password = ""
        self._preview_key: KeyFile | None = None
        self._key_path: Path | None = None

        own = QGroupBox(self.tr("This station"), self)
        self.export_button = QPushButton(self.tr("Export data package…"), own)
        self.export_button.clicked.connect(self.export_package)
        self.ack_button = QPushButton(self.tr("Import return package…"), own)
        self.ack_button.clicked.connect(self.import_return)
        self.county_key = CountyKeyRow(packages=packages, tasks=tasks, parent=own)
        self.decisions = DecisionsTable(packages=packages, tasks=tasks, parent=own)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.ack_button)
        row.addStretch(1)
        own_layout = QVBoxLayout(own)
        own_layout.addLayout(row)
        own_layout.addWidget(self.county_key)
        own_layout.addWidget(self.decisions)

        hub = QGroupBox(self.tr("County"), self)
        self.import_button = QPushButton(self.tr("Import data package…"), hub)
        self.import_button.clicked.connect(self.choose_package)
        self.preview_label = QLabel(self.tr("Choose a package to see what it would change."), hub)
        self.preview_label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Import it"), hub)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_package)
        self.preview_table = make_table(
            [self.tr("Table"), self.tr("New"), self.tr("Changed"), self.tr("Merged"),
             self.tr("Conflicts"), self.tr("Deleted")]
        )  # fmt: skip
        self.station_box = QComboBox(hub)
        self.return_button = QPushButton(self.tr("Export return package…"), hub)
        self.return_button.clicked.connect(self.export_return)
        self.conflicts = ConflictsPanel(packages=packages, tasks=tasks, parent=hub)
        self.county_keys: CountyKeysRow | None = None
        if county:  # its first query reads every station's key
            self.county_keys = CountyKeysRow(packages=packages, tasks=tasks, parent=hub)
            self.county_keys.key_made.connect(self.county_key.reload)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.preview_label, 1)
        top.addWidget(self.apply_button)
        back = QHBoxLayout()
        back.addWidget(QLabel(self.tr("Return package for"), hub))
        back.addWidget(self.station_box)
        back.addWidget(self.return_button)
        back.addStretch(1)
        hub_layout = QVBoxLayout(hub)
        hub_layout.addLayout(top)
        hub_layout.addWidget(self.preview_table)
        hub_layout.addLayout(back)
        if self.county_keys is not None:
            hub_layout.addWidget(self.county_keys)
        hub_layout.addWidget(QLabel(self.tr("Conflicts to decide"), hub))
        hub_layout.addWidget(self.conflicts, 1)
        hub.setVisible(county)

        self.history = make_table(
            [self.tr("Kind"), self.tr("Station"), self.tr("No."), self.tr("Made"),
             self.tr("Logged")]
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(hub, 1)
        layout.addWidget(QLabel(self.tr("Packages so far"), self))
        layout.addWidget(self.history)
        tasks.bus.changed.connect(
            lambda changes: self.reload() if changes.touches("package") else None
        )
        self.reload()
        self.decisions.reload()
        if county:
            tasks.run(self, packages.stations, on_done=self._show_stations)
            self.conflicts.reload()

    # ---- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self._tasks.run(self, self._packages.history, on_done=self._show_history)

    def _show_history(self, rows: list[PackageLogRow]) -> None:
        kinds = {
            "export": self.tr("Exported"),
            "ack": self.tr("Acknowledged by the county"),
            "import": self.tr("Imported"),
            "return": self.tr("Return package"),
        }
        held = self.tr("held until the packages before it arrive")

        def when(row: PackageLogRow, made: bool) -> str:
            moment = row.created_at if made else row.logged_at
            return moment.astimezone().strftime("%Y-%m-%d %H:%M")

        def kind(row: PackageLogRow) -> str:
            label = kinds.get(row.direction, row.direction)
            return f"{label}（{held}）" if row.status == "held" else label

        set_rows(
            self.history,
            [
                (kind(r), r.station_code, str(r.sequence), when(r, True), when(r, False))
                for r in rows
            ],
        )

    def _show_stations(self, stations: list[tuple[str, str]]) -> None:
        self.station_box.clear()
        for code, name in stations:
            self.station_box.addItem(f"{name}（{code}）", code)

    # ---- the station's side ------------------------------------------------------------

    def export_package(self) -> None:
        by_key = self.county_key.by_key
        out = self.choose_save_path(self.tr("Save the data package as"))
        password: str | None = ""
        if out is not None and not by_key:
            password = self.ask_password(confirm=True)
        if out is None or password is None:
            return
        packages = self._packages

        def done(result: ExportResult) -> None:
            text = self.tr("Package no. {number} saved: {rows} records, {deleted} deletions, "
                           "{files} photos.\n{path}").format(
                number=result.sequence, rows=result.rows, deleted=result.deleted,
                files=result.files, path=out,
            )  # fmt: skip
            if result.fingerprint:
                text += "\n" + self.tr(
                    "Encrypted for the county's public key, fingerprint {fp}."
                ).format(fp=result.fingerprint)
            self._say(text)
            self.reload()

        self._run(
            lambda: packages.export_package(out=out, password=password, by_password=not by_key),
            done,
        )

    def import_return(self) -> None:
        source = self.choose_open_path(self.tr("Open the county's return package"))
        password = self.ask_password(confirm=False) if source is not None else None
        if source is None or password is None:
            return
        packages = self._packages

        def done(result: ReturnImport) -> None:
            self._say(result.text())
            self.reload()
            self.county_key.reload()

        self._run(lambda: packages.import_return(source=source, password=password), done)

    # ---- the county's side -------------------------------------------------------------

    def choose_package(self) -> None:
        source = self.choose_open_path(self.tr("Open a station's data package"))
        if source is None:
            return
        packages = self._packages
        self.apply_button.setEnabled(False)
        self._run(lambda: packages.lock_of(source), lambda lock: self._unlock(source, lock))

    def _unlock(self, source: Path, lock: Lock) -> None:
        """Ask for what opens the package (password or private key), then preview it."""
        password, key = "", None
        if lock.by_key:
            key = self.ask_key(lock.fingerprint)
            if key is None:
                return
            self._key_path = key.path
        else:
            password = self.ask_password(confirm=False) or ""
            if not password:
                return
        self._preview_path, self._preview_password, self._preview_key = source, password, key
        packages = self._packages
        self._run(
            lambda: packages.import_package(
                source=source, password=password, key=key, dry_run=True
            ),
            self._show_preview,
        )

    def _show_preview(self, result: ImportResult) -> None:
        self.preview = result
        c = result.counts
        counted = self.tr(
            "{station} ({code}), package no. {number}: {new} new, {changed} changed, "
            "{merged} merged automatically, {conflicts} conflicts, {deleted} deleted."
        ).format(
            station=result.station_name, code=result.station_code, number=result.sequence,
            new=c.new, changed=c.changed, merged=c.merged, conflicts=c.conflicts,
            deleted=c.deleted,
        )  # fmt: skip
        # Rows in closed months (月结): importing them asks for a reason (the task runner).
        self.preview_label.setText("\n".join(filter(None, (counted, result.closed_text()))))
        set_rows(
            self.preview_table,
            [(label(name), str(n.new), str(n.changed), str(n.merged), str(n.conflicts),
              str(n.deleted))
             for name, n in sorted(result.per_table.items())
             if n.new or n.changed or n.merged or n.conflicts or n.deleted],
        )  # fmt: skip
        self.apply_button.setEnabled(True)

    def apply_package(self) -> None:
        if self._preview_path is None:
            return
        source, password, packages = self._preview_path, self._preview_password, self._packages
        key = self._preview_key

        def done(result: ImportResult) -> None:
            self.preview = None
            self._preview_path, self._preview_password, self._preview_key = None, "", None
            self.preview_label.setText(result.text())
            self._say(result.text())
            self.reload()
            self.conflicts.reload()

        self.apply_button.setEnabled(False)
        self._run(lambda: packages.import_package(source=source, password=password, key=key), done)

    def export_return(self) -> None:
        code = self.station_box.currentData()
        if not code:
            return
        out = self.choose_save_path(self.tr("Save the return package as"))
        password = self.ask_password(confirm=True) if out is not None else None
        if out is None or password is None:
            return
        packages = self._packages

        def done(result: ReturnExport) -> None:
            self._say(
                self.tr("Return package for {code} saved: it acknowledges packages up to no. "
                        "{number}.\n{path}").format(
                    code=result.station_code, number=result.acknowledged, path=out
                )
            )  # fmt: skip
            self.reload()

        self._run(
            lambda: packages.export_return(station_code=str(code), out=out, password=password), done
        )

    # ---- asking the user (tests replace these) -------------------------------------------

    def choose_save_path(self, caption: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, caption, "", FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".sdpkg")

    def choose_open_path(self, caption: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self, caption, "", FILTER)
        return Path(chosen) if chosen else None

    def ask_password(self, *, confirm: bool) -> str | None:
        """The package password the county gave; asked twice when a package is made."""
        text, ok = QInputDialog.getText(
            self, self.tr("Package password"), self.tr("Package password:"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if not ok or not text:
            return None
        if confirm:
            again, ok = QInputDialog.getText(
                self, self.tr("Package password"), self.tr("The same password again:"),
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return None
            if again != text:
                self._say(self.tr("The two passwords differ. Nothing was saved."))
                return None
        return text

    def ask_key(self, fingerprint: str) -> KeyFile | None:
        """The county's private key file and passphrase (the last file offered again)."""
        offered = self._key_path or data_dir() / PRIVATE_NAME  # where `keys create` puts it
        dialog = KeyDialog(
            fingerprint=fingerprint, path=offered if offered.exists() else None, parent=self
        )
        try:
            return dialog.key_file() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # ---- helpers -------------------------------------------------------------------------

    def _run(self, fn: Callable[[], T], on_done: Callable[[T], None]) -> None:
        self._tasks.run(self, fn, on_done=on_done)

    def _say(self, text: str) -> None:
        self.last_message = text
        tell(self, text)
