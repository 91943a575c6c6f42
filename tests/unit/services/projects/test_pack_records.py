"""The indicator table lists the records behind every figure a target may count."""

from __future__ import annotations

from app.domain.project_rules import RULES
from app.services.projects.pack_records import RECORDS_OF


def test_every_rule_names_the_list_of_records_behind_its_figure() -> None:
    assert [r.key for r in RULES if r.figure not in RECORDS_OF] == []
