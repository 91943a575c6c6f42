"""Demo staff: a station head, social workers and a supervisor for each demo station."""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import data
from app.demo.people import FEMALE, MALE, People, pick
from app.domain.roles import Role
from app.services.access import passwords
from app.services.context import Actor
from app.store.models import Station, User

_TITLES = {
    Role.HEAD: data.HEAD_TITLES,
    Role.WORKER: data.WORKER_TITLES,
    Role.SUPERVISOR: data.SUPERVISOR_TITLES,
}


@dataclass
class StaffPlan:
    """The demo accounts (all share one password) and each station's social workers."""

    password: str
    logins: list[str] = field(default_factory=list)
    workers: dict[int, list[int]] = field(default_factory=dict)


def _roles(first: bool, rng: random.Random) -> list[tuple[Role, str]]:
    # The first station already has its administrator, who usually is the head.
    roles = [] if first else [(Role.HEAD, "zhanzhang")]
    count = 3 if first else rng.randint(3, 5)
    roles += [(Role.WORKER, f"shegong{n}") for n in range(1, count + 1)]
    return [*roles, (Role.SUPERVISOR, "dudao")]


def add_staff(
    session: Session, actor: Actor, stations: list[Station], rng: random.Random, people: People
) -> StaffPlan:
    """Accounts for every station; logins are pinyin (shegong1) prefixed by the station code.

    The accounts share one printed password but each has its own salted hash, as real
    accounts do (one shared hash would hide a salting bug); the hashes are made in
    parallel, argon2 releasing the GIL.
    """
    plan = StaffPlan(passwords.temporary_password())
    users: list[User] = []
    taken = set(session.scalars(select(User.login)))
    for index, station in enumerate(stations):
        prefix = "" if index == 0 else f"{station.code.lower()}."
        added: list[tuple[Role, User]] = []
        for role, base in _roles(index == 0, rng):
            login, suffix = prefix + base, 1
            while login in taken:
                suffix += 1
                login = f"{prefix}{base}-{suffix}"
            taken.add(login)
            sex = pick(rng, {FEMALE: 60, MALE: 40})
            user = User(
                station_id=station.id,
                login=login,
                display_name=people.name(sex, people.today.year - rng.randint(24, 52)),
                role=role.value,
                title=pick(rng, _TITLES[role]),
                phone=people.phone(),
                password_hash="",
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
            session.add(user)
            users.append(user)
            added.append((role, user))
            plan.logins.append(login)
        session.flush()
        plan.workers[station.id] = [u.id for role, u in added if role is Role.WORKER]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        hashes = pool.map(passwords.hash_password, [plan.password] * len(users))
        for user, hashed in zip(users, hashes, strict=True):
            user.password_hash = hashed
    return plan
