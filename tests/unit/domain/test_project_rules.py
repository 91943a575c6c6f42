"""The named rules of project targets read the monthly report's own figures."""

from __future__ import annotations

import pytest

from app.domain import project_rules
from app.domain.errors import InvalidInput
from app.services.reports.definitions import BY_KEY as FIGURES
from app.services.reports.definitions import STOCK_FIGURES


def test_every_rule_reads_a_figure_with_its_unit() -> None:
    for rule in project_rules.RULES:
        figure = FIGURES[rule.figure]
        if rule.is_rate:  # two counts of one unit, divided: a percentage
            assert (rule.unit, rule.decimal) == ("%", True), rule.key
            assert FIGURES[rule.per].unit == figure.unit, rule.key
            assert rule.per not in STOCK_FIGURES
            continue
        assert rule.unit == figure.unit, rule.key
        assert rule.decimal == (figure.unit in ("小时", "元")), rule.key
        assert rule.figure not in STOCK_FIGURES  # states at a day do not add up over months


def test_every_yearly_target_is_a_rule() -> None:
    """The yearly targets (revision 0006) move into projects under their figure's key."""
    targeted = {f.key for f in FIGURES.values() if f.targeted}
    assert targeted <= set(project_rules.BY_KEY)
    assert all(project_rules.BY_KEY[k].figure == k for k in targeted)


def test_an_unknown_rule_lists_the_known_ones() -> None:
    with pytest.raises(InvalidInput, match="cases_new（新接个案）"):
        project_rules.rule("satisfaction")
