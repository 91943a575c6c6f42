"""The client list found by pinyin (both engines): 张桂兰 by zgl, zhang, zhangguilan, 张gl…"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.domain.roles import Permission, Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.store.engine import Database

NAMES = ["张桂兰", "章国立", "郑桂兰", "张三", "曾乐", "单雄信", "区志强", "吕小明", "王五"]


@pytest.fixture
def listed(clients: ClientService) -> dict[str, int]:
    return {name: clients.create(ClientInput(name=name)).id for name in NAMES}


def names_found(clients: ClientService, listed: dict[str, int], text: str) -> list[str]:
    by_id = {cid: name for name, cid in listed.items()}
    return [by_id[cid] for cid in clients.search_ids(ClientQuery(text=text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zgl", {"张桂兰", "章国立", "郑桂兰"}),  # initials
        ("ZgL", {"张桂兰", "章国立", "郑桂兰"}),  # any case
        ("zhang", {"张桂兰", "章国立", "张三"}),  # the surname in full
        ("zhangguilan", {"张桂兰"}),  # the whole name in full
        ("zhang gui lan", {"张桂兰"}),  # with spaces
        ("ZHANG GUI LAN", {"张桂兰"}),
        ("张gl", {"张桂兰"}),  # Chinese and initials
        ("zhang桂兰", {"张桂兰"}),  # pinyin and Chinese
        ("zhanggl", {"张桂兰", "章国立"}),  # full surname, initials after
        ("zhangguil", {"张桂兰"}),  # still typing
        ("zengle", {"曾乐"}),  # surname readings
        ("zl", {"曾乐"}),
        ("shanxiongxin", {"单雄信"}),
        ("sxx", {"单雄信"}),
        ("ouzhiqiang", {"区志强"}),
        ("qzq", {"区志强"}),  # the everyday reading of 区 still finds it
        ("lvxiaoming", {"吕小明"}),
        ("lxm", {"吕小明"}),
        ("guilan", {"张桂兰", "郑桂兰"}),  # the given name alone
        ("wangliu", set()),
        ("张三", {"张三"}),  # Chinese as before
    ],
)
def test_the_list_is_searched_by_pinyin(
    clients: ClientService, listed: dict[str, int], text: str, expected: set[str]
) -> None:
    found = names_found(clients, listed, text)
    assert set(found) == expected
    assert len(found) == len(expected)


def test_pinyin_results_keep_the_list_order(clients: ClientService, listed: dict[str, int]) -> None:
    found = clients.search_ids(ClientQuery(text="zgl"))
    assert found == clients.search_ids(ClientQuery(text="zgl", descending=False))
    everyone = clients.search_ids(ClientQuery())
    assert found == [cid for cid in everyone if cid in set(found)]


def test_a_renamed_client_is_found_by_the_new_pinyin_only(
    clients: ClientService, listed: dict[str, int]
) -> None:
    saved = clients.get(listed["王五"])
    clients.update(saved.id, version=saved.version, data=ClientInput(name="解晓东"))
    assert names_found(clients, listed, "ww") == []
    assert clients.search_ids(ClientQuery(text="xiexiaodong")) == [saved.id]
    assert clients.search_ids(ClientQuery(text="xxd")) == [saved.id]


def test_archived_clients_follow_the_status_filter(
    clients: ClientService, listed: dict[str, int]
) -> None:
    saved = clients.get(listed["张三"])
    clients.archive(saved.id, version=saved.version, reason="迁出")
    assert clients.search_ids(ClientQuery(text="zs")) == []
    assert clients.search_ids(ClientQuery(text="zs", status="archived")) == [saved.id]


def test_a_worker_without_full_numbers_finds_names_by_pinyin(
    db: Database, admin: Actor, listed: dict[str, int], make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER)
    assert not worker.can(Permission.REVEAL_ANY)  # ID numbers only whole: the other branch
    found = ClientService(db, worker).search_ids(ClientQuery(text="zgl"))
    assert set(found) == {listed["张桂兰"], listed["章国立"], listed["郑桂兰"]}
