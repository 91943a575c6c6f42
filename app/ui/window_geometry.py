"""The main window's size and place, remembered per user and kept on a screen that exists.

Kept in an ini file in the data folder rather than the database: where a window sits
belongs to this computer's screens, not to the station's records. Several workers share
one office PC under one system account, so the key names the app's user.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.services.context import Actor
from app.store.location import data_dir

FILE_NAME = "window.ini"
DEFAULT_SIZE = QSize(1200, 760)


def _settings() -> QSettings:
    return QSettings(str(data_dir() / FILE_NAME), QSettings.Format.IniFormat)


def _key(actor: Actor) -> str:
    return f"station-{actor.station_id}/user-{actor.user_id}/geometry"


def save(window: QWidget, actor: Actor) -> None:
    settings = _settings()
    settings.setValue(_key(actor), window.saveGeometry())
    settings.sync()


def restore(window: QWidget, actor: Actor) -> None:
    """The user's last size and place; else a default size that fits the screen, centred."""
    saved = _settings().value(_key(actor))
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        keep_on_screen(window)
        return
    area = _available(window.screen().availableGeometry() if window.screen() else None)
    window.resize(DEFAULT_SIZE)
    window.move(area.center() - QPoint(DEFAULT_SIZE.width() // 2, DEFAULT_SIZE.height() // 2))
    keep_on_screen(window)


def keep_on_screen(window: QWidget) -> None:
    """Move (and if need be shrink) the window so that it lies wholly on one screen.

    A place saved on a screen that is gone, or under a resolution since lowered, would
    leave the window (or its title bar) out of reach. Its frame is known only once it
    is shown, so this runs again then.
    """
    frame = window.frameGeometry()
    areas = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    if any(area.contains(frame) for area in areas):
        return
    area = _available(_nearest(frame, areas))
    extra = frame.size() - window.size()
    window.resize(window.size().boundedTo(area.size() - extra))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
    window.move(x + window.x() - frame.x(), y + window.y() - frame.y())


def _nearest(frame: QRect, areas: list[QRect]) -> QRect | None:
    centre = frame.center()

    def distance(area: QRect) -> int:
        return (area.center() - centre).manhattanLength()

    return min(areas, key=distance, default=None)


def _available(area: QRect | None) -> QRect:
    if area is not None and area.isValid():
        return area
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(QPoint(0, 0), DEFAULT_SIZE)


class ColumnStore:
    """A user's column widths of the list tables, kept beside the window's geometry."""

    def __init__(self, actor: Actor) -> None:
        self._prefix = f"station-{actor.station_id}/user-{actor.user_id}/columns"

    def load(self, table: str) -> list[int] | None:
        saved = _settings().value(f"{self._prefix}/{table}")
        if not isinstance(saved, str) or not saved:
            return None
        try:
            return [int(width) for width in saved.split(",")]
        except ValueError:
            return None  # written by hand or by another version: the defaults, not a crash

    def save(self, table: str, widths: list[int]) -> None:
        settings = _settings()
        settings.setValue(f"{self._prefix}/{table}", ",".join(str(w) for w in widths))
        settings.sync()
