"""First run, end to end: fresh data folder → wizard → login → a client → restart → still there.

`run_gui` itself runs here; a timer plays the user, answering whichever window is up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard

import app.ui.app as gui
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.settings.stations import SettingsService
from app.store.location import data_dir
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.wizard import SetupWizard
from tests.e2e.user_script import User, one

PASSWORD = "meilin-2024"
pytestmark = pytest.mark.gui


def test_first_run_then_restart(gui_app: QApplication) -> None:
    location = data_dir() / "stationdesk.sqlite3"
    assert not location.exists()
    seen: dict[str, object] = {}

    def wizard() -> bool:
        w = one(SetupWizard)
        if w is None:
            return False
        seen["wizard_title"] = w.windowTitle()
        w.station.name.setText("梅林镇社工站")
        w.station.code.setText("JX0426")
        w.next()
        w.villages.text.setPlainText("梅林村\n东山村\n河口社区")
        w.next()
        w.admin.login.setText("zhang")
        w.admin.display_name.setText("张站长")
        w.admin.password.setText(PASSWORD)
        w.admin.repeat.setText(PASSWORD)
        w.next()
        w.button(QWizard.WizardButton.FinishButton).click()
        return True

    def login() -> Callable[[], bool]:
        def step() -> bool:
            d = one(LoginDialog)
            if d is None or not d.buttons.isEnabled():
                return False
            seen["login_prefilled"] = d.login.text()
            seen["station_on_login"] = d.station_label.text()
            d.login.setText("zhang")
            d.password.setText(PASSWORD)
            d.login_button.click()
            return True

        return step

    def create_client() -> bool:
        w = one(MainWindow)
        if w is None:
            return False
        seen["navigation"] = [w.nav.item(i).text() for i in range(w.nav.count())]
        clients = ClientService(w.db, w.actor)
        villages = clients.villages()
        settings = SettingsService(w.db, w.actor)

        def create() -> object:
            # The row an older version wrote when English was chosen: it must change nothing.
            settings.set("ui_language", "en")
            return clients.create(
                ClientInput(name="张秀英", village_id=villages[0].id, phone="13800138000")
            )

        w.tasks.run(w, create, on_done=lambda saved: seen.update(created=saved))
        return True

    def close_after_save() -> bool:
        w = one(MainWindow)
        if "created" not in seen or w is None:
            return False
        w.close()
        return True

    first = User([wizard, login(), create_client, close_after_save])
    assert gui.run_gui(str(location)) == 0
    assert first.error is None, first.error
    assert first.finished()
    assert seen["wizard_title"] == "社工站工作台 - 首次使用"
    assert seen["login_prefilled"] == "zhang"
    assert seen["navigation"] == [
        "工作台", "服务对象", "个案", "小组", "社区活动", "走访与日志", "督导与培训",
        "志愿者与资源", "报表", "评估", "设置",
    ]  # fmt: skip
    assert Path(location).exists()

    def find_client() -> bool:
        w = one(MainWindow)
        if w is None:
            return False
        seen["navigation"] = [w.nav.item(i).text() for i in range(w.nav.count())]
        clients = ClientService(w.db, w.actor)
        w.tasks.run(
            w,
            lambda: clients.rows(clients.search_ids(ClientQuery(text="秀英"))),
            on_done=lambda rows: seen.update(found=[r.name for r in rows]),
        )
        return True

    def close_after_search() -> bool:
        w = one(MainWindow)
        if "found" not in seen or w is None:
            return False
        w.close()
        return True

    seen.pop("station_on_login")
    second = User([login(), find_client, close_after_search])
    assert gui.run_gui(str(location)) == 0
    assert second.error is None, second.error
    assert second.finished()
    assert seen["station_on_login"] == "梅林镇社工站"
    assert seen["found"] == ["张秀英"]
    assert seen["navigation"][0] == "工作台"
