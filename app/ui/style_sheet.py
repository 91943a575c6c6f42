"""The app's style sheet, set on the few widgets it styles rather than on the application.

A sheet set on the QApplication makes Qt keep style data for every one of the window's
~2,100 widgets (about 17 MB once every page is open on the county database). The sheet
styles only the sidebar, the login's station name and the status bar, so each of them
takes it; its rules name their widgets, so one text serves all three.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import QWidget

from app import resources


@cache
def _text() -> str:
    path = resources.stylesheet()
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def apply(widget: QWidget) -> None:
    """Style `widget` and its children by the app's sheet."""
    widget.setStyleSheet(_text())
