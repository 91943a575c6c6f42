"""导出Excel from the client and case pages: the page's filter, masking, reveal, cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from stdnum.cn import ric

from app.domain.roles import Role
from app.exports import list_xlsx
from app.exports.list_xlsx import HEADER_ROW
from app.services.access import audit
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.listing import ExportCancelled
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.store.models import AuditEntry
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportDialog
from app.ui.widgets.list_page import ListPage
from tests.ui.shell_helpers import visible

RISKS = ["high", "low", "high", "medium"]


def valid_id(serial: int) -> str:
    body = f"36042619600101{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def people(db: Database, admin: Actor) -> None:
    service = ClientService(db, admin)
    for i, (name, risk) in enumerate(zip(["张三", "李四", "王五", "=赵六"], RISKS, strict=True)):
        service.create(
            ClientInput(name=name, id_number=valid_id(i), phone="13900001234", risk_level=risk)
        )


def clients_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> ClientsPage:
    page = ClientsPage(
        clients=ClientService(db, actor),
        codes=CodeService(db, actor),
        tasks=tasks,
        exports=ListExportService(db, actor),
    )
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching, timeout=5_000)
    return page


def open_dialog(qtbot: QtBot, page: ListPage[Any, Any]) -> ExportDialog:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.export_button is not None
    dialog = page.export_button.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    dialog.path.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: path.exists() and bool(visible(QMessageBox)), timeout=10_000)


def rows(path: Path) -> list[list[Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book.active
        assert ws is not None
        return [list(r) for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    finally:
        book.close()


def exports_logged(db: Database) -> list[dict[str, Any]]:
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "export"))
        return [audit.details(e) for e in entries]


def test_exports_the_filtered_list_masked(
    qtbot: QtBot, db: Database, admin: Actor, people: None, tasks: TaskRunner, tmp_path: Path
) -> None:
    page = clients_page(qtbot, db, admin, tasks)
    assert page.export_button is not None and page.export_button.isVisible()
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.risk.setCurrentIndex(page.filters.risk.findData("high"))
    assert page.model.rowCount() == 2

    dialog = open_dialog(qtbot, page)
    assert "2" in dialog.summary.text()
    assert not dialog.full_ids.isChecked()
    path = tmp_path / "高风险.xlsx"
    export(qtbot, dialog, path)
    written = rows(path)
    assert sorted(r[0] for r in written) == ["张三", "王五"]
    # No birth-date column in a masked file: age, ID number, phone follow the sex.
    assert all(r[3] == "36" + "*" * 16 and r[4] == "139****1234" for r in written)
    assert exports_logged(db)[0]["rows"] == 2
    assert page.export_button.dialog is None  # closed once the file was written


def test_full_ids_need_a_reason(
    qtbot: QtBot, db: Database, admin: Actor, people: None, tasks: TaskRunner, tmp_path: Path
) -> None:
    page = clients_page(qtbot, db, admin, tasks)
    dialog = open_dialog(qtbot, page)
    assert dialog.full_ids.isVisible() and not dialog.reason.isEnabled()
    dialog.full_ids.setChecked(True)
    assert dialog.reason.isEnabled()
    path = tmp_path / "full.xlsx"
    dialog.path.setText(str(path))
    dialog.export_button.click()
    assert dialog.error.isVisible() and not path.exists()

    dialog.reason.setText("报送县民政局核对名单")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: path.exists(), timeout=10_000)
    written = rows(path)
    assert {r[4] for r in written} == {valid_id(i) for i in range(4)}
    assert "'=赵六" in {r[0] for r in written}
    (entry,) = exports_logged(db)
    assert entry["full_ids"] is True and entry["rows"] == 4
    assert entry["reason"] == "报送县民政局核对名单"


def test_a_supervisor_cannot_ask_for_full_numbers(
    qtbot: QtBot, db: Database, make_actor: Callable[..., Actor], people: None, tasks: TaskRunner
) -> None:
    page = clients_page(qtbot, db, make_actor(Role.SUPERVISOR), tasks)
    dialog = open_dialog(qtbot, page)
    assert not dialog.full_ids.isVisible() and not dialog.reason.isVisible()
    assert "36****************" in dialog.masking_note.text()


def test_cancel_in_the_progress_dialog_stops_the_export(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    people: None,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = clients_page(qtbot, db, admin, tasks)
    dialog = open_dialog(qtbot, page)
    started = threading.Event()

    def slow_export(*_args: Any, is_cancelled: Callable[[], bool], **_kw: Any) -> Any:
        started.set()
        while not is_cancelled():
            threading.Event().wait(0.02)
        raise ExportCancelled()

    monkeypatch.setattr(ListExportService, "export", lambda self, *a, **kw: slow_export(*a, **kw))
    path = tmp_path / "never.xlsx"
    dialog.path.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set, timeout=5_000)
    assert dialog.busy and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    (cancel,) = visible(QProgressDialog)[0].findChildren(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5_000)
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not visible(QMessageBox)
    assert not path.exists()


def test_the_case_page_exports_its_filter(
    qtbot: QtBot, db: Database, admin: Actor, people: None, tasks: TaskRunner, tmp_path: Path
) -> None:
    page = CasesPage(
        cases=CaseService(db, admin),
        reminders=ReminderService(db, admin),
        printing=CasePrintService(db, admin),
        clients=ClientService(db, admin),
        codes=CodeService(db, admin),
        tasks=tasks,
        exports=ListExportService(db, admin),
    )
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching, timeout=5_000)
    dialog = open_dialog(qtbot, page)
    path = tmp_path / "cases.xlsx"
    export(qtbot, dialog, path)
    assert rows(path) == []
    assert exports_logged(db)[0]["list"] == "cases"


def test_cancel_during_a_real_export_leaves_no_file_half_written(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    people: None,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The export stops between rows: hold it after the first row is written to the file.
    monkeypatch.setattr(list_xlsx, "CHECK_EVERY", 1)
    started, release = threading.Event(), threading.Event()
    real = ListExportService.export

    def held(self: ListExportService, *args: Any, progress: Any, **kw: Any) -> Any:
        def report(done: int, total: int) -> None:
            progress(done, total)
            started.set()
            release.wait(10)

        return real(self, *args, progress=report, **kw)

    monkeypatch.setattr(ListExportService, "export", held)
    page = clients_page(qtbot, db, admin, tasks)
    dialog = open_dialog(qtbot, page)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "clients.xlsx"
    dialog.path.setText(str(path))
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set, timeout=5_000)
    assert [p.name for p in folder.iterdir() if p.name.endswith(".part")]  # being written
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    (cancel,) = visible(QProgressDialog)[0].findChildren(QPushButton)
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5_000)
    assert list(folder.iterdir()) == []  # neither the file nor its part
    assert exports_logged(db) == []
    assert dialog.isVisible() and not visible(QMessageBox)
