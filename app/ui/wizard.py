"""The first-run wizard: the station, its villages, the first administrator, empty or demo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.errors import AppError, InvalidInput
from app.services.access import passwords
from app.services.context import Actor
from app.services.settings.setup import STATION_CODE, SetupService, clean_villages
from app.services.staff.users import LOGIN
from app.store.engine import Database
from app.ui.form_errors import ErrorLabel, on_change
from app.ui.help.guide import FIRST_START
from app.ui.help.window import add_help_key, show_help
from app.ui.tasks import IsCancelled, Progress, TaskRunner

if TYPE_CHECKING:
    from app.demo.builder import DemoSummary


def _row(form: QFormLayout, label: str, field: QWidget) -> ErrorLabel:
    """A labelled field with its error line just below it; editing the field clears it."""
    error = ErrorLabel()
    on_change(field, lambda: error.set_error(""))
    form.addRow(label, field)
    form.addRow("", error)
    return error


class StationPage(QWizardPage):
    """Page 1: the station's name, code and county."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your station"))
        self.setSubTitle(
            self.tr("Welcome to Station Desk. First, tell us which social work station this is.")
        )
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Meilin Town Social Work Station"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("JX0426")
        self.code.setMaxLength(16)
        self.county = QLineEdit()
        self.name_error = _row(form, self.tr("Station name"), self.name)
        self.code_error = _row(form, self.tr("Station code"), self.code)
        self.county_error = _row(form, self.tr("County or district"), self.county)
        hint = QLabel(self.tr("The station code is 2 to 16 letters or digits, e.g. JX0426."))
        hint.setWordWrap(True)
        form.addRow("", hint)

    def validatePage(self) -> bool:
        name_ok = bool(self.name.text().strip())
        self.name_error.set_error("" if name_ok else self.tr("Please enter the station's name."))
        code_ok = bool(STATION_CODE.match(self.code.text().strip()))
        self.code_error.set_error(
            "" if code_ok else self.tr("The station code must be 2 to 16 letters or digits.")
        )
        return name_ok and code_ok


