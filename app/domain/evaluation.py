"""Third-party evaluation (评估): scorers, round kinds, grades, and how a round is scored.

An indicator system is data (a tree of indicators with points, bonus and veto items, a
scorer per branch, grade thresholds and their consequences), so Guangzhou's 1,000 points
split between scorers, Hunan's 130 + 20 points with stars, and the 优秀…不合格 grades of
other counties all fit without code. This module scores one round from plain values; the
services read and write them.

How a round is scored:
- Each leaf indicator is scored by its scorer (its own, else its nearest ancestor's, else
  the third party). Scores by other scorers (e.g. the station's self-assessment beside the
  third party's) are kept and shown, but only the leaf's scorer counts.
- A base leaf counts at most its points; the bonus leaves together at most the bonus cap.
- A veto item (一票否决) is scored 1 when it is triggered. Then, as the system says,
  either the total is 0, or the total stands and the grade is the lowest.
- The grade is the first threshold (highest first) the total reaches.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

ZERO = Decimal(0)
E = TypeVar("E", bound=enum.StrEnum)


class Scorer(enum.StrEnum):
    THIRD_PARTY = "third_party"
    BUYER = "buyer"
    TOWNSHIP = "township"
    VILLAGE = "village"
    SELF = "self"

    @property
    def label(self) -> str:
        return SCORER_LABELS[self]


SCORER_LABELS: dict[Scorer, str] = {
    Scorer.THIRD_PARTY: "第三方",
    Scorer.BUYER: "购买方",
    Scorer.TOWNSHIP: "乡镇/街道",
    Scorer.VILLAGE: "村(居)委",
    Scorer.SELF: "站点自评",
}


class RoundKind(enum.StrEnum):
    MONTHLY = "monthly"
    MIDTERM = "midterm"
    FINAL = "final"

    @property
    def label(self) -> str:
        return {"monthly": "月度实地", "midterm": "中期", "final": "末期"}[self.value]


class IndicatorKind(enum.StrEnum):
    BASE = "base"
    BONUS = "bonus"
    VETO = "veto"

    @property
    def label(self) -> str:
        return {"base": "基础", "bonus": "加分", "veto": "一票否决"}[self.value]


class VetoRule(enum.StrEnum):
    ZERO = "zero"
    """A triggered veto item makes the total 0."""
    LOWEST = "lowest"
    """The total stands; the grade is the lowest one."""

    @property
    def label(self) -> str:
        return {"zero": "总分计为0", "lowest": "评为最低等级"}[self.value]


class Consequence(enum.StrEnum):
    NONE = ""
    PLAN = "plan"
    """A rectification plan (整改方案) is due within the grade's days."""
    NO_BID = "no_bid"
    """The agency may not bid for next year's project."""

    @property
    def label(self) -> str:
        return {"": "", "plan": "提交整改方案", "no_bid": "下一年度不得参与投标"}[self.value]


class RectificationStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"open": "待整改", "closed": "已整改"}[self.value]


def by_label(kind: type[E], text: str) -> E | None:
    """The member whose label (or value) is `text`, ignoring spaces; None if none."""
    wanted = "".join(text.split()).replace("（", "(").replace("）", ")")
    for member in kind:
        label = str(getattr(member, "label", ""))
        if wanted and wanted in (label.replace(" ", ""), member.value):
            return member
    return None


@dataclass(frozen=True)
class Grade:
    """A threshold: a total of at least `min_points` earns `label` (and `stars`)."""

    label: str
    min_points: Decimal
    stars: int | None = None
    consequence: Consequence = Consequence.NONE
    plan_days: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "label": self.label, "min_points": str(self.min_points), "stars": self.stars,
            "consequence": self.consequence.value, "plan_days": self.plan_days,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Grade:
        stars = data.get("stars")
        return cls(
            label=str(data["label"]),
            min_points=Decimal(str(data["min_points"])),
            stars=int(str(stars)) if stars is not None else None,
            consequence=Consequence(str(data.get("consequence") or "")),
            plan_days=int(str(data.get("plan_days") or 0)),
        )


@dataclass(frozen=True)
class Node:
    """An indicator as the scoring needs it."""

    id: int
    parent_id: int | None
    points: Decimal
    kind: IndicatorKind
    scorer: Scorer | None


@dataclass(frozen=True)
class Outcome:
    base: Decimal
    bonus: Decimal
    total: Decimal
    vetoed: bool
    grade: Grade | None
    by_scorer: dict[Scorer, Decimal]
    counted: dict[int, Decimal]
    """Leaf id → the score that counts (capped at the leaf's points)."""
    scored: int
    leaves: int
    plan_due: dt.date | None = None

    @property
    def stars(self) -> int | None:
        return self.grade.stars if self.grade else None


def scorer_of(node: Node, nodes: Mapping[int, Node]) -> Scorer:
    """The leaf's scorer: its own, else its nearest ancestor's, else the third party."""
    current: Node | None = node
    while current is not None:
        if current.scorer is not None:
            return current.scorer
        current = nodes.get(current.parent_id) if current.parent_id is not None else None
    return Scorer.THIRD_PARTY


def leaves(nodes: Iterable[Node]) -> list[Node]:
    items = list(nodes)
    parents = {n.parent_id for n in items}
    return [n for n in items if n.id not in parents]


def grade_for(total: Decimal, grades: Sequence[Grade]) -> Grade | None:
    """The highest threshold `total` reaches; None below every threshold."""
    for grade in sorted(grades, key=lambda g: g.min_points, reverse=True):
        if total >= grade.min_points:
            return grade
    return None


def score(
    nodes: Sequence[Node],
    scores: Mapping[tuple[int, Scorer], Decimal],
    *,
    bonus_cap: Decimal,
    grades: Sequence[Grade],
    veto_rule: VetoRule,
    held_on: dt.date | None = None,
) -> Outcome:
    """Score a round: `scores` maps (indicator id, scorer) to what that scorer gave."""
    by_id = {n.id: n for n in nodes}
    base = bonus = ZERO
    vetoed = False
    by_scorer: dict[Scorer, Decimal] = {}
    counted: dict[int, Decimal] = {}
    scored = 0
    items = leaves(nodes)
    for leaf in items:
        who = scorer_of(leaf, by_id)
        given = scores.get((leaf.id, who))
        if given is None:
            continue
        scored += 1
        if leaf.kind is IndicatorKind.VETO:
            vetoed = vetoed or given >= 1
            continue
        value = max(ZERO, min(given, leaf.points))
        counted[leaf.id] = value
        by_scorer[who] = by_scorer.get(who, ZERO) + value
        if leaf.kind is IndicatorKind.BONUS:
            bonus += value
        else:
            base += value
    bonus = min(bonus, bonus_cap)
    total = base + bonus
    if vetoed and veto_rule is VetoRule.ZERO:
        total = ZERO
    grade = grade_for(total, grades)
    if vetoed and veto_rule is VetoRule.LOWEST and grades:
        grade = min(grades, key=lambda g: g.min_points)
    plan_due = None
    if grade and grade.consequence is Consequence.PLAN and held_on is not None:
        plan_due = held_on + dt.timedelta(days=grade.plan_days)
    return Outcome(
        base=base, bonus=bonus, total=total, vetoed=vetoed, grade=grade,
        by_scorer=by_scorer, counted=counted, scored=scored, leaves=len(items),
        plan_due=plan_due,
    )  # fmt: skip


def stars_text(stars: int | None) -> str:
    return "★" * stars if stars else ""
