"""A round's figures from its answered interviews: awareness, satisfaction, counts by mode."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.satisfaction import (
    OVERALL,
    SURVEY_ITEMS,
    Mode,
    Outcome,
    average,
    is_satisfied,
    rate,
)

from .types import ModeCount, RoundSummary, SampleLine


def summarise(lines: Sequence[SampleLine]) -> RoundSummary:
    answered = [line for line in lines if line.outcome is Outcome.ANSWERED]
    aware = sum(1 for line in answered if line.aware)
    satisfied = sum(1 for line in answered if is_satisfied(line.scores.get(OVERALL)))
    averages = []
    for item in SURVEY_ITEMS:
        given = [line.scores[item.key] for line in answered if item.key in line.scores]
        averages.append((item.label, average(sum(given), len(given))))
    return RoundSummary(
        answered=len(answered),
        aware=aware,
        awareness_rate=rate(aware, len(answered)),
        satisfied=satisfied,
        satisfaction_rate=rate(satisfied, len(answered)),
        averages=tuple(averages),
        by_mode=tuple(_by_mode(lines, mode) for mode in Mode),
    )


def _by_mode(lines: Sequence[SampleLine], mode: Mode) -> ModeCount:
    mine = [line for line in lines if line.mode is mode]

    def count(outcome: Outcome) -> int:
        return sum(1 for line in mine if line.outcome is outcome)

    return ModeCount(
        mode=mode,
        sample=len(mine),
        answered=count(Outcome.ANSWERED),
        unreachable=count(Outcome.UNREACHABLE),
        refused=count(Outcome.REFUSED),
        pending=count(Outcome.PENDING),
    )
