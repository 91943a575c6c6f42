"""打印小组工作档案: gather a group with its sessions and sign-in lists for the PDF writer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from app.exports.group_file import GroupFile, SessionPage, write_group_file
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.groups.service import GroupService
from app.services.groups.types import (
    ENTITY,
    AttendanceStatus,
    GroupDetail,
    MemberView,
    SessionView,
)
from app.services.settings.stations import StationService
from app.store.engine import Database


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _number(value: Decimal | int | None) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, Decimal) else str(value)


def _status(value: str) -> str:
    try:
        return AttendanceStatus(value).label
    except ValueError:
        return value


def in_group_on(member: MemberView, day: dt.date) -> bool:
    """Whether the member belonged to the group on that day (for the sign-in sheet)."""
    joined = member.joined_on is None or member.joined_on <= day
    return joined and (member.left_on is None or member.left_on > day)


@logs_refusals("group")
class GroupPrintService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._groups = GroupService(db, actor, today=today)

    def group_file_pdf(self, group_id: int, path: Path) -> Path:
        """Write the group file; the export is audited like every other one."""
        detail = self._groups.get(group_id)
        station = StationService(self._db, self._actor).info().name
        write_group_file(self.group_file(detail, station=station), path)
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity=ENTITY, entity_id=group_id,
                what="group_file_pdf", file=path.name,
            )  # fmt: skip
        return path

    def group_file(self, d: GroupDetail, *, station: str) -> GroupFile:
        """The group as labelled text, ready for the writer."""
        counts = d.counts
        return GroupFile(
            station_name=station,
            name=d.name,
            plan=(
                ("小组名称", d.name),
                ("小组类型", d.type_label),
                ("带领者", "、".join(p.name for p in d.facilitators)),
                ("协同带领者", "、".join(p.name for p in d.co_facilitators)),
                ("服务对象", d.target_people),
                ("计划节数", f"{d.planned_sessions}节"),
                ("开始日期", _day(d.start_date)),
                ("结束日期", _day(d.end_date)),
                ("活动地点", d.place),
                ("预算（元）", _number(d.budget)),
                ("状态", d.status_label),
                ("组员人数", f"{sum(m.active for m in d.members)}人"),
            ),
            plan_texts=(
                ("小组目标", d.goals),
                ("理论依据", d.theory_basis),
                ("招募条件", d.recruitment_criteria),
                ("评估方法", d.evaluation_method),
            ),
            members=(
                ("序号", "姓名", "村/社区", "入组日期", "退出日期"),
                *(
                    (str(i), m.name, m.village, _day(m.joined_on), _day(m.left_on))
                    for i, m in enumerate(d.members, 1)
                ),
            ),
            sessions=tuple(self._session(s, d.members) for s in d.sessions),
            summary=(
                ("已开展节数", f"{len(d.sessions)}节"),
                ("出勤人次", f"{counts.person_times}人次"),
                ("其中非登记参与", f"{counts.walk_ins}人次"),
                ("缺席 / 中途离开", f"{counts.absent} / {counts.left}"),
                ("评估量表", d.scale_name),
                ("总体满意度（1–5）", _number(d.satisfaction)),
            ),
            summary_texts=(("目标达成情况", d.goal_attainment), ("小组总结", d.summary)),
            scores=(
                ("组员", "前测", "后测", "变化", "满意度"),
                *(
                    (
                        m.name,
                        _number(m.pre_score),
                        _number(m.post_score),
                        _number(m.post_score - m.pre_score)
                        if m.pre_score is not None and m.post_score is not None
                        else "",
                        _number(m.satisfaction),
                    )
                    for m in d.members
                    if m.pre_score is not None or m.post_score is not None or m.satisfaction
                ),
            ),
            printed_on=self._groups.today,
            printed_by=self._actor.display_name,
        )

    def _session(self, s: SessionView, members: tuple[MemberView, ...]) -> SessionPage:
        marks = {a.member_id: a for a in s.attendance}
        listed = [m for m in members if m.id in marks or in_group_on(m, s.held_on)]
        start = s.start_time.strftime("%H:%M") if s.start_time else ""
        c = s.counts
        return SessionPage(
            heading=f"第{s.number}节　{s.topic}".rstrip(),
            fields=(
                ("日期", s.held_on.isoformat()),
                ("开始时间", start),
                ("时长", f"{s.duration_min}分钟"),
                ("出勤人次", f"{c.person_times}人次"),
                ("出席 / 缺席 / 中途离开", f"{c.present} / {c.absent} / {c.left}"),
                ("非登记参与", f"{c.walk_ins}人"),
            ),
            texts=(
                ("本节目标", s.goal),
                ("活动内容", s.activities),
                ("小组动力", s.dynamics),
                ("社工反思", s.reflection),
            ),
            sign_in=tuple(
                (m.name, _status(marks[m.id].status) if m.id in marks else "") for m in listed
            ),
            observations=tuple(
                (a.name, a.observation) for a in s.attendance if a.observation.strip()
            ),
        )
