"""The role table of docs/architecture.md, as grants."""

from __future__ import annotations

import pytest

from app.domain.roles import GRANTS, Permission, Role, allows

P = Permission
# docs/architecture.md, "Roles and permissions": what each role may do.
EXPECTED = {
    Role.ADMIN: set(Permission),
    Role.HEAD: set(Permission) - {P.MANAGE_USERS, P.MANAGE_SETTINGS, P.MANAGE_CODES, P.RESTORE},
    Role.WORKER: {P.VIEW_CLIENTS, P.EDIT_CLIENTS, P.EDIT_OWN_CASE, P.REPORTS},
    Role.SUPERVISOR: {P.VIEW_CLIENTS, P.WRITE_SUPERVISION, P.REPORTS},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_each_role_holds_exactly_the_rights_of_the_design(
    role: Role, permission: Permission
) -> None:
    assert allows(role, permission) is (permission in EXPECTED[role])


def test_the_administrator_holds_every_right_of_the_station_head() -> None:
    assert GRANTS[Role.HEAD] < GRANTS[Role.ADMIN]


def test_only_administrators_and_heads_may_see_full_id_numbers_of_any_client() -> None:
    assert {r for r in Role if allows(r, P.REVEAL_ANY)} == {Role.ADMIN, Role.HEAD}


def test_only_administrators_and_heads_may_close_a_month() -> None:
    assert {r for r in Role if allows(r, P.CLOSE_MONTH)} == {Role.ADMIN, Role.HEAD}


def test_only_administrators_and_heads_may_add_projects() -> None:
    assert {r for r in Role if allows(r, P.MANAGE_PROJECTS)} == {Role.ADMIN, Role.HEAD}


def test_only_administrators_and_heads_may_record_evaluations() -> None:
    assert {r for r in Role if allows(r, P.EVALUATE)} == {Role.ADMIN, Role.HEAD}


def test_only_administrators_and_heads_may_assess_workers() -> None:
    assert {r for r in Role if allows(r, P.ASSESS_STAFF)} == {Role.ADMIN, Role.HEAD}


def test_every_role_has_a_chinese_label() -> None:
    assert [r.label for r in Role] == ["管理员", "站长", "社工", "督导"]
