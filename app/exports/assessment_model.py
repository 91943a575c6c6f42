"""What a worker assessment (社工考核) prints and exports: plain data the service fills.

`WorkerFigures` are the figures counted from the records (app/services/assessment/
figures.py); `FIGURE_LINES` says how each is shown and what it counts, once for the
window, the PDF, the workbook and docs/report-definitions.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class WorkerFigures:
    as_of: dt.date
    """The last day counted: the period's end, or today in a period not over yet."""
    cases_open: int = 0
    cases_handled: int = 0
    service_records: int = 0
    service_hours: Decimal = Decimal("0.00")
    groups_led: int = 0
    group_sessions: int = 0
    activities: int = 0
    visits: int = 0
    supervision_hours: Decimal = Decimal("0.00")
    training_hours: Decimal = Decimal("0.00")
    registration_hours: Decimal = Decimal("0.00")
    """Supervision and training from the registration period's start to `as_of`."""
    registration_start: dt.date | None = None
    registration_end: dt.date | None = None
    registration_target: int = 0
    """Hours the worker's title needs per registration period; 0: no target."""
    records: int = 0
    records_late: int = 0
    late_days: int = 7
    consent_clients: int = 0
    consent_valid: int = 0

    @property
    def period_hours(self) -> Decimal:
        return self.supervision_hours + self.training_hours

    @property
    def expected_hours(self) -> Decimal | None:
        """The registration target pro rata to the days of the registration period passed."""
        if not self.registration_target or not self.registration_start:
            return None
        assert self.registration_end is not None
        whole = (self.registration_end - self.registration_start).days + 1
        passed = min(max((self.as_of - self.registration_start).days + 1, 0), whole)
        return (Decimal(self.registration_target) * passed / whole).quantize(Decimal("0.1"))

    @property
    def late_share(self) -> Decimal | None:
        return share(self.records_late, self.records)

    @property
    def consent_share(self) -> Decimal | None:
        return share(self.consent_valid, self.consent_clients)


def share(part: int, whole: int) -> Decimal | None:
    """A percentage with one decimal; None when there is nothing to divide."""
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def hours_text(value: Decimal) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True)
class FigureLine:
    label: str
    value: str
    definition: str


def figure_definitions(late_days: int) -> tuple[tuple[str, str], ...]:
    """Each figure's label and the sentence saying what it counts."""
    return (
        ("期末在案个案", "统计截止日在案、且当日由该社工负责的个案。"),
        ("期间经手个案",
         "期间内在案、且期间内至少有一天由该社工负责的个案（中途接手或移交的都算）。"),
        ("个案服务", "发生日期在期间内的服务记录（人次与时长），按服务当天负责该个案的社工统计。"),
        ("带领小组", "该社工担任带领者、期间内有活动的小组，及这些小组期间内的节数。"),
        ("社区活动", "期间内由该社工负责组织的社区活动。"),
        ("走访", "期间内由该社工走访的户次。"),
        ("督导与培训", "期间内接受督导和参加培训的时长。"),
        ("注册周期学时",
         "注册周期开始至统计截止日的督导与培训学时，对照其职业资格的继续教育目标；"
         "按时间应完成 = 目标 × 已过天数 ÷ 周期天数。"),
        ("补录比例",
         "该社工录入的、发生日期在期间内的服务记录、个案记录、小组节次、社区活动和走访中，"
         f"录入日期比发生日期晚 {late_days} 天以上的比例。"),
        ("知情同意完整率", "期末在案个案的服务对象中，统计截止日持有有效“服务”知情同意的比例。"),
    )  # fmt: skip


def figure_lines(f: WorkerFigures) -> tuple[FigureLine, ...]:
    """Each figure as shown, with its definition."""
    target = (
        f"{hours_text(f.registration_hours)} / {f.registration_target} 小时"
        f"（按时间应完成 {f.expected_hours}）"
        if f.registration_target
        else f"{hours_text(f.registration_hours)} 小时（无目标）"
    )
    values = (
        f"{f.cases_open} 个",
        f"{f.cases_handled} 个",
        f"{f.service_records} 人次，{hours_text(f.service_hours)} 小时",
        f"{f.groups_led} 个，{f.group_sessions} 节",
        f"{f.activities} 场",
        f"{f.visits} 户次",
        f"督导 {hours_text(f.supervision_hours)} 小时，培训 {hours_text(f.training_hours)} 小时",
        target,
        f"{percent_text(f.late_share)}（{f.records_late} / {f.records} 条）",
        f"{percent_text(f.consent_share)}（{f.consent_valid} / {f.consent_clients} 人）",
    )
    return tuple(
        FigureLine(label, value, text)
        for (label, text), value in zip(figure_definitions(f.late_days), values, strict=True)
    )


@dataclass(frozen=True)
class Score:
    key: str
    label: str
    score: int | None
    """None: not scored yet."""
    scale: int
    comment: str = ""


@dataclass(frozen=True)
class AssessmentSheet:
    """One worker's assessment for one period, as printed."""

    station_name: str
    worker_id: int
    worker_name: str
    title_label: str
    period_code: str
    period_label: str
    first: dt.date
    last: dt.date
    figures: WorkerFigures
    scores: tuple[Score, ...]
    comment: str
    status: str
    status_label: str
    saved: bool = False
    """False: nothing saved yet for this worker and period (未考核)."""
    assessed_by: str = ""
    confirmed_by: str = ""
    confirmed_at: dt.datetime | None = None
    generated_at: dt.datetime | None = None

    @property
    def total(self) -> int | None:
        """The sum of the scores given; None before any."""
        given = [s.score for s in self.scores if s.score is not None]
        return sum(given) if given else None

    @property
    def scale_total(self) -> int:
        return sum(s.scale for s in self.scores)


def figures_json(figures: WorkerFigures) -> str:
    """The figures as stored at confirmation (Decimals and dates as text, exactly)."""
    values = {f.name: getattr(figures, f.name) for f in dataclasses.fields(figures)}
    return json.dumps(
        {k: v if isinstance(v, int) or v is None else str(v) for k, v in values.items()},
        sort_keys=True,
    )


def figures_from_json(text: str) -> WorkerFigures:
    """Stored figures back; a figure added later takes its default in an older row."""
    data: dict[str, Any] = json.loads(text)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(WorkerFigures):
        if f.name not in data:
            continue
        raw = data[f.name]
        if raw is None or f.type == "int":
            values[f.name] = raw
        elif f.type == "Decimal":
            values[f.name] = Decimal(raw)
        else:
            values[f.name] = dt.date.fromisoformat(raw)
    return WorkerFigures(**values)