class VillagesPage(QWizardPage):
    """Page 2: the villages and communities the station serves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Villages and communities"))
        self.setSubTitle(
            self.tr(
                "Enter the villages and communities your station serves, one per line. "
                "You can add, rename or retire them later in Settings."
            )
        )
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Meilin Village\nDongshan Village\nHekou Community"))
        self.error = ErrorLabel()
        layout.addWidget(self.text)
        layout.addWidget(self.error)

    def villages(self) -> list[str]:
        return clean_villages(self.text.toPlainText().splitlines())

    def validatePage(self) -> bool:
        ok = bool(self.villages())
        self.error.set_error("" if ok else self.tr("Enter at least one village or community."))
        return ok


class AdminPage(QWizardPage):
    """Page 3: the first administrator account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "This account manages users, villages and code lists. "
                "Usually the station head holds it."
            )
        )
        form = QFormLayout(self)
        self.login = QLineEdit()
        self.login.setPlaceholderText("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_error = _row(form, self.tr("User name"), self.login)
        self.display_error = _row(form, self.tr("Full name"), self.display_name)
        self.password_error = _row(form, self.tr("Password"), self.password)
        self.repeat_error = _row(form, self.tr("Password again"), self.repeat)
        hint = QLabel(
            self.tr(
                "The user name is letters, digits, dots, underscores or hyphens. The password "
                "has at least 8 characters and must differ from the user name."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)

    def validatePage(self) -> bool:
        login = self.login.text().strip()
        login_ok = bool(LOGIN.match(login))
        self.login_error.set_error(
            ""
            if login_ok
            else self.tr("The user name must be 2 to 32 letters, digits, dots, _ or -.")
        )
        password_message = ""
        try:
            passwords.check_rules(self.password.text(), login=login)
        except InvalidInput as exc:
            password_message = exc.message
        self.password_error.set_error(password_message)
        same = self.password.text() == self.repeat.text()
        self.repeat_error.set_error("" if same else self.tr("The two passwords are different."))
        return login_ok and not password_message and same


class StartPage(QWizardPage):
    """Page 4: start with an empty station or with demonstration data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How to start"))
        self.setSubTitle(self.tr("Choose how the station's records begin."))
        layout = QVBoxLayout(self)
        self.empty = QRadioButton(self.tr("Start empty: we will enter our own clients"))
        self.demo = QRadioButton(
            self.tr("Start with demo data: made-up clients to try the program with")
        )
        self.empty.setChecked(True)
        warning = QLabel(
            self.tr(
                "Demo data are invented people for training. Do not choose it on the "
                "computer where you will keep real records."
            )
        )
        warning.setWordWrap(True)
        self.error = ErrorLabel()
        for widget in (self.empty, self.demo, warning, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)


class SetupWizard(QWizard):
    """Sets up a new database; `actor` is the administrator once it has finished."""

    def __init__(self, *, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.actor: Actor | None = None
        self.demo_result: DemoSummary | None = None
        self.setWindowTitle(self.tr("Station Desk: first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.station = StationPage()
        self.villages = VillagesPage()
        self.admin = AdminPage()
        self.start = StartPage()
        for page in (self.station, self.villages, self.admin, self.start):
            self.addPage(page)
        self.resize(640, 520)
        # The guide's first page, beside the wizard (which blocks every other window).
        self.setOption(QWizard.WizardOption.HaveHelpButton)
        self.helpRequested.connect(lambda: show_help(self, FIRST_START))
        add_help_key(self, FIRST_START)

    def accept(self) -> None:
        """Finish pressed: set the station up in the background, then close."""
        self._busy(True)
        station, admin = self.station, self.admin
        name, code, county = station.name.text(), station.code.text(), station.county.text()
        villages = self.villages.villages()
        login, display_name = admin.login.text(), admin.display_name.text()
        password = admin.password.text()
        setup = SetupService(self._db)

        def initialise() -> Actor:
            return setup.initialise(
                station_name=name,
                station_code=code,
                county=county,
                villages=villages,
                admin_login=login,
                admin_display_name=display_name,
                password=password,
            )

        self._tasks.run(
            self,
            initialise,
            on_done=self._initialised,
            on_error=self._setup_failed,
            on_finally=lambda: self._busy(self.actor is not None),
        )

    def _initialised(self, actor: Actor) -> None:
        self.actor = actor
        if not self.start.demo.isChecked():
            super().accept()
            return
        db = self._db

        # The demo builder loads only on the first start that asks for it.
        from app.demo.builder import fill_station

        def fill(progress: Progress, is_cancelled: IsCancelled) -> DemoSummary:
            return fill_station(
                db, actor, scale="small", seed=1, progress=progress, is_cancelled=is_cancelled
            )

        self._tasks.run_with_progress(
            self,
            fill,
            label=self.tr("Making demo data…"),
            on_done=self._demo_done,
            on_finally=super().accept,
        )

    def _demo_done(self, result: DemoSummary) -> None:
        self.demo_result = result

    def demo_notice(self) -> str:
        """What the demo fill made, and the demo staff's logins, for the login screen."""
        result = self.demo_result
        if result is None:
            return ""
        if result.cancelled:
            return self.tr("Making demo data was cancelled; the station starts empty.")
        notice = self.tr("Demo data made: {clients} clients in {villages} villages.").format(
            clients=result.clients, villages=result.villages
        )
        if result.staff_logins:
            notice += "\n" + self.tr("Demo staff accounts: {logins} (password {password}).").format(
                logins=", ".join(result.staff_logins[:4]), password=result.staff_password
            )
        return notice

    def _setup_failed(self, error: AppError) -> bool:
        """Put a refused field's message next to it and go back to its page."""
        if not isinstance(error, InvalidInput):
            return False
        targets = {
            "station_name": (self.station, self.station.name_error),
            "station_code": (self.station, self.station.code_error),
            "admin_login": (self.admin, self.admin.login_error),
            "password": (self.admin, self.admin.password_error),
        }
        page, label = targets.get(error.field, (self.start, self.start.error))
        label.set_error(error.message)
        while self.currentPage() is not page and self.currentId() > self.startId():
            self.back()
        return True

    def _busy(self, busy: bool) -> None:
        for button in (
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(button).setEnabled(not busy)
