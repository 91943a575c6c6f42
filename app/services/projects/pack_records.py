"""The evidence pack's record lists: the records behind each indicator, the staff, the
volunteers' service and linked resources, and the supervision and training records.

The lists are the monthly report's detail lists (app/services/reports/details.py) over
the period instead of a month, with a 站点 column when the project covers several
stations; everything is masked by the caller's `Masker` before it reaches a writer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain import project_rules
from app.domain.codes import CodeList
from app.domain.roles import Role
from app.exports.case_file import Block, Section
from app.exports.report_model import Column, Detail
from app.services.reports import details
from app.services.reports.splits import code_labels
from app.store.models import (
    Case,
    Group,
    Supervision,
    SupervisionCase,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    User,
)

from .pack_items import PackContext

RECORDS_OF: dict[str, str] = {
    "groups_new": "新开小组",
    "cases_new": "新接个案",
    "cases_closed": "结案个案",
    "service_records": "个案服务记录",
    "service_hours": "个案服务记录",
    "referrals": "转介",
    "group_sessions": "小组节次",
    "group_attendance": "小组节次",
    "activities": "社区活动",
    "activity_participants": "社区活动",
    "visit_households": "走访",
    "visit_people": "走访",
    "volunteer_hours": "志愿服务",
    "resources": "资源链接",
    "resource_yuan": "资源链接",
    "supervisions": "督导",
    "supervision_hours": "督导",
    "trainings": "培训",
    "training_hours": "培训",
    "surveys": "满意度调查",
    "surveys_satisfied": "满意度调查",
}
"""Which detail list holds the records a rule's figure counts: the monthly report's, and
新开小组 (which the report has none of: `_groups_new` lists them)."""
STATION = Column("站点", 14)


def period_details(ctx: PackContext, first: dt.date, last: dt.date) -> dict[str, Detail]:
    """Every detail list over [first, last], the covered stations' rows one after another."""
    merged: dict[str, list[Detail]] = defaultdict(list)
    with ctx.db.read() as session:
        for station in ctx.stations:
            found = (
                *details.all_details(session, station.id, first, last),
                _groups_new(session, station.id, first, last),
                _surveys(session, station.id, first, last),
            )
            for d in found:
                merged[d.title].append(d)
    return {title: _joined(ctx, parts) for title, parts in merged.items()}


def _joined(ctx: PackContext, parts: Sequence[Detail]) -> Detail:
    if not ctx.many_stations:
        return parts[0]
    rows = tuple(
        (station.name, *row)
        for station, part in zip(ctx.stations, parts, strict=True)
        for row in part.rows
    )
    return Detail(parts[0].title, (STATION, *parts[0].columns), rows)


def _groups_new(session: Session, station_id: int, first: dt.date, last: dt.date) -> Detail:
    rows = session.scalars(
        select(Group)
        .where(Group.station_id == station_id, Group.start_date.between(first, last))
        .order_by(Group.start_date, Group.id)
    ).all()
    columns = (
        Column("开始日期", 11, "date"),
        Column("小组名称", 24),
        Column("服务对象", 18),
        Column("计划节数", 8, "int"),
    )
    return Detail(
        RECORDS_OF["groups_new"],
        columns,
        tuple((g.start_date, g.name, g.target_people, g.planned_sessions) for g in rows),
    )


def _surveys(session: Session, station_id: int, first: dt.date, last: dt.date) -> Detail:
    """The period's satisfaction surveys: what was surveyed, who answered, the scores."""
    from app.domain import satisfaction
    from app.store.models import SatisfactionSurvey

    rows = session.scalars(
        select(SatisfactionSurvey)
        .where(
            SatisfactionSurvey.station_id == station_id,
            SatisfactionSurvey.surveyed_on.between(first, last),
        )
        .order_by(SatisfactionSurvey.surveyed_on, SatisfactionSurvey.id)
    ).all()
    columns = (
        Column("调查日期", 11, "date"),
        Column("服务类型", 10),
        Column("回答人", 10),
        Column("总体满意（1到5分）", 10, "int"),
        Column("满意", 6),
    )

    def kind(s: SatisfactionSurvey) -> str:
        return "个案" if s.case_id else "小组" if s.group_id else "社区活动"

    def who(s: SatisfactionSurvey) -> str:
        return satisfaction.Respondent(s.respondent).label

    return Detail(
        RECORDS_OF["surveys"],
        columns,
        tuple(
            (
                s.surveyed_on,
                kind(s),
                who(s),
                s.overall,
                "是" if satisfaction.is_satisfied(s.overall) else "否",
            )
            for s in rows
        ),
    )


