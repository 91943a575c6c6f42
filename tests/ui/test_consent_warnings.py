"""Case dialogs warn when the client has not consented to what is being done."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from app.services.access.consent_types import ConsentInput
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery, OpenCaseInput
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.detail import CaseDetailPanel
from app.ui.cases.fields import pydate
from app.ui.cases.intake_dialog import IntakeDialog
from app.ui.cases.referral_dialogs import ReferralDialog
from app.ui.clients.choices import ClientChoices
from app.ui.tasks import TaskRunner
from tests.consents import consent_to_services


@pytest.fixture
def client(db: Database, admin: Actor) -> int:
    return ClientService(db, admin).create(ClientInput(name="刘建国")).id


def referral_dialog(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> tuple[ReferralDialog, CaseService, int]:
    cases = CaseService(db, admin)
    consent_to_services(db, admin, client)  # the case needs it; sharing is what is tested
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


def intake_dialog(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> IntakeDialog:
    dialog = IntakeDialog(
        cases=CaseService(db, admin), clients=ClientService(db, admin), tasks=tasks,
        choices=ClientChoices(), consents=ConsentService(db, admin),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_client(Choice(client, "刘建国"))
    dialog.problem.setPlainText("独居，腿脚不便")
    assert dialog.consent is not None
    qtbot.waitUntil(lambda: dialog.consent is not None and dialog.consent.missing is not None)
    return dialog


def test_intake_without_consent_is_blocked_until_consent_is_recorded(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> None:
    dialog = intake_dialog(qtbot, db, admin, client, tasks)
    consent = dialog.consent
    assert consent is not None and dialog.save_button is not None
    assert consent.isVisible() and consent.record_button.isVisible()
    assert consent.exemption.isEnabled() and not consent.note.isVisible()
    dialog.grab().save("/tmp/intake_consent.png")
    dialog.save_button.click()
    assert "consent to services" in dialog.field_error("consent")
    cases = CaseService(db, admin)
    assert cases.search_ids(CaseQuery()) == []

    # The consent form opens from here, dated the intake day; once saved the notice goes.
    form = consent.record_consent()
    assert form is not None
    assert form.day() == pydate(dialog.intake_date.date())
    assert form.chosen() == ("service", "sensitive")
    qtbot.waitUntil(lambda: form.signer.text() == "刘建国", timeout=5_000)
    form.buttons.accepted.emit()
    qtbot.waitUntil(lambda: consent.missing == (), timeout=5_000)
    assert not consent.isVisible()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(cases.search_ids(CaseQuery())) == 1, timeout=5_000)


def test_an_emergency_opens_the_case_and_the_case_says_so(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> None:
    dialog = intake_dialog(qtbot, db, admin, client, tasks)
    consent = dialog.consent
    assert consent is not None and dialog.save_button is not None
    consent.exemption.setCurrentIndex(consent.exemption.findData("emergency"))
    assert consent.note.isVisible()
    dialog.save_button.click()
    assert "emergency" in dialog.field_error("consent")
    consent.note.setText("突发跌倒送医，家属事后补签")
    dialog.save_button.click()
    cases = CaseService(db, admin)
    qtbot.waitUntil(lambda: len(cases.search_ids(CaseQuery())) == 1, timeout=5_000)
    panel = CaseDetailPanel(cases=cases, tasks=tasks)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_case(cases.search_ids(CaseQuery())[0])
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=5_000)
    assert panel.values["consent"].isVisible()
    assert panel.values["consent"].text() == "紧急情况（事后补签）：突发跌倒送医，家属事后补签"


def test_declining_at_intake_needs_no_consent(
    qtbot: QtBot, db: Database, admin: Actor, client: int, tasks: TaskRunner
) -> None:
    dialog = intake_dialog(qtbot, db, admin, client, tasks)
    consent = dialog.consent
    assert consent is not None and dialog.save_button is not None
    decline = dialog.findChild(QRadioButton, "decision_decline")
    assert decline is not None
    decline.setChecked(True)
    assert dialog.decision() == "decline"
    assert not consent.exemption.isEnabled()
    dialog.reason.setPlainText("不属于服务范围")
    dialog.save_button.click()
    cases = CaseService(db, admin)
    qtbot.waitUntil(lambda: len(cases.search_ids(CaseQuery())) == 1, timeout=5_000)
    assert cases.get(cases.search_ids(CaseQuery())[0]).stage == "declined"
