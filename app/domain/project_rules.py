"""The named rules a project's targets are counted by (服务项目的指标口径).

A target never holds a typed-in result: it names one of these rules, and the figure is
counted from the records. Each rule reads one figure of the monthly report
(app/services/reports/definitions.py, `figure`), so a project, the 月报 and a closed
month's stored report (月结) all count the same thing the same way.

Only flows are rules: a month's value adds up to a period's (people counted once per
month, such as 服务人数, and states at a day, such as 在案, do not add up, so they are
not offered). tests/unit/domain/test_project_rules.py checks the figures exist and their
units agree.

A rate is not a flow, but its two halves are: a rate rule (`per` set) reads a numerator
figure and a denominator figure, sums each over the months, and divides the sums (the
satisfaction rate (满意率) of a period is its satisfied surveys over its answered ones,
never a sum or an average of monthly rates). Its target is a percentage that holds at
any time, not a total to reach by the period's end.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput


@dataclass(frozen=True)
class ProjectRule:
    key: str
    label: str
    unit: str
    figure: str
    """The monthly report's figure this rule reads (definitions.FIGURES key)."""
    decimal: bool = False
    """Hours, yuan and rates: two decimals; everything else whole numbers."""
    per: str = ""
    """A rate: the figure `figure` is divided by (the sums of both over the period), × 100."""

    @property
    def is_rate(self) -> bool:
        return bool(self.per)


RULES: tuple[ProjectRule, ...] = (
    ProjectRule("cases_new", "新接个案", "个", "cases_new"),
    ProjectRule("cases_closed", "结案", "次", "cases_closed"),
    ProjectRule("service_records", "个案服务人次", "人次", "service_records"),
    ProjectRule("service_hours", "个案服务时长", "小时", "service_hours", decimal=True),
    ProjectRule("referrals", "转介", "次", "referrals"),
    ProjectRule("groups_new", "新开小组", "个", "groups_new"),
    ProjectRule("group_sessions", "小组活动节数", "节", "group_sessions"),
    ProjectRule("group_attendance", "小组参与人次", "人次", "group_attendance"),
    ProjectRule("activities", "社区活动场次", "场", "activities"),
    ProjectRule("activity_participants", "社区活动参与人次", "人次", "activity_participants"),
    ProjectRule("visit_households", "走访户次", "户次", "visit_households"),
    ProjectRule("visit_people", "走访人次", "人次", "visit_people"),
    ProjectRule("volunteer_hours", "志愿服务时长", "小时", "volunteer_hours", decimal=True),
    ProjectRule("resources", "链接资源", "次", "resources"),
    ProjectRule("resource_yuan", "链接资源折合金额", "元", "resource_yuan", decimal=True),
    ProjectRule("supervisions", "督导次数", "次", "supervisions"),
    ProjectRule("supervision_hours", "督导时长", "小时", "supervision_hours", decimal=True),
    ProjectRule("trainings", "培训次数", "次", "trainings"),
    ProjectRule("training_hours", "培训时长", "小时", "training_hours", decimal=True),
    ProjectRule("surveys", "满意度调查份数", "份", "surveys"),
    ProjectRule(
        "satisfaction_rate", "满意率", "%", "surveys_satisfied", decimal=True,
        per="surveys_answered",
    ),
)  # fmt: skip

BY_KEY: dict[str, ProjectRule] = {r.key: r for r in RULES}


def rule(key: str) -> ProjectRule:
    """The rule named `key`, or a Chinese message listing what a target may count."""
    try:
        return BY_KEY[key]
    except KeyError:
        known = "、".join(f"{r.key}（{r.label}）" for r in RULES)
        message = f"没有名为“{key}”的统计口径。可用的有：{known}。"
        raise InvalidInput(message, field="rule") from None


YEARLY_TARGETS_KEY = "report_targets"
"""The station setting that held the yearly targets ({"2026": {"cases_new": 60}}) until
revision 0006 moved each station-year into a project; older audit rows still name it."""
