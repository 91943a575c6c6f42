"""The first-run wizard: validation next to the fields, then the station is set up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.services.access.auth import AuthService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.settings.setup import SetupService
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.ui.tasks import TaskRunner
from app.ui.wizard import SetupWizard
from tests.ui.shell_helpers import chinese_ui


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    with chinese_ui():
        yield


@pytest.fixture
def wizard(qtbot: QtBot, db: Database, tasks: TaskRunner) -> SetupWizard:
    widget = SetupWizard(db=db, tasks=tasks)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill(wizard: SetupWizard, *, password: str = "secret-pass-1") -> None:
    """Fill every page with valid answers and stop on the last one."""
    wizard.station.name.setText("梅林镇社工站")
    wizard.station.code.setText("jx0426")
    wizard.station.county.setText("测试县")
    wizard.next()
    wizard.villages.text.setPlainText("梅林村\n\n东山村\n河口社区\n梅林村")
    wizard.next()
    wizard.admin.login.setText("zhang")
    wizard.admin.display_name.setText("张站长")
    wizard.admin.password.setText(password)
    wizard.admin.repeat.setText(password)
    wizard.next()


def test_empty_station_page_shows_chinese_errors(wizard: SetupWizard, chinese: None) -> None:
    wizard.station.code.setText("X")
    wizard.next()
    assert wizard.currentPage() is wizard.station
    assert wizard.station.name_error.isVisible()
    assert wizard.station.name_error.text() == "请填写社工站名称。"
    assert wizard.station.code_error.text() == "站点代码应为2至16位字母或数字。"
    wizard.station.name.setText("梅林镇社工站")  # fixed: its message goes at once
    assert not wizard.station.name_error.isVisible()
    assert wizard.station.code_error.isVisible()  # the other one is still wrong


def test_admin_page_refuses_a_short_or_mismatched_password(wizard: SetupWizard) -> None:
    wizard.station.name.setText("梅林镇社工站")
    wizard.station.code.setText("JX0426")
    wizard.next()
    wizard.villages.text.setPlainText("梅林村")
    wizard.next()
    wizard.admin.login.setText("zhang")
    wizard.admin.password.setText("short")
    wizard.admin.repeat.setText("shorter")
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    assert wizard.admin.password_error.text() == "密码至少需要8位。"
    assert wizard.admin.repeat_error.isVisible()


def test_villages_page_needs_one_village(wizard: SetupWizard) -> None:
    wizard.station.name.setText("梅林镇社工站")
    wizard.station.code.setText("JX0426")
    wizard.next()
    wizard.villages.text.setPlainText("  \n ")
    wizard.next()
    assert wizard.currentPage() is wizard.villages
    assert wizard.villages.error.isVisible()


def test_finish_sets_up_the_station(qtbot: QtBot, wizard: SetupWizard, db: Database) -> None:
    fill(wizard)
    assert wizard.currentPage() is wizard.start
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted.value)
    assert wizard.actor is not None
    assert SetupService(db).is_initialised()
    villages = StationService(db, wizard.actor).villages()
    assert [v.name for v in villages] == ["梅林村", "东山村", "河口社区"]
    assert [v.kind for v in villages] == ["村", "村", "社区"]
    actor = AuthService(db).login(login="zhang", password="secret-pass-1")
    assert actor.station_name == "梅林镇社工站"


def test_refused_setup_goes_back_to_the_field(
    qtbot: QtBot, wizard: SetupWizard, db: Database
) -> None:
    # Someone initialised the database meanwhile: the wizard must not overwrite it.
    SetupService(db).initialise(
        station_name="别的站", station_code="OTHER1", villages=["甲村"],
        admin_login="other", admin_display_name="", password="other-pass-1",
    )  # fmt: skip
    fill(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.start.error.isVisible())
    assert "已经初始化" in wizard.start.error.text()
    assert wizard.result() != QWizard.DialogCode.Accepted.value
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_demo_choice_fills_the_station(qtbot: QtBot, wizard: SetupWizard, db: Database) -> None:
    fill(wizard)
    wizard.start.demo.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted.value, timeout=120_000)
    assert wizard.actor is not None
    assert wizard.demo_result is not None
    assert "演示" in wizard.demo_notice() or "Demo" in wizard.demo_notice()
    clients = ClientService(db, wizard.actor).search_ids(ClientQuery())
    assert len(clients) > 50
