"""服务经历 in the client's detail: rows newest first, filters, opening a record, the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.clients.story import ClientStoryService
from app.services.clients.story_types import StoryKind
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.clients.story import ClientStoryTab
from app.ui.clients.story_model import StoryModel
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.ui.visits.page import VisitsPage
from tests import pdf_reading
from tests.ui.shell_helpers import chinese_ui
from tests.unit.services.clients.story_flow import ID_NUMBER, VISITED, Built, build_story


@pytest.fixture
def built(db: Database, admin: Actor) -> Built:
    return build_story(db, admin)


def story_tab(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> ClientStoryTab:
    with chinese_ui():
        tab = ClientStoryTab(stories=ClientStoryService(db, actor), tasks=tasks)
    qtbot.addWidget(tab)
    tab.resize(700, 500)
    tab.show()
    return tab


def shown(tab: ClientStoryTab, column: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_tab_lists_the_story_and_filters_it(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, built: Built
) -> None:
    tab = story_tab(qtbot, db, admin, tasks)
    total = len(ClientStoryService(db, admin).story(built.client_id).entries)
    with chinese_ui():
        tab.show_client(built.client_id)
        qtbot.waitUntil(lambda: tab.model.rowCount() == total, timeout=5_000)
        assert tab.count.text() == f"共 {total} 条"
    days = shown(tab, StoryModel.DATE)
    assert days == sorted(days, reverse=True)
    tab.kind.setCurrentIndex(tab.kind.findData(StoryKind.VISIT.value))
    assert shown(tab, StoryModel.KIND) == ["走访"]
    assert shown(tab, StoryModel.DATE) == [VISITED.isoformat()]
    tab.kind.setCurrentIndex(0)
    tab.search.setText("县残联")
    assert shown(tab, StoryModel.WHAT) == ["转介至县残联　已转出；申请助行辅具"]
    tab.search.clear()
    assert tab.model.rowCount() == total


def test_activating_a_row_asks_to_open_its_record(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, built: Built
) -> None:
    tab = story_tab(qtbot, db, admin, tasks)
    tab.show_client(built.client_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5_000)
    tab.kind.setCurrentIndex(tab.kind.findData(StoryKind.RECORD.value))
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    with qtbot.waitSignal(tab.open_record, timeout=2_000) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened.args == ["case", built.case_id]


def test_the_window_opens_the_case_and_the_visit_from_the_story(
    qtbot: QtBot, admin: Actor, open_window: Callable[..., MainWindow], built: Built
) -> None:
    window = open_window(admin)
    window.nav.setCurrentRow(1)
    clients = window.page("clients")
    assert isinstance(clients, ClientsPage)
    clients.show_client(built.client_id)
    qtbot.waitUntil(lambda: clients.detail.detail is not None, timeout=5_000)
    assert clients.detail.tabs is not None and clients.detail.story is not None
    clients.detail.tabs.setCurrentWidget(clients.detail.story)
    story = clients.detail.story
    qtbot.waitUntil(lambda: story.model.rowCount() > 0, timeout=5_000)
    rows = {story.model.row_at(r).kind: r for r in reversed(range(story.model.rowCount()))}  # type: ignore[union-attr]
    story.table.activated.emit(story.model.index(rows[StoryKind.RECORD], 0))
    assert window.current_key() == "cases"
    cases = window.page("cases")
    assert isinstance(cases, CasesPage)
    qtbot.waitUntil(
        lambda: cases.detail.detail is not None and cases.detail.detail.id == built.case_id,
        timeout=5_000,
    )
    story.table.activated.emit(story.model.index(rows[StoryKind.VISIT], 0))
    visits = window.page("visits")
    assert window.current_key() == "visits" and isinstance(visits, VisitsPage)
    qtbot.waitUntil(lambda: visits.visits._current_id == built.visit_id, timeout=5_000)
    # The client's own entries (consent, categories, risk) turn to the details tab.
    story.table.activated.emit(story.model.index(rows[StoryKind.RISK], 0))
    assert clients.detail.tabs.currentIndex() == 0


def test_print_previews_a_masked_pdf_for_who_may_not_reveal(
    qtbot: QtBot,
    db: Database,
    tasks: TaskRunner,
    built: Built,
    make_actor: Callable[..., Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = story_tab(qtbot, db, make_actor(Role.SUPERVISOR), tasks)
    tab.show_client(built.client_id)
    qtbot.waitUntil(tab.print_button.isEnabled, timeout=5_000)
    tab.print_button.click()
    preview = tab.preview
    qtbot.waitUntil(
        lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=10_000
    )
    dialog = preview.dialog
    assert dialog is not None and len(dialog.pages) >= 1
    # Saved from the preview: the same masked story.
    written = tmp_path / "story.pdf"
    monkeypatch.setattr(preview, "choose_path", lambda _suggested: written)
    monkeypatch.setattr(preview, "open_file", lambda _path: None)
    dialog.save_action.trigger()
    qtbot.waitUntil(written.exists, timeout=10_000)
    tasks.wait()
    dialog.close()
    flat = "".join(pdf_reading.text(written).split())
    assert "服务经历" in flat and ID_NUMBER not in flat
