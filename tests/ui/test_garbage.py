"""Garbage is collected on the GUI thread only, never on a task's worker thread."""

from __future__ import annotations

import gc
import linecache
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.ui import garbage
from app.ui.dialogs import keep_open
from app.ui.tasks import TaskRunner


@pytest.fixture
def collections() -> Iterator[list[tuple[threading.Thread, int]]]:
    """(thread, generation) of every collection that starts while the test runs."""
    seen: list[tuple[threading.Thread, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((threading.current_thread(), info["generation"]))

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


def make_cycles(count: int) -> None:
    for _ in range(count):
        node: list[object] = []
        node.append(node)


def test_cycles_made_on_a_worker_are_collected_on_the_gui_thread(
    qtbot: QtBot, tasks: TaskRunner, collections: list[tuple[threading.Thread, int]]
) -> None:
    assert not gc.isenabled()
    made: list[bool] = []
    tasks.run(tasks, lambda: make_cycles(50_000), on_done=lambda _: made.append(True))
    qtbot.waitUntil(lambda: made == [True])
    plain = threading.Thread(target=make_cycles, args=(50_000,))
    plain.start()
    plain.join()
    # 100,000 cycles would have set the collector off on those threads a hundred times.
    qtbot.waitUntil(lambda: bool(collections), timeout=5_000)
    assert {thread for thread, _generation in collections} == {threading.main_thread()}


def test_a_closed_dialog_sets_off_a_full_collection(
    qtbot: QtBot, qapp: QApplication, collections: list[tuple[threading.Thread, int]]
) -> None:
    garbage.install(qapp).timer.stop()  # no periodic collections: only the one after closing
    dialog = QDialog()
    keep_open(dialog)
    dialog.open()
    dialog.reject()
    qtbot.waitUntil(lambda: (threading.main_thread(), 2) in collections, timeout=5_000)


def test_installing_twice_keeps_one_collector(qapp: QApplication) -> None:
    assert garbage.install(qapp) is garbage.install(qapp)
    assert not gc.isenabled()


def test_what_survives_a_full_collection_after_an_import_is_left_out_of_later_ones(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    collector = garbage.install(qapp)
    collector.collect_all()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    make_cycles(1_000)
    assert collector.collect_all() >= 1_000  # what is made after the freeze is collected
    assert gc.get_freeze_count() == frozen  # no import since: nothing more frozen
    kept: list[list[int]] = [[] for _ in range(1_000)]
    monkeypatch.setitem(sys.modules, "a_module_just_imported", type(sys)("x"))
    collector.collect_all()
    assert gc.get_freeze_count() >= frozen + len(kept)


def test_pyside_still_checks_each_new_module_and_no_source_stays_in_linecache(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage.install(qapp)
    (tmp_path / "garbage_probe_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "garbage_probe_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        # An import statement (PySide6 hooks `__import__`; importlib goes around it).
        import garbage_probe_plain  # noqa: F401
        import garbage_probe_qt  # noqa: F401

        seen = sys.modules["shibokensupport.feature"].pyside_feature_dict
        assert (seen["garbage_probe_qt"], seen["garbage_probe_plain"]) == (0, -1)
        assert not [name for name in linecache.cache if "garbage_probe" in name]
    finally:
        sys.modules.pop("garbage_probe_qt", None)
        sys.modules.pop("garbage_probe_plain", None)
