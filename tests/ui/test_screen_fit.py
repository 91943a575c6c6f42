"""A form taller than the screen scrolls inside its dialog; its buttons stay in view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from app.ui.form_errors import ErrorLabel
from app.ui.screen_fit import DEFAULT_FRAME, SCROLL_NAME, ScreenFit

SMALL = QRect(0, 0, 1093, 580)  # 1366×768 at 125 %, without the taskbar


@pytest.fixture
def small_screen(qapp: QApplication) -> Iterator[None]:
    fit = ScreenFit(area=lambda _widget: SMALL)
    qapp.installEventFilter(fit)
    yield
    qapp.removeEventFilter(fit)


def form(rows: int) -> tuple[QDialog, list[QLineEdit], ErrorLabel, QDialogButtonBox]:
    """Built like the app's forms: fields, an error line, then the buttons."""
    dialog = QDialog()
    fields = QFormLayout()
    edits = [QLineEdit() for _ in range(rows)]
    for number, edit in enumerate(edits):
        fields.addRow(f"field {number}", edit)
    error = ErrorLabel()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    layout = QVBoxLayout(dialog)
    layout.addLayout(fields)
    layout.addWidget(error)
    layout.addWidget(buttons)
    dialog.resize(760, 900)
    return dialog, edits, error, buttons


@pytest.mark.usefixtures("small_screen")
def test_a_tall_form_scrolls_and_keeps_its_buttons_in_view(qtbot: QtBot) -> None:
    dialog, edits, error, buttons = form(40)
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().height() > SMALL.height()
    dialog.show()
    qtbot.waitExposed(dialog)
    # Where it goes is QDialog's business (centred on the real screen); its size is ours.
    room = SMALL.marginsRemoved(DEFAULT_FRAME).size()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    scroll = dialog.findChild(QScrollArea, SCROLL_NAME)
    assert scroll is not None
    assert all(scroll.isAncestorOf(edit) for edit in edits)
    assert not scroll.isAncestorOf(buttons) and not scroll.isAncestorOf(error)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isVisible()
    assert dialog.rect().contains(QRect(save.mapTo(dialog, save.rect().topLeft()), save.size()))


@pytest.mark.usefixtures("small_screen")
def test_a_form_that_fits_is_left_as_it_is(qtbot: QtBot) -> None:
    dialog, _edits, _error, _buttons = form(3)
    dialog.resize(500, 300)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QScrollArea, SCROLL_NAME) is None
    assert (dialog.width(), dialog.height()) == (500, 300)


@pytest.mark.usefixtures("small_screen")
def test_a_form_placed_off_the_screen_is_brought_onto_it(qtbot: QtBot) -> None:
    dialog, _edits, _error, _buttons = form(3)
    dialog.resize(500, 300)
    dialog.move(5000, 400)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert SMALL.contains(dialog.geometry())
