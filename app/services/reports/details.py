"""The records behind the summary's figures, one list each, for the workbook's detail
sheets: a supervisor can check any number by counting rows. ID numbers are masked here,
before anything reaches the writer. The cases and service records are here, the other
lists in details_activities.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.codes import CodeList, RiskLevel
from app.domain.masking import mask_id
from app.store.models import (
    Case,
    CaseEvent,
    Client,
    Referral,
    ServiceRecord,
)

from . import details_activities as activities
from .detail_names import CASE_NO, CLIENT, DATE, ID_NUMBER, VILLAGE, WORKER, Names
from .monthly import closing_event, open_at
from .scope import own
from .splits import closed_by_reason_rows, code_labels
from .types import Cell, Column, Detail

_RISK = {r.value: r.label for r in RiskLevel}
_STAGE = {s.value: s.label for s in rules.Stage}


def all_details(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None = None
) -> tuple[Detail, ...]:
    names = Names(session, station_id)
    return (
        _cases_new(session, names, station_id, first, last, worker_id),
        _cases_closed(session, names, station_id, first, last, worker_id),
        _cases_open(session, names, station_id, last, worker_id),
        _service_records(session, names, station_id, first, last, worker_id),
        _referrals(session, station_id, first, last, worker_id),
        activities.group_sessions(session, station_id, first, last, worker_id),
        activities.activities(session, names, station_id, first, last, worker_id),
        activities.visits(session, names, station_id, first, last, worker_id),
        activities.volunteer_hours(session, station_id, first, last, worker_id),
        activities.resources(session, names, station_id, first, last, worker_id),
        activities.supervisions(session, names, station_id, first, last, worker_id),
        activities.trainings(session, names, station_id, first, last, worker_id),
    )


# ---- cases ------------------------------------------------------------------------------

_CASE_COLUMNS = (
    CASE_NO,
    CLIENT,
    ID_NUMBER,
    VILLAGE,
    WORKER,
    Column("接案日期", 11, "date"),
    Column("风险等级", 8),
    Column("当前阶段", 9),
)


_CASE_FIELDS = (
    Case.case_no,
    Client.name,
    Client.id_number,
    Client.village_id,
    Case.worker_id,
    Case.intake_date,
    Case.risk_level,
    Case.stage,
)


def _case_cells(names: Names, row: Any) -> tuple[Cell, ...]:
    no, name, id_number, village_id, worker_id, intake, risk, stage = row
    return (
        no,
        name,
        mask_id(id_number),
        names.village(village_id),
        names.user(worker_id),
        intake,
        _RISK.get(risk, risk),
        _STAGE.get(stage, stage),
    )


def _cases_new(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(*_CASE_FIELDS)
        .join(Client, Client.id == Case.client_id)
        .where(*own(Case, w), Case.station_id == sid, Case.intake_date.between(first, last))
        .order_by(Case.intake_date, Case.case_no)
    ).all()
    return Detail("新接个案", _CASE_COLUMNS, tuple(_case_cells(names, r) for r in rows))


def _cases_open(session: Session, names: Names, sid: int, last: dt.date, w: int | None) -> Detail:
    rows = session.execute(
        select(*_CASE_FIELDS)
        .join(Client, Client.id == Case.client_id)
        .where(Case.id.in_(open_at([sid], last)), *own(Case, w))
        .order_by(Case.case_no)
    ).all()
    return Detail("月末在案个案", _CASE_COLUMNS, tuple(_case_cells(names, r) for r in rows))


def _cases_closed(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    reasons = closed_by_reason_rows(session, sid, first, last, w)
    rows = session.execute(
        select(
            CaseEvent.id,
            CaseEvent.happened_on,
            CaseEvent.to_value,
            Case.case_no,
            Client.name,
            Client.id_number,
            Case.worker_id,
            Case.intake_date,
        )
        .join(Case, Case.id == CaseEvent.case_id)
        .join(Client, Client.id == Case.client_id)
        .where(
            CaseEvent.station_id == sid,
            CaseEvent.happened_on.between(first, last),
            closing_event(),
            *own(CaseEvent, w),
        )
        .order_by(CaseEvent.happened_on, CaseEvent.id)
    ).all()
    columns = (
        CASE_NO,
        CLIENT,
        ID_NUMBER,
        WORKER,
        Column("接案日期", 11, "date"),
        Column("结案日期", 11, "date"),
        Column("结案方式", 10),
        Column("结案原因", 14),
    )
    return Detail(
        "结案个案",
        columns,
        tuple(
            (
                case_no,
                name,
                mask_id(id_number),
                names.user(worker_id),
                intake,
                day,
                _STAGE.get(stage, stage),
                reasons.get(event_id, ""),
            )
            for event_id, day, stage, case_no, name, id_number, worker_id, intake in rows
        ),
    )


def _service_records(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(
            ServiceRecord.served_on,
            Case.case_no,
            Client.name,
            Client.id_number,
            ServiceRecord.worker_id,
            ServiceRecord.mode,
            ServiceRecord.duration_min,
            ServiceRecord.place,
        )
        .join(Case, Case.id == ServiceRecord.case_id)
        .join(Client, Client.id == ServiceRecord.client_id)
        .where(
            *own(ServiceRecord, w),
            ServiceRecord.station_id == sid,
            ServiceRecord.served_on.between(first, last),
        )
        .order_by(ServiceRecord.served_on, ServiceRecord.id)
    ).all()
    columns = (
        DATE,
        CASE_NO,
        CLIENT,
        ID_NUMBER,
        WORKER,
        Column("服务方式", 10),
        Column("时长（分钟）", 10, "int"),
        Column("地点", 14),
    )
    modes = code_labels(session, CodeList.SERVICE_MODE)
    return Detail(
        "个案服务记录",
        columns,
        tuple(
            (
                day,
                case_no,
                name,
                mask_id(id_number),
                names.user(worker_id),
                modes.get(mode, mode),
                minutes,
                place,
            )
            for day, case_no, name, id_number, worker_id, mode, minutes, place in rows
        ),
    )


def _referrals(session: Session, sid: int, first: dt.date, last: dt.date, w: int | None) -> Detail:
    rows = session.execute(
        select(
            Referral.sent_on,
            Case.case_no,
            Client.name,
            Client.id_number,
            Referral.agency,
            Referral.status,
        )
        .join(Client, Client.id == Referral.client_id)
        .outerjoin(Case, Case.id == Referral.case_id)
        .where(*own(Referral, w), Referral.station_id == sid, Referral.sent_on.between(first, last))
        .order_by(Referral.sent_on, Referral.id)
    ).all()
    columns = (
        DATE,
        CASE_NO,
        CLIENT,
        ID_NUMBER,
        Column("转介机构", 18),
        Column("状态", 8),
    )
    status = {s.value: s.label for s in rules.ReferralStatus}
    return Detail(
        "转介",
        columns,
        tuple(
            (day, case_no or "", name, mask_id(idn), agency, status.get(state, state))
            for day, case_no, name, idn, agency, state in rows
        ),
    )
