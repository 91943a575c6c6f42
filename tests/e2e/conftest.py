"""Fixtures of the end-to-end tests, which run `run_gui` itself."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

import app.ui.app as gui
from app.ui.i18n import remove_translations


@pytest.fixture
def gui_app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """run_gui on the test's QApplication, with what it changes put back afterwards."""
    # pytest-qt reports exceptions in Qt callbacks itself; the crash dialog would hide them.
    monkeypatch.setattr(gui, "install_excepthook", lambda: None)
    font, quit_on_close = qapp.font(), qapp.quitOnLastWindowClosed()
    yield qapp
    remove_translations(qapp)
    qapp.setStyleSheet("")
    qapp.setFont(font)
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
