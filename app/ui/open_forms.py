"""The forms a user still has open, and the question before a quit or a switch closes them.

No form keeps a draft of what was typed, so a session that ends (quit, log out, another
user signing in at the lock) asks first and closes them only when told to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.ui.dialogs import app_title, keep_open


def open_forms(window: QWidget, hidden: Iterable[QWidget] = ()) -> list[QDialog]:
    """The dialogs of `window` that are open: shown, or hidden by the idle lock.

    Messages (a QMessageBox) are not forms: nothing typed in them is lost.
    """
    hidden_now = set(hidden)
    return [
        dialog
        for dialog in window.findChildren(QDialog)
        if not isinstance(dialog, QMessageBox)
        and dialog.isWindow()
        and (dialog.isVisible() or dialog in hidden_now)
    ]


def close_forms(forms: Iterable[QDialog]) -> None:
    """As Cancel would: what was typed and not saved goes."""
    for form in forms:
        form.reject()


def ask_to_close(
    parent: QWidget,
    forms: list[QDialog],
    *,
    owner: str,
    question: str,
    on_close: Callable[[], None],
    on_cancel: Callable[[], None] | None = None,
) -> QMessageBox:
    """Name the open forms and ask `question`; `on_close` runs once the user agrees."""
    titles = "\n".join(f"• {form.windowTitle() or _tr('Untitled form')}" for form in forms)
    box = QMessageBox(
        QMessageBox.Icon.Warning, app_title(), "", QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("openFormsQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        _tr("{owner} still has {count} form(s) open that are not saved:").format(
            owner=owner, count=len(forms)
        )
    )
    lost = _tr("What was typed in them and not saved is lost.")
    box.setInformativeText(f"{titles}\n\n{question} {lost}")
    close_button = box.addButton(_tr("Close them"), QMessageBox.ButtonRole.DestructiveRole)
    cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel_button)
    box.setEscapeButton(cancel_button)

    def clicked() -> None:
        if box.clickedButton() is close_button:
            close_forms(forms)
            on_close()
        elif on_cancel is not None:
            on_cancel()

    box.finished.connect(clicked)
    keep_open(box)
    box.open()
    return box


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpenForms", text)
