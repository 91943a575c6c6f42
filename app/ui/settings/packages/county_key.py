"""The county's key pair in 设置 → 数据交换: how this station's packages are sealed (the
county's public key, with its fingerprint, or the package password) and the station's
signing key that proves it sent them, installing the public key, and the county's
question for its private key file and passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.packages.keys import KeyFile, PublicKey
from app.services.packages.service import PackageService
from app.services.packages.signing import SigningKey
from app.ui.clients.prompts import tell
from app.ui.tasks import TaskRunner


class CountyKeyRow(QWidget):
    """Whether packages go by the county's public key or by the package password."""

    def __init__(
        self, *, packages: PackageService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._packages = packages
        self._tasks = tasks
        self.key: PublicKey | None = None
        self.signing: SigningKey | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.install_button = QPushButton(self.tr("Install the county's public key…"), self)
        self.install_button.clicked.connect(self.install)
        self.use_password = QCheckBox(self.tr("Use the package password instead"), self)
        self.use_password.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.use_password)
        row.addWidget(self.install_button)
        self.reload()

    @property
    def by_key(self) -> bool:
        """The next package goes sealed for the county's public key."""
        return self.key is not None and not self.use_password.isChecked()

    def reload(self) -> None:
        self._tasks.run(self, self._keys, on_done=self._show)

    def _keys(self) -> tuple[PublicKey | None, SigningKey | None]:
        return self._packages.county_key(), self._packages.signing_key()

    def _show(self, keys: tuple[PublicKey | None, SigningKey | None]) -> None:
        key, self.signing = keys
        self.key = key
        self.use_password.setVisible(key is not None)
        if key is None:
            text = self.tr("Packages are encrypted with the package password the county gave.")
        else:
            text = self.tr(
                "Packages are encrypted for the county's public key, fingerprint {fp}."
            ).format(fp=key.fingerprint)
        if key is not None and self.signing is not None:
            text += "\n" + self.tr(
                "This station signs them with its signing key, fingerprint {fp} "
                "(public key file: {path})."
            ).format(fp=self.signing.fingerprint, path=self.signing.path)
        self.status.setText(text)

    def install(self) -> None:
        path = self.choose_public_key()
        if path is None:
            return
        packages = self._packages

        def installed() -> tuple[PublicKey | None, SigningKey | None]:
            packages.install_county_key(pem=path.read_bytes())
            return self._keys()

        def done(keys: tuple[PublicKey | None, SigningKey | None]) -> None:
            self._show(keys)
            key, signing = keys
            assert key is not None and signing is not None
            tell(
                self,
                self.tr("The county's public key is installed. Fingerprint: {fp}\n"
                        "Compare it with the county by phone.").format(fp=key.fingerprint)
                + "\n\n"
                + self.tr("This station signs its packages with its own signing key, "
                          "fingerprint {fp}. The county registers it from the next package "
                          "sent with the package password, or from the file {path}.")
                .format(fp=signing.fingerprint, path=signing.path),
            )  # fmt: skip

        self._tasks.run(self, installed, on_done=done)

    def choose_public_key(self) -> Path | None:
        """Asked here; tests replace it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open the county's public key"), "", "*.pem"
        )
        return Path(chosen) if chosen else None


class KeyDialog(QDialog):
    """The county's private key file and its passphrase, for a package sealed for its key."""

    def __init__(self, *, fingerprint: str, path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("County private key"))
        note = QLabel(
            self.tr("This package is encrypted for the county's public key, fingerprint {fp}. "
                    "Open it with the county's private key file and its passphrase.")
            .format(fp=fingerprint), self,
        )  # fmt: skip
        note.setWordWrap(True)
        self.path_edit = QLineEdit(str(path) if path else "", self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Private key file"), file_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.path_edit, self.passphrase):
            edit.textChanged.connect(self._enable)
        self._enable()
        self.setMinimumWidth(480)

    def key_file(self) -> KeyFile:
        return KeyFile(Path(self.path_edit.text().strip()), self.passphrase.text())

    def _enable(self) -> None:
        ready = bool(self.path_edit.text().strip() and self.passphrase.text())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(ready)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open the county's private key"), self.path_edit.text(), "*.pem"
        )
        if chosen:
            self.path_edit.setText(chosen)
