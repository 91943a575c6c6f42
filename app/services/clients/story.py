"""服务经历: a client's whole story across the features, newest first, and its PDF.

It reads the records of cases, visits, groups and activities straight from the store:
those features sit above or beside the registry in the map of the house, and a story is
only their dates and a line of text each. Everything is of the actor's station.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import consent
from app.domain.attendance import AttendanceStatus
from app.domain.case_rules import ReferralStatus, Stage
from app.domain.codes import CodeList, RiskLevel, Sex
from app.domain.errors import NotFound
from app.domain.roles import Permission
from app.exports.client_story import StoryFile, write_client_story
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.clients.service import ClientService
from app.services.clients.story_types import (
    ClientStory,
    Opens,
    StoryEntry,
    StoryKind,
    matching,
    newest_first,
)
from app.services.context import Actor
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.store.models import (
    Activity,
    ActivityParticipant,
    Case,
    CaseEvent,
    Client,
    ClientCategory,
    CodeItem,
    Consent,
    DatedValue,
    Group,
    GroupAttendance,
    GroupMember,
    GroupSession,
    Referral,
    ServiceRecord,
    Visit,
    VisitClient,
)

_CASE_EVENTS = {"stage": "阶段变更", "pause": "暂停", "resume": "恢复", "reopen": "重新开启"}
"""The case events that belong in a client's story (hand-overs and re-ratings stay in the
case's own timeline)."""
_ATTENDED = (AttendanceStatus.PRESENT.value, AttendanceStatus.LEFT.value)


def _label(enum_type: type[Stage] | type[RiskLevel] | type[ReferralStatus], value: str) -> str:
    try:
        return enum_type(value).label
    except ValueError:
        return value


def _joined(*parts: str) -> str:
    """Parts of one line: "问候近况；按计划跟进", not "问候近况。；按计划跟进"."""
    kept = [p.strip() for p in parts if p and p.strip()]
    return "；".join([p.rstrip("。；;") for p in kept[:-1]] + kept[-1:])


@logs_refusals("client")
class ClientStoryService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._clients = ClientService(db, actor, today=today)

    def story(
        self, client_id: int, *, kinds: Collection[StoryKind] = (), text: str = ""
    ) -> ClientStory:
        """Every event of the client, newest first; `kinds` and `text` narrow it."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            client = session.get(Client, client_id)
            if client is None or client.station_id != self._actor.station_id:
                raise NotFound("找不到该服务对象，可能已被删除或不属于本站。")
            entries = list(_Reader(session, client).entries())
        shown = matching(newest_first(entries), kinds=kinds, text=text)
        return ClientStory(client_id=client.id, client_name=client.name, entries=shown)

    def story_pdf(
        self,
        client_id: int,
        path: Path,
        *,
        kinds: Collection[StoryKind] = (),
        text: str = "",
        reveal: bool = False,
    ) -> Path:
        """Write the story as a PDF, masked; `reveal` prints the full ID number and phone
        (who may see them, as the detail's reveal: permitted roles, logged)."""
        detail = self._clients.get(client_id)
        id_number, phone = detail.id_number_masked, detail.phone_masked
        if reveal:
            revealed = self._clients.reveal(client_id)
            id_number, phone = revealed.id_number, revealed.phone
        story = self.story(client_id, kinds=kinds, text=text)
        sex = Sex(detail.sex).label if detail.sex in {s.value for s in Sex} else ""
        with self._db.read() as session:
            labels = _labels(session, CodeList.CLIENT_CATEGORY)
        cover = (
            ("服务对象", detail.name),
            ("性别", sex),
            ("年龄", "" if detail.age is None else f"{detail.age}岁"),
            ("身份证号", id_number or "（未登记）"),
            ("联系电话", phone),
            ("村/社区", detail.village),
            ("类别", "、".join(labels.get(c, c) for c in detail.categories)),
            ("风险等级", _label(RiskLevel, detail.risk_level)),
            ("负责社工", detail.worker),
            ("记录条数", str(len(story.entries))),
        )
        station = StationService(self._db, self._actor).info().name
        data = StoryFile(
            station_name=station,
            client_name=detail.name,
            cover=cover,
            scope=_scope(kinds, text),
            rows=tuple((e.on.isoformat(), e.kind.label, e.title, e.summary) for e in story.entries),
            printed_on=self._clients.today,
            printed_by=self._actor.display_name,
        )
        write_client_story(data, path)
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity="client", entity_id=client_id,
                what="client_story_pdf", revealed=reveal, file=path.name,
            )  # fmt: skip
        return path


