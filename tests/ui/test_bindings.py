"""The Qt bindings keep Python's reference counts right (PySide6 6.12.0 did not).

6.12.0 lost a reference to `None` on most calls that return nothing; after a few
thousand such calls Python freed `None` and the app aborted. This is the check to run
before lifting the pin in pyproject.toml.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

CALLS = 1_000


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot, qapp: QApplication) -> None:
    label = QLabel("甲")
    qtbot.addWidget(label)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        qapp.processEvents()
        label.setText("乙")
        timer.start(60_000)
        timer.stop()
    # A few references may come and go with the objects Qt makes; one per call may not.
    assert sys.getrefcount(None) - before > -CALLS // 10
