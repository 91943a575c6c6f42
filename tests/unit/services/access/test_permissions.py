"""The role table of docs/architecture.md, enforced by the services (not only hidden in the UI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from app.domain.codes import CodeList
from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.access.audit import AuditService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService, StationService
from app.services.staff.users import UserService
from app.store.engine import Database
from tests.unit.services.conftest import TODAY, id_number

ALL = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})
HEADS = frozenset({Role.ADMIN, Role.HEAD})
EDITORS = frozenset({Role.ADMIN, Role.HEAD, Role.WORKER})


@dataclass
class World:
    """Services for one actor, and records made by the administrator to act on."""

    db: Database
    actor: Actor
    client_id: int
    client_version: int
    village_id: int
    village_version: int
    code_id: int
    code_version: int

    def clients(self) -> ClientService:
        return ClientService(self.db, self.actor, today=TODAY)

    def users(self) -> UserService:
        return UserService(self.db, self.actor)

    def stations(self) -> StationService:
        return StationService(self.db, self.actor)

    def codes(self) -> CodeService:
        return CodeService(self.db, self.actor)


ACTIONS: dict[str, tuple[frozenset[Role], Callable[[World], object]]] = {
    # users, settings, code lists: administrator only
    "list users": (ADMIN, lambda w: w.users().list()),
    "add user": (
        ADMIN,
        lambda w: w.users().add(
            login="new", display_name="新人", role=Role.WORKER, password="new-pass-1"
        ),
    ),
    "reset password": (ADMIN, lambda w: w.users().reset_password(login="target")),
    "unlock user": (ADMIN, lambda w: w.users().unlock(login="target")),
    "deactivate user": (ADMIN, lambda w: w.users().set_active(login="target", active=False)),
    "add village": (ADMIN, lambda w: w.stations().add_village(name="新村")),
    "edit village": (
        ADMIN,
        lambda w: w.stations().update_village(
            village_id=w.village_id, version=w.village_version, name="新名", active=True
        ),
    ),
    "change a setting": (ADMIN, lambda w: SettingsService(w.db, w.actor).set("language", "en")),
    "add code": (
        ADMIN,
        lambda w: w.codes().add(code_list=CodeList.SERVICE_MODE, code="x", label="新方式"),
    ),
    "edit code": (
        ADMIN,
        lambda w: w.codes().update(
            item_id=w.code_id, version=w.code_version, label="改", active=True
        ),
    ),
    # audit log: administrator and head
    "view audit log": (HEADS, lambda w: AuditService(w.db, w.actor).recent()),
    # full ID numbers of any client (the worker here is not the client's worker)
    "reveal": (HEADS, lambda w: w.clients().reveal(w.client_id)),
    # create and edit clients: everyone but the supervisor
    "create client": (EDITORS, lambda w: w.clients().create(ClientInput(name="新人"))),
    "update client": (
        EDITORS,
        lambda w: w.clients().update(
            w.client_id, version=w.client_version, data=ClientInput(name="改名")
        ),
    ),
    "archive client": (
        EDITORS,
        lambda w: w.clients().archive(w.client_id, version=w.client_version, reason="迁出"),
    ),
    "unarchive client": (
        EDITORS,
        lambda w: w.clients().unarchive(w.client_id, version=w.client_version),
    ),
    # reading: everyone
    "search clients": (ALL, lambda w: w.clients().search_ids(ClientQuery(text="张"))),
    "client rows": (ALL, lambda w: w.clients().rows([w.client_id])),
    "client detail": (ALL, lambda w: w.clients().get(w.client_id)),
    "check an ID number": (ALL, lambda w: w.clients().check_id_number(id_number("19910101", 7))),
    "read code lists": (ALL, lambda w: w.codes().entries(CodeList.CLIENT_CATEGORY)),
    "read villages": (ALL, lambda w: w.stations().villages()),
}


@pytest.fixture(params=list(Role), ids=lambda r: r.value)
def world(
    request: pytest.FixtureRequest, db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> World:
    make_actor(Role.WORKER, "target")
    actor = admin if request.param is Role.ADMIN else make_actor(request.param)
    saved = ClientService(db, admin, today=TODAY).create(
        ClientInput(name="张三", id_number=id_number("19910101", 7))
    )
    village = StationService(db, admin).villages()[0]
    code = CodeService(db, admin).entries(CodeList.SERVICE_MODE)[0]
    return World(
        db, actor, saved.id, saved.version, village.id, village.version, code.id, code.version
    )


@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_action_is_allowed_exactly_to_the_roles_of_the_design(
    world: World, action: str
) -> None:
    allowed, call = ACTIONS[action]
    if world.actor.role in allowed:
        call(world)
    else:
        with pytest.raises(PermissionDenied) as raised:
            call(world)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in raised.value.message)


def test_the_table_covers_every_role_and_refuses_something_to_each_non_admin() -> None:
    refused = {
        role: [a for a, (allowed, _) in ACTIONS.items() if role not in allowed] for role in Role
    }
    assert refused[Role.ADMIN] == []
    assert "view audit log" not in refused[Role.HEAD]
    assert {"list users", "change a setting", "add code", "view audit log"} <= set(
        refused[Role.WORKER]
    )
    assert {"create client", "update client", "reveal"} <= set(refused[Role.SUPERVISOR])
