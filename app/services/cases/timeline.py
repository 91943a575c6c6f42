"""The case's timeline: every record and step by its 发生日期, with late entries marked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import case_rules as rules
from app.domain.case_rules import ClosureStatus, PlanStatus, Stage
from app.domain.codes import RiskLevel
from app.services.cases.types import (
    AssessmentView,
    ClosureView,
    CommentView,
    EvaluationView,
    EventView,
    FollowUpView,
    PlanView,
    RecordView,
    ReferralView,
    TimelineEntry,
)

_STAGES = frozenset(s.value for s in Stage)
_EVENT_TITLES = {
    "open": "接案",
    "stage": "阶段变更",
    "pause": "暂停",
    "resume": "恢复",
    "reopen": "重新开启",
    "reassign": "改派社工",
    "risk": "风险等级调整",
    "urgency": "紧急程度调整",
}


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def timeline(
    assessments: tuple[AssessmentView, ...],
    plans: tuple[PlanView, ...],
    records: tuple[RecordView, ...],
    referrals: tuple[ReferralView, ...],
    evaluations: tuple[EvaluationView, ...],
    closures: tuple[ClosureView, ...],
    follow_ups: tuple[FollowUpView, ...],
    events: tuple[EventView, ...],
    comments: tuple[CommentView, ...],
) -> tuple[TimelineEntry, ...]:
    """Every record of the case by its 发生日期; on one day, in the order the kinds happen.

    An entry typed in on a later day (补录) says so, with the reason given for it.
    """
    entries: list[tuple[dt.date, int, int, TimelineEntry]] = []

    def add(
        on: dt.date, rank: int, kind: str, title: str, summary: str, rid: int, dated: Any = None
    ) -> None:
        entered = getattr(dated, "entered_on", None)
        entry = TimelineEntry(
            on, kind, title, _short(summary), rid,
            entered_on=entered if entered is not None and entered != on else None,
            late_reason=getattr(dated, "late_reason", ""),
        )  # fmt: skip
        entries.append((on, rank, rid, entry))

    for e in events:
        add(e.happened_on, 0, "event", _EVENT_TITLES.get(e.kind, e.kind), _event_text(e), e.id, e)
    for a in assessments:
        add(a.assessed_on, 1, "assessment", f"第{a.round}次预估",
            f"风险{RiskLevel(a.risk_level).label}；" + "、".join(a.needs), a.id, a)  # fmt: skip
    for p in plans:
        add(p.created_on, 2, "plan", f"服务计划（{PlanStatus(p.status).label}）", p.overall_goal,
            p.id)  # fmt: skip
    for r in records:
        add(r.served_on, 3, "record", f"服务记录·{r.mode_label}", r.content, r.id, r)
    for f in referrals:
        add(f.sent_on, 4, "referral", f"转介至{f.agency}",
            f"{rules.ReferralStatus(f.status).label}；{f.reason}", f.id, f)  # fmt: skip
    for v in evaluations:
        add(v.evaluated_on, 5, "evaluation", "评估", v.change_summary, v.id, v)
    for c in closures:
        add(c.submitted_on, 6, "closure", f"结案申请（{ClosureStatus(c.status).label}）",
            f"{c.reason_label}；{c.summary}", c.id)  # fmt: skip
    for u in follow_ups:
        add(u.contacted_on, 7, "follow_up", "跟进", u.result, u.id, u)
    for m in comments:
        add(m.written_on, 8, "comment", f"意见·{m.author}", m.body, m.id)
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return tuple(e[3] for e in entries)


def local_day(at: dt.datetime) -> dt.date:
    """The day on the user's calendar an entry was typed in (the column holds UTC)."""
    return at.astimezone().date()


def _event_text(e: EventView) -> str:
    if e.kind in ("stage", "open", "reopen"):
        change = "→".join(Stage(v).label for v in (e.from_value, e.to_value) if v in _STAGES)
    elif e.kind == "risk":
        change = "→".join(RiskLevel(v).label for v in (e.from_value, e.to_value) if v)
    elif e.kind == "urgency":
        change = "→".join(rules.Urgency(v).label for v in (e.from_value, e.to_value) if v)
    else:
        change = "→".join(v for v in (e.from_value, e.to_value) if v)
    return "；".join(t for t in (change, e.reason) if t)
