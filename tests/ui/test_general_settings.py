"""The general settings tab: saved values are what the running app uses."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.services.access.auth import AuthService
from app.services.access.consents import ConsentService
from app.services.backup.service import BackupService
from app.services.backup.types import Retention
from app.services.cases.reminders import ReminderService
from app.services.context import Actor
from app.services.settings.stations import SettingsService
from app.store.engine import Database
from app.ui.idle_lock import IdleLock
from app.ui.settings.general_tab import GeneralTab
from app.ui.tasks import TaskRunner


def make_tab(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> GeneralTab:
    tab = GeneralTab(settings=SettingsService(db, admin), station_id=admin.station_id, tasks=tasks)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: bool(tab.loaded), timeout=5_000)
    return tab


def test_defaults_are_shown(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> None:
    tab = make_tab(qtbot, db, admin, tasks)
    values = tab.values()
    assert values["idle_minutes"] == 10
    assert (values["keep_daily"], values["keep_weekly"], values["keep_monthly"]) == (7, 4, 12)
    assert (values["high_risk_days"], values["urgent_days"]) == (7, 1)
    assert values["consent_version"] == "2026-1"
    tab.grab().save("/tmp/general_settings.png")


def test_saved_values_take_effect_in_the_running_app(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = IdleLock(
        window=window, actor=admin, auth=AuthService(db), settings=SettingsService(db),
        tasks=tasks,
    )  # fmt: skip
    qtbot.waitUntil(lambda: lock.timer.interval() == 10 * 60_000, timeout=5_000)
    tab = make_tab(qtbot, db, admin, tasks)
    tab.spins["idle_minutes"].setValue(3)
    tab.spins["keep_daily"].setValue(5)
    tab.spins["keep_monthly"].setValue(24)
    tab.spins["high_risk_days"].setValue(10)
    tab.spins["urgent_days"].setValue(2)
    tab.consent_version.setText("2027-1")
    tab.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in tab.notice.text(), timeout=5_000)
    # The idle lock follows the new timeout without a restart.
    qtbot.waitUntil(lambda: lock.timer.interval() == 3 * 60_000, timeout=5_000)
    assert lock.timer.isActive()
    assert BackupService(db, admin).retention() == Retention(daily=5, weekly=4, monthly=24)
    limits = ReminderService(db, admin).thresholds()
    assert (limits.high_risk_days, limits.urgent_days) == (10, 2)
    assert ConsentService(db, admin).text_version() == "2027-1"
    lock.stop()


def test_only_changed_values_are_written(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    tab = make_tab(qtbot, db, admin, tasks)
    tab.spins["urgent_days"].setValue(3)
    tab.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in tab.notice.text(), timeout=5_000)
    settings = SettingsService(db)
    assert settings.get("reminders.urgent_days", station_id=admin.station_id) == 3
    assert settings.get("session.idle_lock_minutes") is None
