"""Scoring a round by hand: scorers by branch, caps, bonus, veto rules, grades and stars."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from app.domain.evaluation import (
    Consequence,
    Grade,
    IndicatorKind,
    Node,
    Outcome,
    Scorer,
    VetoRule,
    by_label,
    grade_for,
    score,
)

BASE, BONUS, VETO = IndicatorKind.BASE, IndicatorKind.BONUS, IndicatorKind.VETO
T, B, S = Scorer.THIRD_PARTY, Scorer.BUYER, Scorer.SELF
# 1 服务 (60, third party by default): 11 个案 30, 12 小组 30
# 2 管理 (40, the buyer's branch): 21 制度 25, 22 台账 15 (the township's own)
# 3 加分 (cap 10): 31 表彰 8, 32 品牌 8
# 4 否决: 41 事故
NODES = [
    Node(1, None, D(60), BASE, None),
    Node(11, 1, D(30), BASE, None),
    Node(12, 1, D(30), BASE, None),
    Node(2, None, D(40), BASE, B),
    Node(21, 2, D(25), BASE, None),
    Node(22, 2, D(15), BASE, Scorer.TOWNSHIP),
    Node(3, None, D(16), BONUS, None),
    Node(31, 3, D(8), BONUS, None),
    Node(32, 3, D(8), BONUS, None),
    Node(4, None, D(0), VETO, None),
    Node(41, 4, D(0), VETO, None),
]
GRADES = (
    Grade("优秀", D(90)),
    Grade("良好", D(80)),
    Grade("基本合格", D(60), consequence=Consequence.PLAN, plan_days=30),
    Grade("不合格", D(0), consequence=Consequence.NO_BID),
)
HELD = dt.date(2026, 6, 10)


def run(scores: dict[tuple[int, Scorer], D], rule: VetoRule = VetoRule.ZERO) -> Outcome:
    return score(NODES, scores, bonus_cap=D(10), grades=GRADES, veto_rule=rule, held_on=HELD)


def test_only_the_branch_scorer_counts_and_scores_are_capped() -> None:
    outcome = run({
        (11, T): D(28), (11, S): D(30),  # the self-assessment is kept beside, not counted
        (12, T): D(35),  # more than its 30 points: counts 30
        (21, B): D(20), (21, T): D(25),  # 制度 is the buyer's: the third party's does not count
        (22, Scorer.TOWNSHIP): D(12),
    })  # fmt: skip
    assert outcome.base == D(28) + 30 + 20 + 12 == 90
    assert outcome.by_scorer == {T: 58, B: 20, Scorer.TOWNSHIP: 12}
    assert (outcome.grade and outcome.grade.label) == "优秀"
    assert (outcome.scored, outcome.leaves) == (4, 7)


def test_bonus_is_capped_and_a_plan_falls_due() -> None:
    outcome = run({(11, T): D(20), (12, T): D(20), (21, B): D(10), (31, T): D(8), (32, T): D(8)})
    assert (outcome.base, outcome.bonus, outcome.total) == (50, 10, 60)
    assert (outcome.grade and outcome.grade.label) == "基本合格"
    assert outcome.plan_due == dt.date(2026, 7, 10)


def test_a_veto_zeroes_the_total_or_gives_the_lowest_grade_as_the_system_says() -> None:
    scores = {(11, T): D(30), (12, T): D(30), (21, B): D(25), (22, Scorer.TOWNSHIP): D(15),
              (41, T): D(1)}  # fmt: skip
    zeroed = run(scores)
    assert (zeroed.total, zeroed.vetoed, (zeroed.grade and zeroed.grade.label)) == (
        0,
        True,
        "不合格",
    )
    lowest = run(scores, VetoRule.LOWEST)
    assert (lowest.total, (lowest.grade and lowest.grade.label)) == (100, "不合格")
    untouched = run({**scores, (41, T): D(0)})
    assert (untouched.vetoed, (untouched.grade and untouched.grade.label)) == (False, "优秀")


def test_stars_from_points_as_in_hunan() -> None:
    stars = [Grade(f"{n}星", D(m), stars=n) for n, m in ((5, 110), (4, 100), (3, 90))]
    assert (grade_for(D(110), stars) or stars[0]).stars == 5
    assert grade_for(D("109.5"), stars) == stars[1]
    assert grade_for(D(89), stars) is None


def test_labels_are_read_back_loosely() -> None:
    assert by_label(Scorer, "村（居）委") is Scorer.VILLAGE
    assert by_label(Scorer, " 站点 自评") is Scorer.SELF
    assert by_label(IndicatorKind, "一票否决") is IndicatorKind.VETO
    assert by_label(Scorer, "领导") is None
