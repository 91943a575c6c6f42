"""General settings: idle lock, backups, reminders, consent text version, the 补录 threshold.

Each value is read where it is used (the idle lock, the backup pruning, the reminder list,
the consent service), so a saved value takes effect in the running app: the idle lock
listens for the settings change, the others read the setting each time they run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import case_rules
from app.services.access.consent_types import DEFAULT_TEXT_VERSION, TEXT_VERSION_KEY
from app.services.backup.types import (
    KEEP_DAILY_KEY,
    KEEP_MONTHLY_KEY,
    KEEP_WEEKLY_KEY,
    Retention,
)
from app.services.context import Changes
from app.services.history import LATE_REASON_DAYS
from app.services.settings.stations import (
    LATE_REASON_DAYS_MAX,
    LATE_REASON_DAYS_MIN,
    SettingsService,
)
from app.ui.idle_lock import DEFAULT_MINUTES, IDLE_MINUTES_KEY
from app.ui.tasks import TaskRunner


@dataclass(frozen=True)
class _Setting:
    key: str
    default: Any
    per_station: bool  # else for the whole database (one PC, one idle lock, one backup folder)


def _settings() -> dict[str, _Setting]:
    backup = Retention()
    return {
        "idle_minutes": _Setting(IDLE_MINUTES_KEY, DEFAULT_MINUTES, False),
        "keep_daily": _Setting(KEEP_DAILY_KEY, backup.daily, False),
        "keep_weekly": _Setting(KEEP_WEEKLY_KEY, backup.weekly, False),
        "keep_monthly": _Setting(KEEP_MONTHLY_KEY, backup.monthly, False),
        "high_risk_days": _Setting(
            case_rules.REMINDER_HIGH_RISK_DAYS,
            case_rules.REMINDER_DEFAULTS[case_rules.REMINDER_HIGH_RISK_DAYS],
            True,
        ),
        "urgent_days": _Setting(
            case_rules.REMINDER_URGENT_DAYS,
            case_rules.REMINDER_DEFAULTS[case_rules.REMINDER_URGENT_DAYS],
            True,
        ),
        "consent_version": _Setting(TEXT_VERSION_KEY, DEFAULT_TEXT_VERSION, True),
    }


SETTINGS = _settings()
LATE_DAYS = "late_reason_days"
"""The 补录 threshold: for the whole database, through its own service methods."""


class GeneralTab(QWidget):
    """The administrator's knobs; every value has a sensible default."""

    def __init__(
        self,
        *,
        settings: SettingsService,
        station_id: int,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._station_id = station_id
        self._tasks = tasks
        self.loaded: dict[str, Any] = {}

        def spin(low: int, high: int, suffix: str) -> QSpinBox:
            box = QSpinBox(self)
            box.setRange(low, high)
            box.setSuffix(suffix)
            return box

        minutes, days, copies = self.tr(" minutes"), self.tr(" days"), self.tr(" copies")
        self.spins: dict[str, QSpinBox] = {
            "idle_minutes": spin(1, 240, minutes),
            "keep_daily": spin(1, 60, copies),
            "keep_weekly": spin(0, 52, copies),
            "keep_monthly": spin(0, 120, copies),
            "high_risk_days": spin(1, 90, days),
            "urgent_days": spin(1, 30, days),
            LATE_DAYS: spin(LATE_REASON_DAYS_MIN, LATE_REASON_DAYS_MAX, self.tr(" days back")),
        }
        self.consent_version = QLineEdit(self)
        self.consent_version.setMaxLength(32)

        def group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            for caption, widget in rows:
                form.addRow(caption, widget)
            return box

        s = self.spins
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            group(
                self.tr("Security"),
                [(self.tr("Lock the window after no input for"), s["idle_minutes"])],
            )
        )
        layout.addWidget(
            group(
                self.tr("Automatic backups kept"),
                [
                    (self.tr("Daily"), s["keep_daily"]),
                    (self.tr("Weekly"), s["keep_weekly"]),
                    (self.tr("Monthly"), s["keep_monthly"]),
                ],
            )
        )
        layout.addWidget(
            group(
                self.tr("Case reminders"),
                [
                    (self.tr("High-risk case without contact for"), s["high_risk_days"]),
                    (self.tr("Urgent case without contact for"), s["urgent_days"]),
                ],
            )
        )
        layout.addWidget(
            group(
                self.tr("Late entries"),
                [(self.tr("A late entry needs a reason when dated more than"), s[LATE_DAYS])],
            )
        )
        layout.addWidget(
            group(
                self.tr("Informed consent"),
                [(self.tr("Version of the consent text in use"), self.consent_version)],
            )
        )
        layout.addWidget(self.save_button)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self.reload()

    def _station(self, setting: _Setting) -> int | None:
        return self._station_id if setting.per_station else None

    def reload(self) -> None:
        settings = self._settings

        def load() -> dict[str, Any]:
            values = {
                name: settings.get(s.key, s.default, station_id=self._station(s))
                for name, s in SETTINGS.items()
            }
            values[LATE_DAYS] = settings.late_reason_days()
            return values

        self._tasks.run(self, load, on_done=self._show)

    def _show(self, values: dict[str, Any]) -> None:
        self.loaded = values
        for name, box in self.spins.items():
            value = values.get(name)
            default = SETTINGS[name].default if name in SETTINGS else LATE_REASON_DAYS
            box.setValue(value if isinstance(value, int) else default)
        self.consent_version.setText(str(values.get("consent_version") or DEFAULT_TEXT_VERSION))

    def values(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {name: box.value() for name, box in self.spins.items()}
        chosen["consent_version"] = self.consent_version.text().strip() or DEFAULT_TEXT_VERSION
        return chosen

    def save(self) -> None:
        settings, loaded = self._settings, dict(self.loaded)
        changed = {k: v for k, v in self.values().items() if loaded.get(k) != v}
        self.save_button.setEnabled(False)

        def store() -> Changes:
            for name, value in changed.items():
                if name == LATE_DAYS:
                    settings.set_late_reason_days(value)
                    continue
                setting = SETTINGS[name]
                settings.set(setting.key, value, station_id=self._station(setting))
            return Changes.of("settings")

        def saved(_changes: Changes) -> None:
            self.loaded.update(changed)
            self.notice.setText(self.tr("Saved. The new values are in use now."))

        self._tasks.run(
            self, store, on_done=saved, on_finally=lambda: self.save_button.setEnabled(True)
        )