def _scope(kinds: Collection[StoryKind], text: str) -> str:
    parts = []
    if kinds:
        parts.append("只含" + "、".join(k.label for k in StoryKind if k in kinds))
    if text.strip():
        parts.append(f"含“{' '.join(text.split())}”的记录")
    return "，".join(parts)


def _labels(session: Session, code_list: CodeList) -> dict[str, str]:
    stmt = select(CodeItem.code, CodeItem.label).where(CodeItem.list_name == code_list.value)
    return {code: label for code, label in session.execute(stmt)}


class _Reader:
    """Reads one client's events in one session, a kind at a time."""

    def __init__(self, session: Session, client: Client) -> None:
        self._s = session
        self._client = client
        self._station = client.station_id

    def entries(self) -> Iterator[StoryEntry]:
        yield from self._cases()
        yield from self._records()
        yield from self._visits()
        yield from self._groups()
        yield from self._activities()
        yield from self._referrals()
        yield from self._consents()
        yield from self._categories()
        yield from self._risk()

    def _entry(
        self, kind: StoryKind, on: dt.date, at: dt.datetime, title: str, summary: str,
        opens: Opens, target: int,
    ) -> StoryEntry:  # fmt: skip
        return StoryEntry(kind, on, at, title, summary, opens, target)

    def _cases(self) -> Iterator[StoryEntry]:
        cases = {
            c.id: c
            for c in self._s.scalars(
                select(Case).where(
                    Case.client_id == self._client.id, Case.station_id == self._station
                )
            )
        }
        for c in cases.values():
            stage = _label(Stage, c.stage) + ("（暂停）" if c.paused else "")
            yield self._entry(
                StoryKind.CASE, c.intake_date, c.created_at, f"接案 {c.case_no}",
                _joined(f"当前阶段：{stage}", c.presenting_problem), Opens.CASE, c.id,
            )  # fmt: skip
        if not cases:
            return
        events = select(CaseEvent).where(
            CaseEvent.case_id.in_(cases), CaseEvent.kind.in_(_CASE_EVENTS)
        )
        for e in self._s.scalars(events):
            change = "→".join(_label(Stage, v) for v in (e.from_value, e.to_value) if v)
            if e.kind in ("pause", "resume"):
                change = ""
            yield self._entry(
                StoryKind.CASE, e.happened_on, e.created_at,
                f"{_CASE_EVENTS[e.kind]} {cases[e.case_id].case_no}", _joined(change, e.reason),
                Opens.CASE, e.case_id,
            )  # fmt: skip

    def _records(self) -> Iterator[StoryEntry]:
        modes = _labels(self._s, CodeList.SERVICE_MODE)
        stmt = select(ServiceRecord).where(
            ServiceRecord.client_id == self._client.id, ServiceRecord.station_id == self._station
        )
        for r in self._s.scalars(stmt):
            yield self._entry(
                StoryKind.RECORD, r.served_on, r.created_at,
                f"{modes.get(r.mode, r.mode)}（{r.duration_min}分钟）",
                _joined(r.content, r.next_step), Opens.CASE, r.case_id,
            )  # fmt: skip

    def _visits(self) -> Iterator[StoryEntry]:
        types = _labels(self._s, CodeList.VISIT_TYPE)
        stmt = (
            select(Visit)
            .join(VisitClient, VisitClient.visit_id == Visit.id)
            .where(VisitClient.client_id == self._client.id, Visit.station_id == self._station)
        )
        for v in self._s.scalars(stmt):
            yield self._entry(
                StoryKind.VISIT, v.visited_on, v.created_at,
                types.get(v.visit_type, v.visit_type),
                _joined(v.needs_found, v.living_conditions, v.safety), Opens.VISIT, v.id,
            )  # fmt: skip

    def _groups(self) -> Iterator[StoryEntry]:
        members = select(GroupMember, Group).join(Group, Group.id == GroupMember.group_id)
        members = members.where(
            GroupMember.client_id == self._client.id, Group.station_id == self._station
        )
        for m, g in self._s.execute(members):
            day = m.joined_on or g.start_date or m.created_at.astimezone().date()
            yield self._entry(
                StoryKind.GROUP, day, m.created_at, f"加入小组「{g.name}」", g.goals,
                Opens.GROUP, g.id,
            )  # fmt: skip
        sessions = (
            select(GroupSession, Group.name, GroupAttendance.status, GroupAttendance.created_at)
            .join(GroupAttendance, GroupAttendance.session_id == GroupSession.id)
            .join(GroupMember, GroupMember.id == GroupAttendance.member_id)
            .join(Group, Group.id == GroupSession.group_id)
            .where(
                GroupMember.client_id == self._client.id,
                GroupAttendance.status.in_(_ATTENDED),
                Group.station_id == self._station,
            )
        )
        for s, name, status, at in self._s.execute(sessions):
            left = status == AttendanceStatus.LEFT.value
            yield self._entry(
                StoryKind.GROUP, s.held_on, at, f"小组「{name}」第{s.number}节",
                _joined(s.topic, AttendanceStatus.LEFT.label if left else ""),
                Opens.GROUP, s.group_id,
            )  # fmt: skip

    def _activities(self) -> Iterator[StoryEntry]:
        stmt = (
            select(Activity, ActivityParticipant.created_at)
            .join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
            .where(
                ActivityParticipant.client_id == self._client.id,
                Activity.station_id == self._station,
            )
        )
        for a, at in self._s.execute(stmt):
            yield self._entry(
                StoryKind.ACTIVITY, a.held_on, at, f"参加社区活动「{a.title}」",
                _joined(a.place, a.content), Opens.ACTIVITY, a.id,
            )  # fmt: skip

    def _referrals(self) -> Iterator[StoryEntry]:
        stmt = select(Referral).where(
            Referral.client_id == self._client.id, Referral.station_id == self._station
        )
        for r in self._s.scalars(stmt):
            opens, target = (Opens.CASE, r.case_id) if r.case_id else (Opens.CLIENT, r.client_id)
            yield self._entry(
                StoryKind.REFERRAL, r.sent_on, r.created_at, f"转介至{r.agency}",
                _joined(_label(ReferralStatus, r.status), r.reason, r.feedback), opens, target,
            )  # fmt: skip

    def _consents(self) -> Iterator[StoryEntry]:
        stmt = select(Consent).where(
            Consent.client_id == self._client.id, Consent.station_id == self._station
        )
        cid = self._client.id
        for c in self._s.scalars(stmt):
            item = consent.item_label(c.item)
            signer = f"签字人：{c.signer_name}（{c.signer_relation}）"
            yield self._entry(
                StoryKind.CONSENT, c.signed_on, c.created_at, f"知情同意·{item}",
                _joined(
                    "同意" if c.granted else "不同意", signer,
                    f"文本版本：{c.text_version}" if c.text_version else "",
                ),
                Opens.CLIENT, cid,
            )  # fmt: skip
            if c.withdrawn_on is not None:
                yield self._entry(
                    StoryKind.CONSENT, c.withdrawn_on, c.updated_at, f"撤回知情同意·{item}",
                    "", Opens.CLIENT, cid,
                )  # fmt: skip

    def _categories(self) -> Iterator[StoryEntry]:
        labels = _labels(self._s, CodeList.CLIENT_CATEGORY)
        stmt = select(ClientCategory).where(
            ClientCategory.client_id == self._client.id,
            ClientCategory.station_id == self._station,
        )
        cid = self._client.id
        for c in self._s.scalars(stmt):
            label = labels.get(c.category, c.category)
            start = c.start_date or c.created_at.astimezone().date()
            held = f"享有至{c.end_date.isoformat()}" if c.end_date else "目前仍享有"
            yield self._entry(
                StoryKind.CATEGORY, start, c.created_at, f"纳入类别：{label}", held,
                Opens.CLIENT, cid,
            )  # fmt: skip
            if c.end_date is not None:
                # The change was dated the day after the last day held (history.py).
                yield self._entry(
                    StoryKind.CATEGORY, c.end_date + dt.timedelta(days=1), c.updated_at,
                    f"不再属于类别：{label}", f"享有{start.isoformat()}至{c.end_date.isoformat()}",
                    Opens.CLIENT, cid,
                )  # fmt: skip

    def _risk(self) -> Iterator[StoryEntry]:
        stmt = (
            select(DatedValue)
            .where(
                DatedValue.subject == "client",
                DatedValue.subject_id == self._client.id,
                DatedValue.field == "risk_level",
                DatedValue.station_id == self._station,
            )
            .order_by(DatedValue.valid_from, DatedValue.id)
        )
        before = ""
        for d in self._s.scalars(stmt):
            now = _label(RiskLevel, d.value) if d.value else "未评"
            title = f"风险等级：{before}→{now}" if before else f"风险等级：{now}"
            yield self._entry(
                StoryKind.RISK, d.valid_from, d.created_at, title,
                _joined(d.reason, f"补录原因：{d.late_reason}" if d.late_reason else ""),
                Opens.CLIENT, self._client.id,
            )  # fmt: skip
            before = now
