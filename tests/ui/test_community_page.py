"""The 社区活动 page: record an activity, add a photo, print, and who sees which buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from stdnum.cn import ric

from app.domain.roles import Role
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.community.types import ActivityQuery
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.community.form import ActivityDialog
from app.ui.community.page import CommunityPage
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import message_texts, visible
from tests.unit.services.activity_flow import activity_input


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> CommunityPage:
    page = CommunityPage(
        activities=ActivityService(db, actor),
        photos=ActivityPhotoService(db, actor),
        printing=ActivityPrintService(db, actor),
        clients=ClientService(db, actor),
        codes=CodeService(db, actor),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching and page._choices is not None, timeout=5_000)
    return page


def new_client(db: Database, actor: Actor, name: str) -> int:
    body = "36042619500308001"
    id_number = body + ric.calc_check_digit(body + "0")
    return ClientService(db, actor).create(ClientInput(name=name, id_number=id_number)).id


def fill(dialog: ActivityDialog) -> None:
    dialog.title.setText("重阳节敬老活动")
    dialog.activity_type.setCurrentIndex(dialog.activity_type.findData("festival"))
    dialog.village.setCurrentIndex(1)
    dialog.place.setText("村党群服务中心")
    dialog.add_partner("村（居）委会")
    dialog.add_partner("学校")
    dialog.target_group.setText("留守老人")
    dialog.content.setPlainText("为老人理发、量血压，小学生表演节目。")
    dialog.outcome.setPlainText("老人们很高兴。")


def test_record_an_activity_with_a_photo_and_print_it(
    qtbot: QtBot,
    db: Database,
    worker: Actor,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = new_client(db, worker, "李秀英")
    page = make_page(qtbot, db, worker, tasks)
    assert page.new_button.isVisible()
    dialog = page.open_new()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    fill(dialog)
    assert dialog.partners.text() == "村（居）委会、学校"
    dialog.clients.add(Choice(client, "李秀英"))

    # Groups that add up to more than the total are named at once and refused on saving.
    dialog.counts.total.setValue(10)
    dialog.counts.elderly.setValue(8)
    dialog.counts.child.setValue(4)
    assert "超过了参与总人数" in dialog.counts.problem.text()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.field_error("participants")), timeout=5_000)
    assert "12人" in dialog.field_error("participants")
    dialog.counts.child.setValue(2)
    assert not dialog.counts.problem.isVisibleTo(dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)

    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    detail = page.detail.detail
    assert detail is not None
    assert detail.title == "重阳节敬老活动" and detail.worker == "张社工"
    assert detail.partners == ("村（居）委会", "学校")
    assert [c.name for c in detail.clients] == ["李秀英"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    assert page.count_label.text() == "1 activity(ies)"
    assert page.detail.values["participants"].text().startswith("10")
    assert page.detail.buttons["edit"].isVisible()

    # A photo: copied, shown as a thumbnail once loaded in the background.
    picture = tmp_path / "李秀英理发.jpg"
    Image.new("RGB", (400, 300), (30, 120, 200)).save(picture, "JPEG")
    page.activity_actions.add_photos(detail, [picture])
    strip = page.detail.photo_strip

    def thumbnail_shown() -> bool:
        item = strip.item(0)
        return strip.count() == 1 and item is not None and not item.icon().isNull()

    qtbot.waitUntil(thumbnail_shown, timeout=5_000)
    assert not page.detail.buttons["remove_photo"].isEnabled()
    page.detail.photo_strip.setCurrentRow(0)
    assert page.detail.buttons["remove_photo"].isEnabled()
    photo = page.detail.photo_strip.current_photo()
    assert photo is not None and "李秀英" not in photo.file_name

    # The printed record.
    shown = page.detail.detail
    assert shown is not None
    preview = page.activity_actions.preview
    page.activity_actions.print_record(shown)
    qtbot.waitUntil(
        lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=10_000
    )
    out = tmp_path / "record.pdf"
    monkeypatch.setattr(preview, "choose_path", lambda _suggested: out)
    assert preview.dialog is not None
    preview.dialog.save_action.trigger()
    qtbot.waitUntil(lambda: any(str(out) in text for text in message_texts()), timeout=10_000)
    assert out.stat().st_size > 0
    for box in visible(QMessageBox):
        box.close()
    preview.dialog.close()

    # Deleting asks first; the list empties.
    box = page.activity_actions.ask_delete(shown)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    assert ActivityService(db, worker).search_ids(ActivityQuery()) == []


def test_a_supervisor_only_reads(
    qtbot: QtBot, db: Database, worker: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    saved = ActivityService(db, worker).create(activity_input(held_on=dt.date.today()))
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    page = make_page(qtbot, db, supervisor, tasks)
    assert not page.new_button.isVisible()
    assert page.open_new() is None
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    page.show_activity(saved.activity_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    assert page.detail.buttons["print"].isVisible()
    assert not page.detail.buttons["edit"].isVisible()
    assert not page.detail.buttons["delete"].isVisible()
    assert not page.detail.buttons["add_photos"].isVisible()
    # Filtering by month: this month holds it, the month before does not.
    page.filters.month.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    page.filters.month.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)


def test_edit_and_a_stale_copy(
    qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner
) -> None:
    saved = ActivityService(db, worker).create(activity_input(held_on=dt.date.today()))
    page = make_page(qtbot, db, worker, tasks)
    page.show_activity(saved.activity_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    page.detail.buttons["edit"].click()
    dialog = page.activity_actions.dialog
    assert isinstance(dialog, ActivityDialog)
    assert dialog.title.text() == "端午节包粽子活动"
    assert dialog.counts.value().total == 36
    # Someone else saves first: this copy is refused and a reload is offered.
    ActivityService(db, worker).update(
        saved.activity_id, version=saved.version, data=activity_input(title="端午活动")
    )
    dialog.title.setText("端午节包粽子（修改）")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: any("已被" in text for text in message_texts()), timeout=5_000)
    assert dialog.isVisible() and dialog.title.text() == "端午节包粽子（修改）"
    box = next(b for b in visible(QMessageBox) if "已被" in b.text())
    box.buttons()[0].click()  # reload
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.title == "端午活动",
        timeout=5_000,
    )
    # The new version edits cleanly.
    page.detail.buttons["edit"].click()
    again = page.activity_actions.dialog
    assert isinstance(again, ActivityDialog) and again is not dialog
    again.title.setText("端午节包粽子（修改）")
    again.save_button.click()
    qtbot.waitUntil(
        lambda: (
            page.detail.detail is not None and page.detail.detail.title == "端午节包粽子（修改）"
        ),
        timeout=5_000,
    )
