"""The records behind the summary's figures, one list each, for the workbook's detail
sheets: a supervisor can check any number by counting rows. ID numbers are masked here,
before anything reaches the writer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain import case_rules as rules
from app.domain.codes import CodeList, RiskLevel
from app.domain.masking import mask_id
from app.store.models import (
    Activity,
    Case,
    CaseEvent,
    Client,
    Group,
    GroupAttendance,
    GroupSession,
    Household,
    Referral,
    Resource,
    ServiceRecord,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    User,
    Village,
    Visit,
    VisitClient,
    Volunteer,
    VolunteerService,
)

from .monthly import closing_event, open_at
from .scope import own
from .splits import closed_by_reason_rows, code_labels
from .types import Cell, Column, Detail

DATE = Column("日期", 11, "date")
CASE_NO = Column("个案编号", 16)
CLIENT = Column("服务对象", 10)
ID_NUMBER = Column("身份证号（已遮挡）", 21)
VILLAGE = Column("村/社区", 12)
WORKER = Column("社工", 10)
_RISK = {r.value: r.label for r in RiskLevel}
_STAGE = {s.value: s.label for s in rules.Stage}


class _Names:
    """Labels of the station's villages, users and codes, loaded once per report."""

    def __init__(self, session: Session, station_id: int) -> None:
        self.villages = dict(
            session.execute(
                select(Village.id, Village.name).where(Village.station_id == station_id)
            ).all()
        )
        self.users = dict(
            session.execute(
                select(User.id, User.display_name).where(User.station_id == station_id)
            ).all()
        )
        self._session = session
        self._codes: dict[CodeList, dict[str, str]] = {}

    def code(self, code_list: CodeList, code: str) -> str:
        if code_list not in self._codes:
            self._codes[code_list] = code_labels(self._session, code_list)
        return self._codes[code_list].get(code, code)

    def village(self, village_id: int | None) -> str:
        return self.villages.get(village_id, "") if village_id is not None else ""

    def user(self, user_id: int | None) -> str:
        return self.users.get(user_id, "") if user_id is not None else ""


def all_details(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None = None
) -> tuple[Detail, ...]:
    names = _Names(session, station_id)
    return (
        _cases_new(session, names, station_id, first, last, worker_id),
        _cases_closed(session, names, station_id, first, last, worker_id),
        _cases_open(session, names, station_id, last, worker_id),
        _service_records(session, names, station_id, first, last, worker_id),
        _referrals(session, station_id, first, last, worker_id),
        _group_sessions(session, station_id, first, last, worker_id),
        _activities(session, names, station_id, first, last, worker_id),
        _visits(session, names, station_id, first, last, worker_id),
        _volunteer_hours(session, station_id, first, last, worker_id),
        _resources(session, names, station_id, first, last, worker_id),
        _supervisions(session, names, station_id, first, last, worker_id),
        _trainings(session, names, station_id, first, last, worker_id),
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


def _case_cells(names: _Names, row: Any) -> tuple[Cell, ...]:
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
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(*_CASE_FIELDS)
        .join(Client, Client.id == Case.client_id)
        .where(*own(Case, w), Case.station_id == sid, Case.intake_date.between(first, last))
        .order_by(Case.intake_date, Case.case_no)
    ).all()
    return Detail("新接个案", _CASE_COLUMNS, tuple(_case_cells(names, r) for r in rows))


def _cases_open(session: Session, names: _Names, sid: int, last: dt.date, w: int | None) -> Detail:
    rows = session.execute(
        select(*_CASE_FIELDS)
        .join(Client, Client.id == Case.client_id)
        .where(Case.id.in_(open_at([sid], last)), *own(Case, w))
        .order_by(Case.case_no)
    ).all()
    return Detail("月末在案个案", _CASE_COLUMNS, tuple(_case_cells(names, r) for r in rows))


