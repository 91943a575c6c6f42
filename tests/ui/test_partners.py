"""The partner picker of the referral and activity forms, and 设置 → 合作方."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.partners import Department, PartnerType
from app.services.access.consent_types import ConsentInput
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.partners.service import PartnerService
from app.services.partners.types import PartnerInput
from app.store.engine import Database
from app.store.models import Referral
from app.ui.cases.referral_dialogs import ReferralDialog
from app.ui.clients.choices import ClientChoices
from app.ui.community.choices import COMMON_PARTNERS
from app.ui.community.form import ActivityDialog
from app.ui.partners.choices import partner_choices
from app.ui.partners.directory import PartnersTab
from app.ui.tasks import TaskRunner
from tests.consents import consent_to_services
from tests.unit.services.activity_flow import activity_input

DISABLED = PartnerInput("县残联", PartnerType.GOVERNMENT, Department.DISABLED_FEDERATION)


@pytest.fixture
def partners(db: Database, admin: Actor) -> PartnerService:
    service = PartnerService(db, admin)
    service.add(DISABLED)
    service.add(PartnerInput("县义工协会", PartnerType.VOLUNTEER_TEAM))
    return service


def _referral_dialog(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, partners: PartnerService
) -> ReferralDialog:
    client = ClientService(db, admin).create(ClientInput(name="刘建国")).id
    consent_to_services(db, admin, client)
    ConsentService(db, admin).record(ConsentInput(client, ("sharing",), dt.date.today(), "刘建国"))
    cases = CaseService(db, admin)
    saved = cases.open_case(
        OpenCaseInput(client_id=client, intake_date=dt.date.today(), presenting_problem="需转介")
    )
    dialog = ReferralDialog(
        cases=cases, tasks=tasks, detail=cases.get(saved.case_id), at_intake=True,
        consents=ConsentService(db, admin), partners=partner_choices(partners),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.consent_warning
    assert warning is not None
    qtbot.waitUntil(lambda: warning.missing == (), timeout=5_000)
    return dialog


def _saved_referral(qtbot: QtBot, db: Database, dialog: ReferralDialog) -> tuple[str, int | None]:
    assert dialog.save_button is not None
    dialog.reason.setPlainText("需要辅具适配")
    dialog.save_button.click()

    def saved() -> list[tuple[str, int | None]]:
        with db.read() as session:
            return [
                (a, p) for a, p in session.execute(select(Referral.agency, Referral.partner_id))
            ]

    qtbot.waitUntil(lambda: bool(saved()), timeout=5_000)
    (row,) = saved()
    return row


def test_a_referral_picks_a_partner_of_the_directory(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, partners: PartnerService
) -> None:
    dialog = _referral_dialog(qtbot, db, admin, tasks, partners)
    offered = [dialog.agency.itemText(i) for i in range(dialog.agency.count())]
    assert offered == ["县残联", "县义工协会"]  # by pinyin: xian can…, xian yi…
    dialog.agency.setCurrentIndex(dialog.agency.findText("县残联"))
    disabled = next(p.id for p in partners.list() if p.name == "县残联")
    assert dialog.agency.partner_id() == disabled
    assert _saved_referral(qtbot, db, dialog) == ("县残联", disabled)


def test_a_referral_still_takes_a_name_typed_freely(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, partners: PartnerService
) -> None:
    dialog = _referral_dialog(qtbot, db, admin, tasks, partners)
    dialog.agency.setText("镇卫生院")
    assert dialog.agency.partner_id() is None
    assert _saved_referral(qtbot, db, dialog) == ("镇卫生院", None)


def test_the_activity_form_adds_partners_from_the_picker(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, partners: PartnerService
) -> None:
    choices = ClientChoices(partners=partner_choices(partners))
    dialog = ActivityDialog(
        activities=ActivityService(db, admin), clients=ClientService(db, admin), tasks=tasks,
        choices=choices,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    pick = dialog.partner_pick
    offered = [pick.itemText(i) for i in range(pick.count())]
    assert offered[:2] == [c.label for c in choices.partners]
    assert offered[2:] == list(COMMON_PARTNERS)
    pick.setCurrentIndex(pick.findText("县残联"))
    dialog._add_picked()
    pick.setText("老年协会")
    dialog._add_picked()
    assert dialog.partners.text() == "县残联、老年协会"
    assert pick.text() == ""


def test_the_tab_adds_a_partner_and_matches_a_typed_name(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    ActivityService(db, admin).create(activity_input(held_on=dt.date.today(),
                                                     partners=("老年协会", "县残联")))  # fmt: skip
    tab = PartnersTab(partners=PartnerService(db, admin), tasks=tasks)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: len(tab.texts) == 2, timeout=5_000)
    dialog = tab.add()
    dialog.name.setText("县残联")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData(PartnerType.GOVERNMENT.value))
    assert dialog.department.isEnabled() and dialog.party.currentData() == ""
    dialog.department.setCurrentIndex(
        dialog.department.findData(Department.DISABLED_FEDERATION.value)
    )
    dialog.submit()
    # Saving matched the activity's 县残联 at once; 老年协会 is left to match.
    qtbot.waitUntil(lambda: [u.text for u in tab.texts] == ["老年协会"], timeout=5_000)
    assert [r.name for r in tab.rows] == ["县残联"] and tab.rows[0].uses == 1
    dialog = tab.add()
    dialog.name.setText("县老年人协会")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData(PartnerType.SOCIAL_ORG.value))
    dialog.submit()
    qtbot.waitUntil(lambda: len(tab.rows) == 2, timeout=5_000)
    tab.unmatched.selectRow(0)
    tab.target.setCurrentIndex(tab.target.findText("县老年人协会"))
    assert tab.match_button.isEnabled()
    tab.match_button.click()
    qtbot.waitUntil(lambda: tab.texts == [], timeout=5_000)
    assert {r.name: r.uses for r in tab.rows} == {"县残联": 1, "县老年人协会": 1}


def test_a_refused_save_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, partners: PartnerService
) -> None:
    tab = PartnersTab(partners=partners, tasks=tasks)
    qtbot.addWidget(tab)
    dialog = tab.add()
    dialog.name.setText("县残联")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData(PartnerType.GOVERNMENT.value))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5_000)
    assert "已有名为“县残联”" in dialog.error.text() and dialog.isVisible()
