"""Finding the non-blocking dialogs the shell opens, and closing them after a test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
