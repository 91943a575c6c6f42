"""The county's keys in 设置 → 数据交换 (county side): making the county's key pair, and
registering a station's signing public key handed over on a USB stick or by mail, with how
many stations have one registered (a station without it cannot send key-pair packages)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.services.packages.keys import CreatedKeys
from app.services.packages.service import PackageService
from app.services.packages.signing import SigningKey
from app.ui.clients.prompts import tell
from app.ui.dialogs import keep_open
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

StationKeys = list[tuple[str, str, str]]  # code, name, registered fingerprint ("": none)


class CountyKeysRow(QWidget):
    """How many stations sign their packages, and the two key tasks of the administrator."""

    key_made = Signal()  # the county's public key is now kept in this database

    def __init__(
        self, *, packages: PackageService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._packages = packages
        self._tasks = tasks
        self.stations: StationKeys = []
        self.dialog: ServiceFormDialog | None = None  # the last one opened
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Make the county's key pair…"), self)
        self.create_button.clicked.connect(self.create_keys)
        self.trust_button = QPushButton(self.tr("Register a station's signing key…"), self)
        self.trust_button.clicked.connect(self.trust_key)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.create_button)
        row.addWidget(self.trust_button)
        tasks.bus.changed.connect(
            lambda changes: self.reload() if changes.touches("package") else None
        )
        self.reload()

    def reload(self) -> None:
        self._tasks.run(self, self._packages.station_signing_keys, on_done=self._show)

    def _show(self, stations: StationKeys) -> None:
        self.stations = stations
        missing = [f"{code} {name}" for code, name, fingerprint in stations if not fingerprint]
        self.status.setText(
            self.tr("Stations with a registered signing key: {n} of {total}.").format(
                n=len(stations) - len(missing), total=len(stations)
            )
        )
        self.status.setToolTip(
            self.tr("Not registered yet: {names}").format(names="、".join(missing))
            if missing
            else ""
        )

    def create_keys(self) -> None:
        dialog = CreateKeysDialog(
            packages=self._packages, tasks=self._tasks, folder=self._packages.key_folder(),
            parent=self,
        )  # fmt: skip
        dialog.saved.connect(self._created)
        self._open(dialog)

    def _created(self, made: CreatedKeys) -> None:
        self.key_made.emit()
        self.say(
            self.tr("The county's key pair is made. Public key fingerprint: {fp}\n\n"
                    "Private key (sealed with the passphrase; keep it at the county and make "
                    "a copy on another disk): {private}\n"
                    "Public key (for the stations; every return package brings it too): "
                    "{public}").format(
                fp=made.public.fingerprint, private=made.private_path, public=made.public_path
            ),
        )  # fmt: skip

    def trust_key(self) -> None:
        dialog = TrustDialog(
            packages=self._packages, tasks=self._tasks, stations=self.stations, parent=self
        )
        dialog.saved.connect(self._trusted)
        self._open(dialog)

    def _trusted(self, key: SigningKey) -> None:
        self.reload()
        self.say(
            self.tr("The station's signing key is registered, fingerprint {fp}.\n"
                    "Compare it with the station by phone.").format(fp=key.fingerprint),
        )  # fmt: skip

    def say(self, text: str) -> None:
        """A message box here; tests replace it."""
        tell(self, text)

    def _open(self, dialog: ServiceFormDialog) -> None:
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _file_row(edit: QLineEdit, browse: QPushButton) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return holder


class CreateKeysDialog(ServiceFormDialog):
    """Folder and passphrase (twice) for a new key pair of the county."""

    kept_refusals = (InvalidInput,)

    def __init__(
        self, *, packages: PackageService, tasks: TaskRunner, folder: Path,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            title=self.tr("Make the county's key pair"), tasks=tasks, min_width=520, parent=parent
        )
        self._packages = packages
        note = QLabel(
            self.tr("Stations encrypt their packages with the public key; only the private "
                    "key opens them. Keep the private key and its passphrase at the county: "
                    "without them the packages cannot be opened."), self,
        )  # fmt: skip
        note.setWordWrap(True)
        self.body.insertWidget(0, note)
        self.folder = QLineEdit(str(folder), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.passphrase = _secret()
        self.again = _secret()
        self.add_row(self.tr("Folder"), _file_row(self.folder, browse))
        self.add_row(self.tr("Passphrase"), self.passphrase, field="passphrase")
        self.add_row(self.tr("Passphrase again"), self.again)
        self.save_button.setText(self.tr("Make"))

    def call(self) -> ServiceCall | None:
        folder = self.folder.text().strip()
        if not folder:
            self.error.set_error(self.tr("Choose a folder for the key files."))
            return None
        if self.passphrase.text() != self.again.text():
            self.error.set_error(self.tr("The two passphrases differ."))
            return None
        packages, passphrase = self._packages, self.passphrase.text()
        return lambda: packages.create_county_keys(folder=Path(folder), passphrase=passphrase)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the key files"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)


class TrustDialog(ServiceFormDialog):
    """A station and the signing public key file it handed over."""

    kept_refusals = (InvalidInput,)

    def __init__(
        self, *, packages: PackageService, tasks: TaskRunner, stations: StationKeys,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            title=self.tr("Register a station's signing key"), tasks=tasks, min_width=520,
            parent=parent,
        )  # fmt: skip
        self._packages = packages
        note = QLabel(
            self.tr("A station that encrypts its packages with the county's public key signs "
                    "them with a key of its own. Register the public half here when the "
                    "station hands the file over (signing-key-….pub.pem); a package sent "
                    "with the package password registers it too."), self,
        )  # fmt: skip
        note.setWordWrap(True)
        self.body.insertWidget(0, note)
        self.station = QComboBox(self)
        for code, name, fingerprint in stations:
            shown = fingerprint or self.tr("none registered")
            self.station.addItem(f"{code} {name}（{shown}）", code)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.add_row(self.tr("Station"), self.station)
        self.add_row(self.tr("Public key file"), _file_row(self.path, browse))
        self.save_button.setText(self.tr("Register"))

    def call(self) -> ServiceCall | None:
        code, path = self.station.currentData(), self.path.text().strip()
        if code is None or not path:
            self.error.set_error(self.tr("Choose the station and its public key file."))
            return None
        try:
            pem = Path(path).read_bytes()
        except OSError:
            self.error.set_error(self.tr("Cannot open the file {path}.").format(path=path))
            return None
        packages = self._packages
        return lambda: packages.trust_signing_key(station_code=str(code), pem=pem)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open the station's signing public key"), "", "*.pem"
        )
        if chosen:
            self.path.setText(chosen)
