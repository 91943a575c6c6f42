"""Every table is either carried by a station's package or left out for a stated reason,
and every carried table is under the county server's row-level security."""

from __future__ import annotations

from app.services.packages.tables import CARRIED_WITH, LABELS, LEFT_OUT, SHARED, station_specs
from app.store import postgres_rls
from app.store.base import Base


def test_every_table_is_carried_or_left_out_with_a_reason() -> None:
    carried = {spec.name for spec in station_specs()}
    for name, reason in LEFT_OUT.items():
        assert len(reason) > 10, f"{name}: say why it is left out"
    neither = [
        t.name
        for t in Base.metadata.sorted_tables
        if t.name not in carried | set(CARRIED_WITH) | set(LEFT_OUT)
    ]
    assert neither == [], (
        f"{neither}: carry it in a station's package (a station_id, uuid and version) or "
        "name it in LEFT_OUT of app/services/packages/tables.py with the reason"
    )
    assert not carried & set(LEFT_OUT)
    assert set(CARRIED_WITH.values()) <= carried
    assert carried >= SHARED


def test_the_tables_added_lately_are_carried() -> None:
    carried = {spec.name for spec in station_specs()}
    assert {
        "projects", "project_stations", "project_documents", "evaluation_systems",
        "evaluation_indicators", "evaluation_rounds", "evaluation_scores", "rectifications",
        "rectification_files", "rooms", "room_villages", "satisfaction_surveys",
        "interview_rounds", "interview_samples", "worker_assessments", "partners",
        "activity_partners",
    } <= carried  # fmt: skip


def test_every_carried_table_is_named_for_a_person() -> None:
    names = {spec.name for spec in station_specs()} | set(CARRIED_WITH)
    assert sorted(n for n in names if n not in LABELS) == []


def test_every_carried_table_is_under_the_station_policies() -> None:
    """`server init` protects these (tests/unit/store/test_postgres_rls.py checks that on a
    real server): a table a package carries is one a station may own on the server."""
    protected = set(postgres_rls.station_tables()) | {"project_targets"}
    carried = {spec.name for spec in station_specs()} | set(CARRIED_WITH)
    assert carried - protected == set()


def test_users_come_first_and_parents_before_children() -> None:
    order = [spec.name for spec in station_specs()]
    assert order[0] == "users"
    position = {name: i for i, name in enumerate(order)}
    for spec in station_specs():
        for column, target in spec.refs.items():
            if target != spec.name and not spec.table.c[column].nullable:
                assert position[target] < position[spec.name], (spec.name, column, target)
