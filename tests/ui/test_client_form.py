"""The client form: ID checks as typed, saving, and every way a save can be refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from stdnum.cn import ric

from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientDetail, ClientInput, ClientQuery, Saved
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.store.models import Client
from app.ui.clients.choices import ClientChoices, load_choices
from app.ui.clients.form import ClientFormDialog
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import message_texts


def valid_id(birth: str = "19500301", serial: str = "123") -> str:
    body = "360426" + birth + serial
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def clients(db: Database, admin: Actor) -> ClientService:
    return ClientService(db, admin)


@pytest.fixture
def choices(db: Database, admin: Actor, clients: ClientService) -> ClientChoices:
    return load_choices(clients, CodeService(db, admin))


def make_form(
    qtbot: QtBot,
    clients: ClientService,
    tasks: TaskRunner,
    choices: ClientChoices,
    detail: ClientDetail | None = None,
) -> ClientFormDialog:
    form = ClientFormDialog(clients=clients, tasks=tasks, choices=choices, detail=detail)
    qtbot.addWidget(form)
    form.show()
    return form


def type_id(qtbot: QtBot, form: ClientFormDialog, text: str) -> None:
    """Type an ID number (ASCII, so real key clicks) and wait for its check."""
    form.id_field.edit.clear()
    qtbot.keyClicks(form.id_field.edit, text)
    form.id_field.check_now()
    qtbot.waitUntil(form.id_field.message.isVisible, timeout=5_000)


def answer(qtbot: QtBot, parent: QWidget, button_text: str) -> str:
    """Click a button of the question the dialog asked; returns the question."""
    qtbot.waitUntil(lambda: bool(parent.findChildren(QMessageBox)), timeout=5_000)
    box = parent.findChildren(QMessageBox)[-1]
    text = box.text()
    button = next(b for b in box.buttons() if b.text() == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return text


def stored(db: Database) -> list[Client]:
    with db.read() as session:
        return list(session.scalars(select(Client).order_by(Client.id)))


def test_a_valid_id_fills_birth_date_and_sex_and_saves(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("赵桂兰")
    type_id(qtbot, form, valid_id("19500301", "124"))
    assert "1950-03-01" in form.id_field.message.text()
    assert form.birth_date.date().toString("yyyy-MM-dd") == "1950-03-01"
    assert form.sex.currentData() == "2" and not form.sex.isEnabled()
    assert not form.birth_date.isEnabled()
    form.village.setCurrentIndex(2)
    form.categories.item(3).setCheckState(Qt.CheckState.Checked)
    form.phone.setText("13812345678")
    form.risk_level.setCurrentIndex(form.risk_level.findData("high"))
    with qtbot.waitSignal(form.saved, timeout=5_000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    detail = clients.get(saved.args[0])
    assert detail.name == "赵桂兰"
    assert detail.birth_date == dt.date(1950, 3, 1)
    assert detail.village == "东山村"
    assert detail.risk_level == "high"
    assert len(detail.categories) == 1
    assert detail.phone_masked == "138****5678"


def test_lowercase_x_and_full_width_digits_are_accepted(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    number = next(
        valid_id("19620515", f"{i:03d}")
        for i in range(1000)
        if valid_id("19620515", f"{i:03d}").endswith("X")
    )
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("孙")
    type_id(qtbot, form, number.lower())
    assert "1962-05-15" in form.id_field.message.text()
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in number[:17]) + "ｘ"
    form.id_field.edit.setText(full_width)
    form.id_field.edit.textEdited.emit(full_width)
    form.id_field.check_now()
    qtbot.waitUntil(lambda: form.id_field.result is not None, timeout=5_000)
    assert form.id_field.result is not None and form.id_field.result.number == number
    with qtbot.waitSignal(form.saved, timeout=5_000):
        form.save()
    assert stored(db)[0].id_number == number


def test_a_wrong_check_digit_shows_the_message_and_saves_nothing(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    good = valid_id()
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("钱多多")
    type_id(qtbot, form, wrong)
    assert "校验位" in form.id_field.message.text()
    assert form.birth_date.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.error.isVisible, timeout=5_000)
    assert "校验位" in form.error.text()
    assert form.isVisible() and form.name.text() == "钱多多"
    assert form.id_field.edit.hasFocus() or form.focusWidget() is form.id_field.edit
    assert stored(db) == []


def test_an_impossible_date_is_explained(
    qtbot: QtBot, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    form = make_form(qtbot, clients, tasks, choices)
    type_id(qtbot, form, "360426" + "19500230" + "1234")
    assert "不存在" in form.id_field.message.text()


def test_a_registered_id_offers_the_existing_client(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    number = valid_id()
    first = clients.create(ClientInput(name="周建国", id_number=number))
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("周建国二")
    type_id(qtbot, form, number)
    assert "周建国" in form.id_field.message.text()
    assert form.id_field.open_button.isVisible()
    # Saving anyway is refused, and the question offers the existing record.
    form.save()
    with qtbot.waitSignal(form.open_client, timeout=5_000) as opened:
        text = answer(qtbot, form, form.tr("Open existing record"))
    assert "不能重复登记" in text
    assert opened.args == [first.id]
    assert not form.isVisible()
    assert len(stored(db)) == 1


def test_the_open_button_under_the_id_opens_the_existing_client(
    qtbot: QtBot, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    number = valid_id()
    first = clients.create(ClientInput(name="吴德明", id_number=number))
    form = make_form(qtbot, clients, tasks, choices)
    type_id(qtbot, form, number)
    with qtbot.waitSignal(form.open_client, timeout=5_000) as opened:
        qtbot.mouseClick(form.id_field.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [first.id]


def test_same_name_and_birth_date_asks_before_saving(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    clients.create(ClientInput(name="陈春花", birth_date=dt.date(1948, 7, 1)))
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("陈春花")
    form.birth_date.setDate(QDate(1948, 7, 1))
    form.save()
    with qtbot.waitSignal(form.saved, timeout=5_000):
        text = answer(qtbot, form, form.tr("Save anyway"))
    assert "同名" in text
    assert [c.name for c in stored(db)] == ["陈春花", "陈春花"]


def test_invalid_input_focuses_the_field(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("黄海燕")
    form.phone.setText("12")
    form.save()
    qtbot.waitUntil(form.error.isVisible, timeout=5_000)
    assert form.focusWidget() is form.phone
    assert form.isVisible() and form.phone.text() == "12"
    assert stored(db) == []


def test_editing_keeps_the_masked_numbers(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    number = valid_id()
    saved = clients.create(ClientInput(name="杨志强", id_number=number, phone="13900001111"))
    form = make_form(qtbot, clients, tasks, choices, clients.get(saved.id))
    assert form.id_field.edit.text() == number[:2] + "*" * 16
    assert form.phone.text() == "139****1111"
    assert form.id_field.value() is None and form.phone.value() is None
    assert not form.birth_date.isEnabled()
    form.name.setText("杨志刚")
    with qtbot.waitSignal(form.saved, timeout=5_000):
        form.save()
    client = stored(db)[0]
    assert (client.name, client.id_number, client.phone) == ("杨志刚", number, "13900001111")


def test_reveal_in_the_form_only_for_allowed_roles(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    tasks: TaskRunner,
    choices: ClientChoices,
) -> None:
    number = valid_id()
    saved = ClientService(db, admin).create(ClientInput(name="刘玉梅", id_number=number))
    head_view = ClientService(db, admin)
    form = make_form(qtbot, head_view, tasks, choices, head_view.get(saved.id))
    assert form.reveal_button.isVisible()
    qtbot.mouseClick(form.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.id_field.edit.text() == number, timeout=5_000)
    assert form.id_field.value() is None  # shown in full, still kept as stored
    worker = ClientService(db, make_actor(Role.WORKER))
    other = make_form(qtbot, worker, tasks, choices, worker.get(saved.id))
    assert not other.reveal_button.isVisible()


def test_choosing_head_of_household_disables_the_head_picker(
    qtbot: QtBot, db: Database, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    head = clients.create(ClientInput(name="王德明"))
    form = make_form(qtbot, clients, tasks, choices)
    form.household.set_head(head.id, "王德明")
    form.relation.setCurrentIndex(form.relation.findData("20"))
    assert form.household.isEnabled() and form.household.head_id == head.id
    form.name.setText("王小明")
    with qtbot.waitSignal(form.saved, timeout=5_000) as saved:
        form.save()
    member = clients.get(saved.args[0])
    assert member.head_client_id == head.id
    assert [m.name for m in member.household_members] == ["王德明"]
    form2 = make_form(qtbot, clients, tasks, choices)
    form2.household.set_head(head.id, "王德明")
    form2.relation.setCurrentIndex(form2.relation.findData("02"))
    assert not form2.household.isEnabled() and form2.household.head_id is None
    assert clients.search_ids(ClientQuery(text="王")) != []


def test_hidden_characters_in_notes_are_removed_and_the_user_is_told(
    qtbot: QtBot, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("钱秀英")
    form.notes.setPlainText("独居\u202e，需每周探访")
    with qtbot.waitSignal(form.saved, timeout=5_000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert clients.get(saved.args[0]).notes == "独居，需每周探访"
    qtbot.waitUntil(lambda: any("1 个看不见的控制字符" in t for t in message_texts()))


def test_the_message_goes_once_the_field_it_names_is_changed(
    qtbot: QtBot, clients: ClientService, tasks: TaskRunner, choices: ClientChoices
) -> None:
    form = make_form(qtbot, clients, tasks, choices)
    form.name.setText("黄海燕")
    form.phone.setText("12")
    form.save()
    qtbot.waitUntil(form.error.isVisible, timeout=5_000)
    form.address.setText("梅林村3组")  # another field: the phone is still wrong
    assert form.error.isVisible()
    form.phone.setText("13812345678")
    assert not form.error.isVisible()


class RecordingClients(ClientService):
    """The real service, remembering what the form handed it."""

    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__(db, actor)
        self.sent: list[ClientInput] = []

    def update(
        self, client_id: int, *, version: int, data: ClientInput, confirm_similar: bool = False
    ) -> Saved:
        self.sent.append(data)
        return super().update(
            client_id, version=version, data=data, confirm_similar=confirm_similar
        )


def test_a_dated_change_carries_its_effective_date(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, choices: ClientChoices
) -> None:
    recording = RecordingClients(db, admin)
    # Registered two weeks ago: a change may be dated back to then, not before.
    since = recording.today - dt.timedelta(days=14)
    saved = recording.create(ClientInput(name="周玉梅", risk_level="low", changes_on=since))
    form = make_form(qtbot, recording, tasks, choices, recording.get(saved.id))
    # Only a change the history keeps asks when it happened.
    assert not form.change_date.isVisible()
    form.notes.setPlainText("独居")
    assert not form.change_date.isVisible()
    form.risk_level.setCurrentIndex(form.risk_level.findData("high"))
    assert form.change_date.isVisible()
    today = recording.today
    effective = form.change_date.effective
    assert effective.on() == today
    assert effective.date.maximumDate() == QDate(today.year, today.month, today.day)
    back = today - dt.timedelta(days=3)
    effective.date.setDate(QDate(back.year, back.month, back.day))
    # Three days back is within the week the choices allow without a reason.
    assert not effective.reason.isVisible()
    with qtbot.waitSignal(form.saved, timeout=5_000):
        form.save()
    assert [(d.risk_level, d.changes_on, d.late_reason) for d in recording.sent] == [
        ("high", back, "")
    ]


def test_an_edit_that_changes_no_dated_value_sends_no_date(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, choices: ClientChoices
) -> None:
    recording = RecordingClients(db, admin)
    saved = recording.create(ClientInput(name="吴建平", risk_level="medium"))
    form = make_form(qtbot, recording, tasks, choices, recording.get(saved.id))
    form.risk_level.setCurrentIndex(form.risk_level.findData("high"))
    form.risk_level.setCurrentIndex(form.risk_level.findData("medium"))
    assert not form.change_date.isVisible()
    form.name.setText("吴建国")
    with qtbot.waitSignal(form.saved, timeout=5_000):
        form.save()
    assert [(d.name, d.changes_on) for d in recording.sent] == [("吴建国", None)]
