"""Case dialogs warn when the client has not consented to what is being done."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from app.services.access.consent_types import ConsentInput
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.intake_dialog import IntakeDialog
from app.ui.cases.referral_dialogs import ReferralDialog
from app.ui.clients.choices import ClientChoices
from app.ui.tasks import TaskRunner


@pytest.fixture
def client(db: Database, admin: Actor) -> int:
    return ClientService(db, admin).create(ClientInput(name="刘建国")).id


def referral_dialog(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> tuple[ReferralDialog, CaseService, int]:
    cases = CaseService(db, admin)
    saved = cases.open_case(
        OpenCaseInput(client_id=client, intake_date=dt.date.today(), presenting_problem="需转介")
    )
    dialog = ReferralDialog(
        cases=cases, tasks=tasks, detail=cases.get(saved.case_id), at_intake=True,
        consents=ConsentService(db, admin),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.consent_warning
    assert warning is not None
    qtbot.waitUntil(lambda: warning.missing is not None, timeout=5_000)
    return dialog, cases, saved.case_id


def test_a_referral_without_sharing_consent_needs_a_reason(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> None:
    dialog, cases, case_id = referral_dialog(qtbot, db, admin, client, tasks)
    assert dialog.consent_warning is not None and dialog.save_button is not None
    assert dialog.consent_warning.missing == ("sharing",)
    assert dialog.consent_warning.isVisible() and dialog.override.isVisible()
    dialog.agency.setText("县残联")
    dialog.grab().save("/tmp/referral_warning.png")
    dialog.save_button.click()
    assert "Refer anyway" in dialog.field_error("consent")
    assert cases.get(case_id).referrals == ()
    dialog.override.setChecked(True)
    dialog.override_reason.setText("紧急安全保护")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(cases.get(case_id).referrals), timeout=5_000)
    assert "紧急安全保护" in cases.get(case_id).referrals[0].reason


def test_with_sharing_consent_the_referral_goes_ahead(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> None:
    ConsentService(db, admin).record(ConsentInput(client, ("sharing",), dt.date.today(), "刘建国"))
    dialog, cases, case_id = referral_dialog(qtbot, db, admin, client, tasks)
    assert dialog.consent_warning is not None and dialog.save_button is not None
    assert dialog.consent_warning.missing == ()
    assert not dialog.consent_warning.isVisible() and not dialog.override.isVisible()
    assert dialog.consent.isChecked()
    dialog.agency.setText("县残联")
    dialog.reason.setPlainText("需要辅具适配")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(cases.get(case_id).referrals), timeout=5_000)
    assert cases.get(case_id).referrals[0].consent_given


def test_intake_warns_without_service_consent(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> None:
    dialog = IntakeDialog(
        cases=CaseService(db, admin), clients=ClientService(db, admin), tasks=tasks,
        choices=ClientChoices(), consents=ConsentService(db, admin),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.consent_warning
    assert warning is not None
    dialog.set_client(Choice(client, "刘建国"))
    qtbot.waitUntil(lambda: warning.missing is not None, timeout=5_000)
    assert warning.missing == ("service",) and warning.isVisible()
    assert "服务" in warning.text()
    ConsentService(db, admin).record(ConsentInput(client, ("service",), dt.date.today(), "刘建国"))
    dialog.set_client(Choice(client, "刘建国"))
    qtbot.waitUntil(lambda: warning.missing == (), timeout=5_000)
    assert not warning.isVisible()
