"""Satisfaction (满意度) and awareness (知晓度): the fixed items, the scale and the rates.

Two ways of asking, one scale. A per-service survey is recorded for a closed case, a
group's last session or a community activity; a station-level interview round (回访)
asks a sample of the registry by phone or on site, as third-party evaluators do. Both
score the same items on a 5-point scale, and both count a person as satisfied when the
overall item (总体满意) is 4 or 5. The items are data here, never in the schema: scores
are stored as {item key: score}, so an item added later leaves old rows valid.

Rates (docs/report-definitions.md): satisfaction rate = satisfied ÷ answered (a survey
marked 无法回答 is not in the denominator); awareness rate = aware ÷ answered, aware
when at least AWARE_FROM of the AWARENESS items are known.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.errors import InvalidInput


@dataclass(frozen=True)
class Item:
    key: str
    label: str


SURVEY_ITEMS: tuple[Item, ...] = (
    Item("attitude", "服务态度"),
    Item("arrangement", "服务安排"),
    Item("needs", "需求满足"),
    Item("overall", "总体满意"),
)
OVERALL = "overall"
ITEM_KEYS = tuple(i.key for i in SURVEY_ITEMS)
ITEM_LABELS = {i.key: i.label for i in SURVEY_ITEMS}

SCALE: tuple[tuple[int, str], ...] = (
    (5, "非常满意"),
    (4, "满意"),
    (3, "一般"),
    (2, "不满意"),
    (1, "非常不满意"),
)
SATISFIED_FROM = 4
"""An overall score of 4 (满意) or 5 (非常满意) counts as satisfied."""

AWARENESS_ITEMS: tuple[Item, ...] = (
    Item("address", "知道社工站地址"),
    Item("services", "知道社工站的服务内容"),
    Item("workers", "认识社工站的社工"),
    Item("help", "知道如何求助"),
    Item("hotline", "知道服务热线"),
)
AWARENESS_KEYS = tuple(i.key for i in AWARENESS_ITEMS)
AWARE_FROM = 3
"""Aware (知晓) when at least 3 of the 5 items are known."""


class Subject(enum.StrEnum):
    """What a per-service survey is about."""

    CASE = "case"
    GROUP = "group"
    ACTIVITY = "activity"

    @property
    def label(self) -> str:
        return {"case": "个案", "group": "小组", "activity": "社区活动"}[self.value]


class Respondent(enum.StrEnum):
    CLIENT = "client"
    FAMILY = "family"
    PARTICIPANT = "participant"
    NONE = "none"
    """无法回答: nobody could answer (the reason is kept); not in the rate's denominator."""

    @property
    def label(self) -> str:
        return RESPONDENT_LABELS[self]


RESPONDENT_LABELS = {
    Respondent.CLIENT: "服务对象本人",
    Respondent.FAMILY: "家属",
    Respondent.PARTICIPANT: "参与者",
    Respondent.NONE: "无法回答",
}


class Mode(enum.StrEnum):
    """How an interview of a round is made."""

    PHONE = "phone"
    ONSITE = "onsite"

    @property
    def label(self) -> str:
        return "电话回访" if self is Mode.PHONE else "实地回访"


class Outcome(enum.StrEnum):
    """Where an interview of a round stands."""

    PENDING = "pending"
    ANSWERED = "answered"
    UNREACHABLE = "unreachable"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {
            "pending": "待回访",
            "answered": "已回答",
            "unreachable": "未能联系",
            "refused": "拒绝回答",
        }[self.value]


def checked_scores(
    respondent: Respondent, scores: Mapping[str, int | None], reason: str
) -> dict[str, int]:
    """The scores to store: every item 1–5 when answered, none when 无法回答 (with a reason)."""
    if respondent is Respondent.NONE:
        if not reason.strip():
            raise InvalidInput("无法回答时请填写原因。", field="reason")
        return {}
    clean: dict[str, int] = {}
    for item in SURVEY_ITEMS:
        value = scores.get(item.key)
        if value is None:
            raise InvalidInput(f"请为“{item.label}”打分（1到5分）。", field=item.key)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise InvalidInput(f"“{item.label}”应为1到5分，而不是“{value}”。", field=item.key)
        clean[item.key] = value
    unknown = sorted(set(scores) - set(ITEM_KEYS))
    if unknown:
        raise InvalidInput(f"没有名为“{unknown[0]}”的满意度题目。", field=unknown[0])
    return clean


def is_satisfied(overall: int | None) -> bool:
    return overall is not None and overall >= SATISFIED_FROM


def is_aware(known: Mapping[str, bool]) -> bool:
    return sum(1 for key in AWARENESS_KEYS if known.get(key)) >= AWARE_FROM


def rate(part: int, whole: int) -> Decimal | None:
    """`part` ÷ `whole` in percent to one decimal; None when nothing was answered."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def average(total: int, count: int) -> Decimal | None:
    """A mean score to two decimals; None when no score was given."""
    if count <= 0:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"
