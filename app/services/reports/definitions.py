"""The report's figures, each defined once: the queries follow these words and the 说明
sheet prints them, so a supervisor reads exactly what a number counts.

A month runs from its first to its last day inclusive (dates, not times: a group session
at 23:30 on the last day belongs to that month). Only the station's own records count.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.exports.report_model import Definition


@dataclass(frozen=True)
class FigureDef:
    key: str
    section: str
    label: str
    unit: str
    definition: str
    targeted: bool = False
    """A figure the year's contract may set a target for (目标完成情况)."""


OPEN_CASE = (
    "在案：接案日期在当日或之前，且最近一次结案（转入已结案、跟进中、不接案、已转介）"
    "之后没有重新开启，或从未结案。"
)

FIGURES: tuple[FigureDef, ...] = (
    FigureDef("cases_carried", "个案", "上月结转个案", "个", "上月最后一天结束时在案的个案数。"),
    FigureDef(
        "cases_new",
        "个案",
        "本月新接个案",
        "个",
        "接案日期在本月的个案数（含不接案、接案时转介）。",
        True,
    ),
    FigureDef("cases_reopened", "个案", "本月重新开启", "次", "本月由站长重新开启的次数。"),
    FigureDef(
        "cases_closed",
        "个案",
        "本月结案",
        "次",
        "本月转入已结案、跟进中、不接案或已转介的次数；同一个案本月结案、重开、再结案计两次。",
    ),
    FigureDef(
        "cases_open",
        "个案",
        "月末在案个案",
        "个",
        "本月最后一天结束时在案的个案数 = 上月结转 + 新接 + 重新开启 − 结案。",
    ),
    FigureDef(
        "cases_high_risk",
        "个案",
        "月末在案高风险个案",
        "个",
        "月末在案、且本月最后一天的风险等级为高的个案数（之后的风险调整不改变本月数字）。",
    ),
    FigureDef(
        "service_records",
        "个案",
        "个案服务人次",
        "人次",
        "服务日期在本月的服务记录条数（每次接触计一人次）。",
        True,
    ),
    FigureDef(
        "service_clients", "个案", "个案服务人数", "人", "本月有服务记录的不同服务对象人数。"
    ),
    FigureDef(
        "service_hours", "个案", "个案服务时长", "小时", "本月服务记录时长之和（分钟 ÷ 60）。"
    ),
    FigureDef("referrals", "个案", "转介", "次", "转介日期在本月的转介次数。"),
    FigureDef("groups_new", "小组", "新开小组", "个", "开始日期在本月的小组数。"),
    FigureDef("groups_running", "小组", "开展中小组", "个", "本月至少开展了一节活动的小组数。"),
    FigureDef("groups_ended", "小组", "结束小组", "个", "状态为已结束且结束日期在本月的小组数。"),
    FigureDef(
        "group_sessions",
        "小组",
        "小组活动节数",
        "节",
        "活动日期在本月的小组节次数（不论开始时间）。",
        True,
    ),
    FigureDef(
        "group_attendance",
        "小组",
        "小组参与人次",
        "人次",
        "本月各节次出席（状态为出席）的组员人次之和，加上各节非登记参与人数；缺席、中途退出不计。",
    ),
    FigureDef(
        "activities", "社区活动", "社区活动场次", "场", "活动日期在本月的社区活动场数。", True
    ),
    FigureDef(
        "activity_participants",
        "社区活动",
        "社区活动参与人次",
        "人次",
        "本月社区活动登记的参与总人数之和。",
    ),
    FigureDef(
        "visit_households",
        "走访",
        "走访户次",
        "户次",
        "走访日期在本月的走访记录数（每条记录一户一次）。",
        True,
    ),
    FigureDef("visit_people", "走访", "走访人次", "人次", "本月走访记录所见服务对象的人次之和。"),
    FigureDef("visit_needs", "走访", "走访发现新需求", "项", "本月走访记录的新发现需求数之和。"),
    FigureDef(
        "volunteers", "志愿服务", "参与服务志愿者", "人", "本月有志愿服务记录的不同志愿者人数。"
    ),
    FigureDef(
        "volunteer_hours",
        "志愿服务",
        "志愿服务时长",
        "小时",
        "服务日期在本月的志愿服务时长之和。",
        True,
    ),
    FigureDef("resources", "资源链接", "链接资源", "次", "接收日期在本月的资源链接记录数。"),
    FigureDef(
        "resource_yuan",
        "资源链接",
        "链接资源折合金额",
        "元",
        "本月资源链接记录的折合金额之和。",
        True,
    ),
    FigureDef("supervisions", "督导与培训", "督导次数", "次", "督导日期在本月的督导次数。"),
    FigureDef(
        "supervision_hours",
        "督导与培训",
        "督导时长",
        "小时",
        "本月督导时长之和（每次督导计一次时长，不按人数相乘）。",
        True,
    ),
    FigureDef("trainings", "督导与培训", "培训次数", "次", "培训日期在本月的培训次数。"),
    FigureDef(
        "training_hours",
        "督导与培训",
        "培训时长",
        "小时",
        "本月培训时长之和（每次培训计一次时长；每人的时长见“按社工”分项）。",
        True,
    ),
    FigureDef(
        "surveys",
        "满意度",
        "满意度调查份数",
        "份",
        "调查日期在本月的满意度调查份数（个案结案、小组最后一节、社区活动后所做；含无法回答）。",
    ),
    FigureDef(
        "surveys_answered",
        "满意度",
        "有效回答份数",
        "份",
        "本月满意度调查中有人回答（服务对象本人、家属或参与者；不含无法回答）的份数：满意率的分母。",
    ),
    FigureDef(
        "surveys_satisfied",
        "满意度",
        "总体满意份数",
        "份",
        "本月有效回答中“总体满意”一项为4分（满意）或5分（非常满意）的份数：满意率的分子。",
    ),
)