def _cases_closed(
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
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
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
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


# ---- groups, activities, visits ------------------------------------------------------


def _group_sessions(
    session: Session, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    present = (
        select(func.count(GroupAttendance.id))
        .where(GroupAttendance.session_id == GroupSession.id, GroupAttendance.status == "present")
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            GroupSession.held_on,
            GroupSession.start_time,
            Group.name,
            GroupSession.number,
            GroupSession.topic,
            present,
            GroupSession.walk_in_count,
        )
        .join(Group, Group.id == GroupSession.group_id)
        .where(
            *own(GroupSession, w),
            GroupSession.station_id == sid,
            GroupSession.held_on.between(first, last),
        )
        .order_by(GroupSession.held_on, GroupSession.start_time, GroupSession.id)
    ).all()
    columns = (
        DATE,
        Column("开始时间", 8),
        Column("小组", 18),
        Column("节次", 6, "int"),
        Column("主题", 18),
        Column("出席组员", 8, "int"),
        Column("非登记参与", 8, "int"),
        Column("参与人次", 8, "int"),
    )
    return Detail(
        "小组节次",
        columns,
        tuple(
            (
                day,
                start.strftime("%H:%M") if start else "",
                group,
                number,
                topic,
                count,
                walk_ins,
                count + walk_ins,
            )
            for day, start, group, number, topic, count, walk_ins in rows
        ),
    )


def _activities(
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(
            Activity.held_on,
            Activity.title,
            Activity.activity_type,
            Activity.village_id,
            Activity.worker_id,
            Activity.participants_total,
        )
        .where(*own(Activity, w), Activity.station_id == sid, Activity.held_on.between(first, last))
        .order_by(Activity.held_on, Activity.id)
    ).all()
    columns = (
        DATE,
        Column("活动名称", 24),
        Column("类型", 10),
        VILLAGE,
        WORKER,
        Column("参与人数", 8, "int"),
    )
    return Detail(
        "社区活动",
        columns,
        tuple(
            (
                day,
                title,
                names.code(CodeList.ACTIVITY_TYPE, kind),
                names.village(village_id),
                names.user(worker_id),
                total,
            )
            for day, title, kind, village_id, worker_id, total in rows
        ),
    )


def _visits(
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    people = (
        select(func.count(VisitClient.id)).where(VisitClient.visit_id == Visit.id).scalar_subquery()
    )
    rows = session.execute(
        select(
            Visit.visited_on,
            Visit.village_id,
            Household.head_name,
            Visit.worker_id,
            Visit.visit_type,
            people,
            Visit.new_need_count,
        )
        .outerjoin(Household, Household.id == Visit.household_id)
        .where(*own(Visit, w), Visit.station_id == sid, Visit.visited_on.between(first, last))
        .order_by(Visit.visited_on, Visit.id)
    ).all()
    columns = (
        DATE,
        VILLAGE,
        Column("户主", 10),
        WORKER,
        Column("走访类型", 10),
        Column("所见服务对象", 8, "int"),
        Column("新发现需求", 8, "int"),
    )
    return Detail(
        "走访",
        columns,
        tuple(
            (
                day,
                names.village(village_id),
                head or "",
                names.user(worker_id),
                names.code(CodeList.VISIT_TYPE, kind),
                count,
                needs,
            )
            for day, village_id, head, worker_id, kind, count, needs in rows
        ),
    )


# ---- volunteers, resources, staff ------------------------------------------------------


def _volunteer_hours(
    session: Session, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(
            VolunteerService.served_on,
            Volunteer.name,
            Volunteer.id_number,
            VolunteerService.hours,
            VolunteerService.description,
        )
        .join(Volunteer, Volunteer.id == VolunteerService.volunteer_id)
        .where(
            *own(VolunteerService, w),
            VolunteerService.station_id == sid,
            VolunteerService.served_on.between(first, last),
        )
        .order_by(VolunteerService.served_on, VolunteerService.id)
    ).all()
    columns = (
        DATE,
        Column("志愿者", 10),
        ID_NUMBER,
        Column("时长（小时）", 10, "decimal"),
        Column("服务内容", 30),
    )
    return Detail(
        "志愿服务",
        columns,
        tuple((day, name, mask_id(idn), hours, text) for day, name, idn, hours, text in rows),
    )


def _resources(
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    recipient = aliased(Client)
    rows = session.execute(
        select(
            Resource.received_on,
            Resource.source,
            Resource.kind,
            Resource.description,
            Resource.value_yuan,
            recipient.name,
        )
        .outerjoin(recipient, recipient.id == Resource.client_id)
        .where(
            *own(Resource, w), Resource.station_id == sid, Resource.received_on.between(first, last)
        )
        .order_by(Resource.received_on, Resource.id)
    ).all()
    columns = (
        DATE,
        Column("来源", 16),
        Column("类型", 8),
        Column("内容", 24),
        Column("折合金额（元）", 12, "decimal"),
        Column("受益对象", 10),
    )
    return Detail(
        "资源链接",
        columns,
        tuple(
            (
                day,
                source,
                names.code(CodeList.RESOURCE_KIND, kind),
                text,
                yuan,
                name or "",
            )
            for day, source, kind, text, yuan, name in rows
        ),
    )


def _people(session: Session, link: Any, owner: Any, ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    if ids:
        for parent, user_id in session.execute(
            select(owner, link.user_id).where(owner.in_(ids)).order_by(link.id)
        ):
            found[parent].append(user_id)
    return found


def _supervisions(
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.scalars(
        select(Supervision)
        .where(
            *own(Supervision, w),
            Supervision.station_id == sid,
            Supervision.held_on.between(first, last),
        )
        .order_by(Supervision.held_on, Supervision.id)
    ).all()
    people = _people(
        session,
        SupervisionSupervisee,
        SupervisionSupervisee.supervision_id,
        [s.id for s in rows],
    )
    columns = (
        DATE,
        Column("督导者", 10),
        Column("形式", 10),
        Column("时长（小时）", 10, "decimal"),
        Column("被督导人", 24),
    )
    return Detail(
        "督导",
        columns,
        tuple(
            (
                s.held_on,
                s.supervisor_name or names.user(s.supervisor_id),
                names.code(CodeList.SUPERVISION_FORM, s.form),
                s.hours,
                "、".join(names.user(u) for u in people[s.id]),
            )
            for s in rows
        ),
    )


def _trainings(
    session: Session, names: _Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.scalars(
        select(Training)
        .where(*own(Training, w), Training.station_id == sid, Training.held_on.between(first, last))
        .order_by(Training.held_on, Training.id)
    ).all()
    people = _people(
        session, TrainingParticipant, TrainingParticipant.training_id, [t.id for t in rows]
    )
    columns = (
        DATE,
        Column("培训名称", 24),
        Column("主办方", 14),
        Column("时长（小时）", 10, "decimal"),
        Column("参训人", 24),
    )
    return Detail(
        "培训",
        columns,
        tuple(
            (
                t.held_on,
                t.title,
                t.organiser,
                t.hours,
                "、".join(names.user(u) for u in people[t.id]),
            )
            for t in rows
        ),
    )
