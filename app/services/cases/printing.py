"""打印个案档案: gather a whole case, masked unless revealed, and hand it to the PDF writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain import case_rules as rules
from app.domain.case_rules import (
    ASSESSMENT_DOMAINS,
    Attainment,
    ClosureStatus,
    PlanStatus,
    ReferralStatus,
)
from app.domain.codes import RiskLevel, Sex
from app.exports.case_file import Block, CaseFile, Section, write_case_file
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.cases.service import CaseService
from app.services.cases.types import (
    AssessmentView,
    CaseDetail,
    ClosureView,
    EvaluationView,
    FollowUpView,
    PlanView,
    RecordView,
    ReferralView,
)
from app.services.context import Actor
from app.services.settings.stations import StationService
from app.store.engine import Database

_DOMAINS = dict(ASSESSMENT_DOMAINS)


def _day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def _label(enum_type: type[RiskLevel] | type[rules.Urgency], value: str) -> str:
    try:
        return enum_type(value).label
    except ValueError:
        return value


@logs_refusals("case")
class CasePrintService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._cases = CaseService(db, actor, today=today)

    def case_file_pdf(self, case_id: int, path: Path, *, reveal: bool = False) -> Path:
        """Write the case file; `reveal` prints the full ID number (permitted roles, logged)."""
        detail = self._cases.get(case_id)
        id_number = self._cases.reveal_id_number(case_id) if reveal else detail.client_id_masked
        station = StationService(self._db, self._actor).info().name
        data = self.case_file(detail, station=station, id_number=id_number)
        write_case_file(data, path)
        with self._db.write() as session:
            audit.record(
                session,
                self._actor,
                "export",
                entity="case",
                entity_id=case_id,
                what="case_file_pdf",
                revealed=reveal,
                file=path.name,
            )
        return path

    def case_file(self, d: CaseDetail, *, station: str, id_number: str) -> CaseFile:
        """The case as labelled sections, ready for the writer."""
        sex = Sex(d.client_sex).label if d.client_sex in {s.value for s in Sex} else ""
        cover = (
            ("服务对象", d.client_name),
            ("性别", sex),
            ("年龄", "" if d.client_age is None else f"{d.client_age}岁"),
            ("身份证号", id_number or "（未登记）"),
            ("村/社区", d.client_village),
            ("住址", d.client_address),
            ("负责社工", d.worker),
            ("接案日期", _day(d.intake_date)),
            ("当前阶段", d.stage_label + ("（暂停）" if d.paused else "")),
            ("风险等级", _label(RiskLevel, d.risk_level)),
            ("紧急程度", _label(rules.Urgency, d.urgency)),
            ("结案日期", _day(d.closed_on)),
        )
        return CaseFile(
            station_name=station,
            case_no=d.case_no,
            cover=cover,
            sections=(
                self._intake(d),
                Section("二、预估", tuple(self._assessment(a) for a in d.assessments)),
                Section("三、服务计划", tuple(self._plan(p) for p in d.plans)),
                Section(
                    "四、服务记录（介入）",
                    tuple(self._record(i, r) for i, r in enumerate(d.records, 1)),
                ),
                Section("五、转介", tuple(self._referral(r) for r in d.referrals)),
                Section("六、评估", tuple(self._evaluation(e) for e in d.evaluations)),
                Section("七、结案", tuple(self._closure(c) for c in d.closures)),
                Section("八、跟进", tuple(self._follow_up(f) for f in d.follow_ups)),
                Section(
                    "九、督导与站长意见",
                    tuple(
                        Block(f"{c.written_on.isoformat()} {c.author}", texts=(("意见", c.body),))
                        for c in d.comments
                    ),
                ),
            ),
            printed_on=self._cases.today,
            printed_by=self._actor.display_name,
        )

    def _intake(self, d: CaseDetail) -> Section:
        decision = rules.Decision(d.decision).label if d.decision else ""
        block = Block(
            fields=(
                ("接案日期", _day(d.intake_date)),
                ("个案来源", d.source_label),
                ("转介/发现人", d.referrer),
                ("接案决定", decision),
            ),
            texts=(("求助问题", d.presenting_problem), ("决定原因", d.decision_reason)),
        )
        return Section("一、接案", (block,))

    @staticmethod
    def _assessment(a: AssessmentView) -> Block:
        rows = [("领域", "情况")] + [(_DOMAINS.get(k, k), v) for k, v in a.domains.items()]
        needs = "\n".join(f"{i}. {n}" for i, n in enumerate(a.needs, 1))
        return Block(
            heading=f"第{a.round}次预估（{_day(a.assessed_on)}）",
            fields=(("风险等级", _label(RiskLevel, a.risk_level)), ("预估人", a.author)),
            texts=(
                ("优势与资源", a.strengths),
                ("问题与需求（按优先次序）", needs),
                ("风险调整原因", a.risk_reason),
            ),
            table=tuple(rows) if len(rows) > 1 else (),
            widths=(1, 4),
        )

    @staticmethod
    def _plan(p: PlanView) -> Block:
        rows = [("序号", "具体目标", "衡量指标", "行动", "负责人", "完成期限", "达成情况")]
        for g in p.goals:
            done = Attainment(g.attainment).label if g.attainment else ""
            if g.pre_score or g.post_score:
                done += f"（前测{g.pre_score}／后测{g.post_score}）"
            rows.append((str(g.seq), g.goal, g.measures, g.actions, g.who, _day(g.due_date), done))
        return Block(
            heading=f"服务计划（{PlanStatus(p.status).label}）",
            fields=(
                ("制订日期", _day(p.created_on)),
                ("检讨日期", _day(p.review_due)),
                ("审批人", p.reviewed_by),
                ("审批日期", _day(p.reviewed_at)),
            ),
            texts=(("总目标", p.overall_goal), ("审批意见", p.review_comment)),
            table=tuple(rows),
            widths=(0.6, 2.2, 1.6, 1.8, 0.9, 1.1, 1.2),
        )

    @staticmethod
    def _record(n: int, r: RecordView) -> Block:
        start = r.start_time.strftime("%H:%M") if r.start_time else ""
        return Block(
            heading=f"第{n}次服务　{_day(r.served_on)} {start}".rstrip(),
            fields=(
                ("服务方式", r.mode_label),
                ("时长", f"{r.duration_min}分钟"),
                ("地点", r.place),
                ("在场人员", r.people_present),
                ("服务社工", r.worker),
                ("下次联系", _day(r.next_contact_date)),
            ),
            texts=(("服务内容", r.content), ("社工分析", r.analysis), ("下一步", r.next_step)),
        )

    @staticmethod
    def _referral(r: ReferralView) -> Block:
        return Block(
            heading=f"转介至{r.agency}（{_day(r.sent_on)}）",
            fields=(
                ("联系人/电话", r.contact),
                ("服务对象同意", "是" if r.consent_given else "否"),
                ("状态", ReferralStatus(r.status).label),
                ("随之结案", "是" if r.closes_case else "否"),
            ),
            texts=(("转介原因", r.reason), ("反馈", r.feedback)),
        )

    @staticmethod
    def _evaluation(e: EvaluationView) -> Block:
        score = "" if e.satisfaction is None else f"{e.satisfaction}分（满分5分）"
        return Block(
            heading=f"评估（{_day(e.evaluated_on)}）",
            fields=(("服务对象满意度", score), ("评估人", e.author)),
            texts=(("前后变化", e.change_summary),),
        )

    @staticmethod
    def _closure(c: ClosureView) -> Block:
        return Block(
            heading=f"结案申请（{ClosureStatus(c.status).label}）",
            fields=(
                ("结案原因", c.reason_label),
                ("申请日期", _day(c.submitted_on)),
                ("审批人", c.reviewed_by),
                ("审批日期", _day(c.reviewed_at)),
                ("跟进截止", _day(c.follow_up_until)),
            ),
            texts=(
                ("结案小结", c.summary),
                ("跟进计划", c.follow_up_plan),
                ("审批意见", c.review_comment),
            ),
        )

    @staticmethod
    def _follow_up(f: FollowUpView) -> Block:
        return Block(
            heading=f"跟进（{_day(f.contacted_on)}）",
            fields=(("跟进人", f.author), ("跟进计划完成", "是" if f.plan_done else "否")),
            texts=(("结果", f.result),),
        )