BY_KEY = {f.key: f for f in FIGURES}

TERMS: tuple[tuple[str, str], ...] = (
    ("在案", OPEN_CASE),
    ("人次", "每参与或接受服务一次计一人次；同一人参与三次计三人次。"),
    ("人数", "不同的人，同一人多次只计一人。"),
    ("户次", "每走访一户一次计一户次。"),
    (
        "年度累计",
        "本年 1 月 1 日至本月最后一天的合计；在案类数字为本月末数，上月结转为年初结转数。",
    ),
    (
        "发生日期",
        "每个数字按事情发生的日期（发生日期）统计，而不是录入的日期：晚几天补录的接案、"
        "结案、服务记录计入发生的那个月。录入时间只记在操作日志里。",
    ),
    (
        "按当时的情况统计",
        "风险等级、负责社工、所在村/社区、服务对象类别都保留变更历史。"
        "事件（接案、结案、服务记录、小组节次等）按事件发生当日的社工、村/社区、类别计；"
        "月末数（月末在案、月末在案高风险、月末各类别人数）按本月最后一天的情况计。"
        "以后调整风险、移交个案、搬迁或变更类别，不会改变过去月份的数字。",
    ),
    (
        "满意率",
        "总体满意份数 ÷ 有效回答份数（百分比，保留一位小数）；无法回答的调查不计入分母。"
        "年度或项目期间的满意率按各月份数相加后再相除，不是各月满意率的平均。",
    ),
    (
        "各项平均分",
        "本月有效回答的调查中该项得分（1到5分）的平均值，保留两位小数。",
    ),
    (
        "分项",
        "按村/社区（服务对象当时所在村）、社工（当时负责个案的社工；服务记录计入记录人）、"
        "服务对象类别（当时持有的类别，一人多类别时各计一次）统计；"
        "按类别表的最后一列是本月最后一天持有该类别的本站服务对象人数（月末数）。",
    ),
)

KEY_FIGURES: tuple[str, ...] = (
    "cases_new",
    "cases_open",
    "service_records",
    "group_sessions",
    "activities",
    "visit_households",
    "volunteer_hours",
)
"""The figures the dashboard shows against last month and the target."""

STOCK_FIGURES = frozenset({"cases_carried", "cases_open", "cases_high_risk"})
"""Figures that are a state at a day, not a flow: a year's value is the last month's."""


def sheet_definitions() -> tuple[Definition, ...]:
    """The 说明 sheet: every figure's definition, then the terms they use."""
    return tuple(Definition(f.label, f.unit, f.definition) for f in FIGURES) + tuple(
        Definition(term, "", text) for term, text in TERMS
    )
