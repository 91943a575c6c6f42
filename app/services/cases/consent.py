"""The consent rule of 接案: a case is opened only with the client's service consent.

PIPL and DESIGN.md ("Privacy"): nothing is done for a person without their informed
consent. An accepted case needs the service item signed and in force on the intake date,
unless consent could not be taken; then the reason (domain.consent.EXEMPTION_LABELS)
and a note are kept on the case. Declining or referring at intake does nothing for the
person, so it needs no consent.

Reopening a declined, referred or closed case starts the work again, so the rule holds
there too: a case declined at intake never had consent, and a closed one's may have been
withdrawn since. Only a case opened under a recorded exemption keeps it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.domain.case_rules import Decision
from app.domain.consent import EXEMPTION_LABELS, SERVICE
from app.domain.errors import InvalidInput
from app.services.access.consents import granted_items
from app.services.cases.types import OpenCaseInput
from app.store.models import Case, Client

FIELD = "consent"


def checked_exemption(
    session: Session, client: Client, data: OpenCaseInput, decision: Decision
) -> tuple[str, str]:
    """(exemption, note) to keep on the case; refuses a case the client has not consented to."""
    if decision is not Decision.ACCEPT:
        return "", ""
    if SERVICE in granted_items(session, client.id, data.intake_date):
        # Signed: a reason chosen while the form was open is no longer true.
        return "", ""
    code = data.consent_exemption.strip()
    if not code:
        reasons = "或".join(f"“{label}”" for label in EXEMPTION_LABELS.values())
        raise InvalidInput(
            f"{client.name}在接案日期{data.intake_date.isoformat()}没有有效的服务知情同意"
            f"（未签署或已撤回），不能接案。请先登记签署的知情同意书；确实无法取得同意时，"
            f"请选择原因（{reasons}）并写明情况。不接案或转介不需要同意。",
            field=FIELD,
        )
    if code not in EXEMPTION_LABELS:
        raise InvalidInput("未签知情同意的原因只能是无民事行为能力或紧急情况。", field=FIELD)
    note = data.consent_note.strip()
    if not note:
        raise InvalidInput(
            f"请写明{EXEMPTION_LABELS[code]}的情况（如代签的监护人、紧急情况经过）。",
            field=FIELD,
        )
    return code, note


def check_reopen(session: Session, case: Case, day: dt.date) -> None:
    """Refuse to reopen a case whose client has no service consent in force on `day`."""
    if case.consent_exemption or SERVICE in granted_items(session, case.client_id, day):
        return
    client = session.get(Client, case.client_id)
    name = client.name if client is not None else "服务对象"
    raise InvalidInput(
        f"{name}在{day.isoformat()}没有有效的服务知情同意（未签署或已撤回），"
        "不能重新开启个案。请先在服务对象详情中登记签署的知情同意书。",
        field=FIELD,
    )
