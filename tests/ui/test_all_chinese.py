"""Every page, tab, record and dialog of the demo station reads in Chinese.

The screens are those `make screenshots` photographs (tests/screenshot_scenes.py); here
each one is read instead: a Latin word that is not an allowed term (ID, PDF, Ctrl+L, a
login, a case number…) or a code shown instead of its label fails the test, listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.demo.builder import create_demo_database
from app.domain.consent import SERVICE
from app.services.access.auth import AuthService
from app.services.choice import Choice
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import Client, Consent
from app.ui.main_window import PAGES, MainWindow
from app.ui.tasks import TaskRunner
from app.ui.visits.page import VisitsPage
from tests.screenshot_scenes import (
    Camera,
    shoot_case_steps,
    shoot_dialogs,
    shoot_intake_consent,
    shoot_pages,
    shoot_records,
    shoot_start,
)
from tests.ui.shell_helpers import chinese_ui
from tests.ui.visible_text import CODES, Seen, problems, texts_of

MORE_ROWS = 12


class Reader(Camera):
    """A camera that reads the texts of what it is shown instead of saving a picture."""

    def __init__(self, folder: Path, tasks: TaskRunner) -> None:
        super().__init__(folder, tasks)
        self.seen: list[Seen] = []

    def save(self, widget: QWidget, name: str) -> None:
        self.settle()
        self.count += 1
        self.seen += texts_of(widget, name)


class Demo:
    def __init__(self, db: Database, login: str, password: str) -> None:
        self.db, self.login, self.password = db, login, password
        actor = AuthService(db).login(login=login, password=password)
        self.logins = frozenset(user.login for user in UserService(db, actor).list())

    def unconsented(self) -> Choice:
        """A demo client who has never signed the service consent."""
        signed = select(Consent.client_id).where(Consent.item == SERVICE)
        with self.db.read() as session:
            client = session.scalars(
                select(Client).where(Client.id.not_in(signed)).order_by(Client.id).limit(1)
            ).one()
            return Choice(client.id, client.name)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The small demo station, built once for the module (a few seconds); nothing writes."""
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    made = create_demo_database(db)
    yield Demo(db, made.admin_login, made.admin_password)
    db.dispose()


@pytest.fixture
def reader(tmp_path: Path, tasks: TaskRunner) -> Reader:
    return Reader(tmp_path, tasks)


@pytest.fixture
def window(qtbot: QtBot, demo: Demo, tasks: TaskRunner) -> Iterator[MainWindow]:
    """The main window on the demo, signed in as its administrator, in Chinese."""
    with chinese_ui():
        actor = AuthService(demo.db).login(login=demo.login, password=demo.password)
        main = MainWindow(db=demo.db, actor=actor, tasks=tasks)
        qtbot.addWidget(main)
        main.resize(1366, 768)
        main.show()
        qtbot.waitExposed(main)
        yield main


def _texts(reader: Reader, screen: str) -> set[str]:
    return {item.text for item in reader.seen if item.where.split(" ")[0] == screen}


def _assert_chinese(reader: Reader, demo: Demo, least: int) -> None:
    assert reader.count >= least, f"only {reader.count} screens were read"
    found = problems(reader.seen, demo.logins)
    assert not found, f"{len(found)} texts are not Chinese:\n" + "\n".join(found)


def test_every_page_and_tab(window: MainWindow, reader: Reader, demo: Demo) -> None:
    shoot_pages(window, reader)
    _assert_chinese(reader, demo, least=10)
    # The contract targets' button, not the training hours' (the translation once mixed them).
    assert "保存年度目标" in _texts(reader, "settings-tab6")
    # The demo's partner directory and the names left to match (设置 → 合作方).
    assert {"县慈善总会", "社会慈善资源", "镇派出所"} <= _texts(reader, "settings-tab5")


def test_a_record_on_each_list_page(window: MainWindow, reader: Reader, demo: Demo) -> None:
    shoot_records(window, reader)
    _assert_chinese(reader, demo, least=5)
    # The demo's project, its progress counted and read on the 报表 page.
    project = _texts(reader, "reports-project")
    assert {"项目进度", "应完成进度", "进度落后", "正常"} <= project


def test_more_records_on_each_list_page(window: MainWindow, reader: Reader, demo: Demo) -> None:
    """Records at other stages and of other kinds than the first (a closed case, a 低保 client)."""
    for key in ("clients", "cases", "groups", "community", "visits"):
        window.nav.setCurrentRow(PAGES.index(key))
        page = window.page(key)
        table = page.visits.table if isinstance(page, VisitsPage) else page.table  # type: ignore[attr-defined]
        reader.settle()
        count = table.model().rowCount()
        for row in range(1, count, max(1, count // MORE_ROWS)):  # spread over the list
            table.selectRow(row)
            table.scrollTo(table.model().index(row, 0))
            reader.save(window, f"{key}-record{row + 1}")
    _assert_chinese(reader, demo, least=20)


def test_every_dialog(window: MainWindow, reader: Reader, demo: Demo) -> None:
    shoot_dialogs(window, reader)
    _assert_chinese(reader, demo, least=13)
    # A group's name, not a person's (the translation once took the client form's).
    assert "小组名称 *" in _texts(reader, "dialog-group-plan")
    assert {"新建服务项目", "项目编号 *", "新接个案（个）"} <= _texts(reader, "dialog-new-project")


def test_every_case_step_dialog(window: MainWindow, reader: Reader, demo: Demo) -> None:
    shot = shoot_case_steps(window, reader)
    # The steps of case work: the demo has cases at every stage, and one waiting for review.
    steps = {"assess", "plan", "record", "referral", "evaluate", "closure", "follow_up"}
    assert steps <= shot, f"not shown: {steps - shot}"
    assert shot & {"review_plan", "review_closure"}, "no review was shown"
    _assert_chinese(reader, demo, least=len(steps) + 1)
    assert any("预估" in text for text in _texts(reader, "dialog-case-assess"))


def test_the_intake_of_a_client_without_consent(
    window: MainWindow, reader: Reader, demo: Demo
) -> None:
    shoot_intake_consent(window, reader, demo.unconsented())
    _assert_chinese(reader, demo, least=2)
    intake = _texts(reader, "dialog-intake-consent")
    assert any("知情同意" in text for text in intake)


def test_login_and_first_start(qtbot: QtBot, reader: Reader, demo: Demo) -> None:
    with chinese_ui():
        shoot_start(reader, demo.db)
    _assert_chinese(reader, demo, least=2)


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("tekun_scattered", True),
        ("home_visit", True),
        ("Target", True),
        ("姓名 *", False),
        ("按 Ctrl+L 锁定，F1 打开帮助", False),
        ("导出为 Excel 或 PDF：C:\\Users\\站\\backup.xlsx", False),
        ("shegong1 · XS01-2026-0026", False),
        ("身份证号（ID）", False),
    ],
)
def test_the_reading_tells_latin_and_codes_from_allowed_terms(text: str, bad: bool) -> None:
    assert bool(problems([Seen("here", text)])) is bad


def test_the_codes_come_from_the_code_lists_and_case_rules() -> None:
    assert {"tekun_scattered", "dibao_rural", "goals_met", "home_visit", "follow_up"} <= CODES
    assert "02" not in CODES  # a number is not a Latin word