def indicator_records(ctx: PackContext, found: dict[str, Detail]) -> list[Detail]:
    """One list per target, named after it, in the targets' order."""
    out = []
    for target in ctx.project.targets:
        rule = project_rules.BY_KEY[target.rule]
        source = found.get(RECORDS_OF.get(rule.figure, ""))
        if source is None:
            continue
        out.append(Detail(f"{rule.label}（{rule.unit}）", source.columns, source.rows))
    return out


def staff(ctx: PackContext) -> Detail:
    """The covered stations' users (qualifications come with the staff records)."""
    with ctx.db.read() as session:
        titles = code_labels(session, CodeList.WORKER_TITLE)
        rows = session.scalars(
            select(User)
            .where(User.station_id.in_([s.id for s in ctx.stations]))
            .order_by(User.station_id, User.name_sort, User.id)
        ).all()
    names = {s.id: s.name for s in ctx.stations}
    columns = (
        STATION,
        Column("姓名", 10),
        Column("角色", 8),
        Column("职业资格", 16),
        Column("证书编号", 16),
        Column("取证日期", 11, "date"),
        Column("状态", 6),
    )
    return Detail(
        "人员名单",
        columns,
        tuple(
            (
                names.get(u.station_id, ""),
                u.display_name,
                _role(u.role),
                titles.get(u.title, "") if u.title != "none" else "",
                u.certificate_no,
                u.certified_on,
                "在职" if u.active else "停用",
            )
            for u in rows
        ),
    )


def _role(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return value


def supervision_sections(ctx: PackContext) -> tuple[Section, ...]:
    """督导 and 培训 records of the period, one block each, for the record book."""
    ids = [s.id for s in ctx.stations]
    with ctx.db.read() as session:
        users = dict(
            session.execute(
                select(User.id, User.display_name).where(User.station_id.in_(ids))
            ).all()
        )
        forms = code_labels(session, CodeList.SUPERVISION_FORM)
        supervisions = session.scalars(
            select(Supervision)
            .where(
                Supervision.station_id.in_(ids), Supervision.held_on.between(ctx.first, ctx.last)
            )
            .order_by(Supervision.held_on, Supervision.id)
        ).all()
        people = _linked(
            session,
            SupervisionSupervisee.supervision_id,
            SupervisionSupervisee.user_id,
            [s.id for s in supervisions],
        )
        cases = defaultdict(list)
        for sid, case_no in session.execute(
            select(SupervisionCase.supervision_id, Case.case_no)
            .join(Case, Case.id == SupervisionCase.case_id)
            .where(SupervisionCase.supervision_id.in_([s.id for s in supervisions]))
            .order_by(Case.case_no)
        ):
            cases[sid].append(case_no)
        trainings = session.scalars(
            select(Training)
            .where(Training.station_id.in_(ids), Training.held_on.between(ctx.first, ctx.last))
            .order_by(Training.held_on, Training.id)
        ).all()
        trainees = _linked(session, TrainingParticipant.training_id, TrainingParticipant.user_id,
                           [t.id for t in trainings])  # fmt: skip
    return (
        Section(
            "一、督导记录",
            tuple(
                Block(
                    heading=f"{s.held_on.isoformat()} {forms.get(s.form, s.form)}",
                    fields=(
                        ("督导者", s.supervisor_name or users.get(s.supervisor_id or 0, "")),
                        ("时长", f"{s.hours:g}小时"),
                        ("被督导人", "、".join(users.get(u, "") for u in people[s.id])),
                        ("涉及个案", "、".join(cases[s.id])),
                    ),
                    texts=(("督导议题", s.topics), ("督导意见", s.advice), ("跟进", s.follow_up)),
                )
                for s in supervisions
            ),
        ),
        Section(
            "二、培训记录",
            tuple(
                Block(
                    heading=f"{t.held_on.isoformat()} {t.title}",
                    fields=(
                        ("主办方", t.organiser),
                        ("时长", f"{t.hours:g}小时"),
                        ("参训人", "、".join(users.get(u, "") for u in trainees[t.id])),
                    ),
                )
                for t in trainings
            ),
        ),
    )


def _linked(
    session: Session,
    owner: InstrumentedAttribute[int],
    user: InstrumentedAttribute[int],
    ids: list[int],
) -> dict[int, list[int]]:
    """parent id → the user ids linked to it (supervisees, trainees)."""
    found: dict[int, list[int]] = defaultdict(list)
    if ids:
        for parent, user_id in session.execute(select(owner, user).where(owner.in_(ids))):
            found[parent].append(user_id)
    return found
