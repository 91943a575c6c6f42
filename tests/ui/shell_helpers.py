"""Finding the non-blocking dialogs the shell opens, and closing them after a test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui import garbage
from app.ui.i18n import install_translations, remove_translations

W = TypeVar("W", bound=QWidget)


def visible(kind: type[W]) -> list[W]:
    """Every visible widget of this type (dialogs are top-level even with a parent)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def message_texts() -> list[str]:
    return [box.text() for box in visible(QMessageBox)]


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.isWindow():
            widget.close()


def close_windows() -> None:
    """Close every window still open, as a user would (dialogs are rejected)."""
    close_dialogs()
    QApplication.processEvents()


def delete_windows() -> None:
    """Delete every window a test made and left, then whatever it leaves behind.

    Only windows made from Python without a parent: the others belong to a parent that
    goes with them, or to Qt itself (a completer's popup, the tooltip).
    """
    close_windows()
    for widget in QApplication.topLevelWidgets():
        if widget.parent() is None and shiboken6.createdByPython(widget):
            widget.deleteLater()
    for _ in range(2):  # a deleted window's queued results and deleteLater()s, then theirs
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    garbage.collect_now()


@contextmanager
def chinese_ui() -> Iterator[None]:
    """The app's Chinese translation installed for the duration (it is the default)."""
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    assert install_translations(qt_app), "run `make translations` first"
    try:
        yield
    finally:
        remove_translations(qt_app)
