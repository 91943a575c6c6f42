"""Idle auto-lock: after some minutes without input the window is covered until a password.

The same user unlocks with their password (failures count toward the lockout as at the
login). Another user may sign in instead: the window asks about the first user's open
forms, then closes and the app starts again as the new user, through the same loop that
follows a restore. 退出 (or Ctrl+Q) quits from the lock, through the window's own close.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, AuthenticationFailed
from app.services.access.auth import AuthService
from app.services.context import Actor, Changes
from app.services.settings.stations import SettingsService
from app.ui.tasks import TaskRunner

IDLE_MINUTES_KEY = "session.idle_lock_minutes"
DEFAULT_MINUTES = 10
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockOverlay(QFrame):
    """Covers the whole window: who locked it, and a login to unlock or to switch user."""

    WIDTH = 460

    def __init__(self, *, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._actor = actor
        title = QLabel(self.tr("Station Desk is locked"))
        font = title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        self.who = QLabel(
            self.tr("Locked for {name} ({login}, {role})").format(
                name=actor.display_name, login=actor.login, role=actor.role.label
            )
        )
        self.who.setObjectName("lockedUser")
        self.who.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "{name}, enter your password to go on. Another user may sign in instead "
                "(Switch user): {name}'s session then ends, and forms left open are asked "
                "about first."
            ).format(name=actor.display_name)
        )
        self.note.setObjectName("lockNote")
        self.note.setWordWrap(True)
        self.login = QLineEdit(actor.login)
        self.login.setObjectName("lockLogin")
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("Switch user"))
        self.switch_button.setToolTip(self.tr("Sign in as another user"))
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setToolTip(self.tr("Quit Station Desk (Ctrl+Q)"))
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget()
        box.setObjectName("lockBox")
        # A fixed width, and no alignment flag around it: the wrapped labels are then given
        # the height their text needs at the width they really get.
        box.setFixedWidth(self.WIDTH)
        inner = QVBoxLayout(box)
        for label in (title, self.who, self.note):
            inner.addWidget(label)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.password.returnPressed.connect(self.unlock_button.click)
        self.login.textChanged.connect(self._name_changed)
        self.switch_button.clicked.connect(self.for_another_user)

    def for_another_user(self) -> None:
        """Empty the fields for someone else; the locked user may still type their own name."""
        self.login.clear()
        self.password.clear()
        self.error.clear()
        self.login.setFocus()

    def _name_changed(self, login: str) -> None:
        mine = login.strip() in ("", self._actor.login)
        self.unlock_button.setText(self.tr("Unlock") if mine else self.tr("Sign in"))


class IdleLock(QObject):
    """Watches input application-wide and locks `window` after the idle time."""

    # Another user signed in at the lock: their Actor, or None when they must first
    # choose a new password (the ordinary login asks for it).
    switched = Signal(object)

    def __init__(
        self,
        *,
        window: QMainWindow,
        actor: Actor,
        auth: AuthService,
        settings: SettingsService,
        tasks: TaskRunner,
        timeout_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._actor = actor
        self._auth = auth
        self._tasks = tasks
        self._hidden: list[QWidget] = []
        self.overlay: LockOverlay | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.timer.setInterval(timeout_ms or DEFAULT_MINUTES * 60_000)
        _app().installEventFilter(self)
        self.timer.start()
        if timeout_ms is None:
            self._settings = settings
            self._read_minutes()
            # A new timeout saved in the settings applies at once, not at the next start.
            tasks.bus.changed.connect(self._settings_changed)

    def _read_minutes(self) -> None:
        settings = self._settings
        self._tasks.run(
            self, lambda: settings.get(IDLE_MINUTES_KEY, DEFAULT_MINUTES), on_done=self._set_minutes
        )

    def _settings_changed(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self._read_minutes()

    @property
    def locked(self) -> bool:
        return self.overlay is not None

    @property
    def hidden_windows(self) -> list[QWidget]:
        """The dialogs the lock hid, to be shown again on unlock."""
        return list(self._hidden)

    def _set_minutes(self, minutes: object) -> None:
        if not isinstance(minutes, int | float) or minutes <= 0:
            return
        if self.locked:
            self.timer.setInterval(int(minutes * 60_000))  # used once the user is back
        else:
            self.timer.start(int(minutes * 60_000))

    def stop(self) -> None:
        """The window is going away: stop watching."""
        self.timer.stop()
        _app().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        overlay = self.overlay
        if overlay is not None:
            if kind == QEvent.Type.Resize and watched is self._window:
                overlay.setGeometry(self._window.rect())
            # The window's shortcuts (Ctrl+1…) must not reach the pages behind the cover;
            # other windows (another lock's, a test's) are none of this lock's business.
            if kind not in (QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride):
                return False
            if not isinstance(watched, QWidget) or overlay.isAncestorOf(watched):
                return False
            return watched is self._window or self._window.isAncestorOf(watched)
        if kind in _ACTIVITY:
            self.timer.start()
        return False

    def lock(self, *, for_another_user: bool = False) -> None:
        """Clear what is sensitive, hide open dialogs and cover the window."""
        if self.locked:
            if for_another_user and self.overlay is not None:
                self.overlay.for_another_user()
            return
        self.timer.stop()
        # Here, not at the top: the clients page's modules (~3 MB) load when it is first
        # shown, and the window's lock must not load them with the dashboard.
        from app.ui.clients.detail import ClientDetailPanel
        from app.ui.clients.form import ClientFormDialog

        for panel in self._window.findChildren(ClientDetailPanel):
            panel.mask_again()
        for form in self._window.findChildren(ClientFormDialog):
            form.mask_again()
        self._hidden = [
            w for w in self._window.findChildren(QWidget) if w.isWindow() and w.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()
            if isinstance(widget, QDialog):
                # Closed while hidden (its save finished, the session is leaving): gone.
                widget.finished.connect(lambda _result, w=widget: self._forget(w))
        self._set_behind_enabled(False)
        overlay = LockOverlay(actor=self._actor, parent=self._window)
        overlay.unlock_button.clicked.connect(self._submit)
        overlay.quit_button.clicked.connect(self._window.close)
        # The menu bar is disabled behind the cover, and its Exit with it.
        QShortcut(QKeySequence("Ctrl+Q"), overlay, self._window.close)
        overlay.setGeometry(self._window.rect())
        overlay.show()
        overlay.raise_()
        self.overlay = overlay
        if for_another_user:
            overlay.for_another_user()
        else:
            overlay.password.setFocus()

    def _forget(self, widget: QWidget) -> None:
        if widget in self._hidden:
            self._hidden.remove(widget)

    def _submit(self) -> None:
        overlay = self.overlay
        if overlay is None:
            return
        login, password = overlay.login.text().strip(), overlay.password.text()
        overlay.unlock_button.setEnabled(False)
        auth = self._auth
        self._tasks.run(
            self,
            lambda: auth.login(login=login, password=password),
            on_done=self._signed_in,
            on_error=self._refused,
            on_finally=lambda: overlay.unlock_button.setEnabled(True),
        )

    def _refused(self, error: AppError) -> bool:
        if not isinstance(error, AuthenticationFailed) or self.overlay is None:
            return False
        self.overlay.error.setText(error.message)
        self.overlay.password.clear()
        self.overlay.password.setFocus()
        return True

    def _signed_in(self, actor: Actor) -> None:
        if actor.user_id == self._actor.user_id:
            self.unlock()
            return
        # Someone else: this user's session ends and the window closes (once the open
        # forms are dealt with; until then the cover stays).
        if self.overlay is not None:
            self.overlay.password.clear()
        self.switched.emit(None if actor.must_change_password else actor)

    def unlock(self) -> None:
        """Take the cover away and bring back the dialogs that were open."""
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None
        self._set_behind_enabled(True)
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden = []
        self.timer.start()

    def _set_behind_enabled(self, enabled: bool) -> None:
        # Tab must not walk the focus into the pages behind the cover.
        self._window.menuBar().setEnabled(enabled)
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(enabled)


def _app() -> QCoreApplication:
    app = QCoreApplication.instance()
    assert app is not None, "the idle lock needs a running application"
    return app
