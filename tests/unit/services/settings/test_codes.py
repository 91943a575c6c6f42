"""The editable code lists."""

from __future__ import annotations

import pytest

from app.domain.codes import SEED, CodeList
from app.domain.errors import ConflictError, InvalidInput, NotFound
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from tests.unit.services.conftest import audit_actions


@pytest.fixture
def codes(db: Database, admin: Actor) -> CodeService:
    return CodeService(db, admin)


@pytest.mark.parametrize("code_list", list(CodeList))
def test_every_list_is_seeded_in_order(codes: CodeService, code_list: CodeList) -> None:
    assert [(e.code, e.label) for e in codes.entries(code_list)] == SEED[code_list]


def test_the_seed_has_the_lists_of_the_design() -> None:
    labels = dict(SEED[CodeList.CLIENT_CATEGORY]).values()
    assert {"特困人员·分散供养", "低保边缘家庭", "事实无人抚养儿童", "残疾人", "其他"} <= set(
        labels
    )
    assert [label for _, label in SEED[CodeList.SERVICE_MODE]] == [
        "面谈", "电话", "入户探访", "陪同", "线上", "资源链接", "转介",
    ]  # fmt: skip
    assert len(SEED[CodeList.ETHNICITY]) == 58
    assert all(list_name.label for list_name in CodeList)


def test_adding_an_item_puts_it_last(db: Database, codes: CodeService) -> None:
    changes = codes.add(code_list=CodeList.SERVICE_MODE, code=" group_talk ", label=" 小组面谈 ")
    assert changes.touches("codes")
    assert codes.entries(CodeList.SERVICE_MODE)[-1].label == "小组面谈"
    assert codes.labels(CodeList.SERVICE_MODE)["group_talk"] == "小组面谈"
    assert audit_actions(db, entity="code_item") == ["create"]


@pytest.mark.parametrize(("code", "label"), [("phone", "电话2"), ("", "空"), ("x", " ")])
def test_bad_items_are_refused(codes: CodeService, code: str, label: str) -> None:
    with pytest.raises(InvalidInput):
        codes.add(code_list=CodeList.SERVICE_MODE, code=code, label=label)
    assert len(codes.entries(CodeList.SERVICE_MODE)) == len(SEED[CodeList.SERVICE_MODE])


def test_the_same_code_may_exist_in_another_list(codes: CodeService) -> None:
    codes.add(code_list=CodeList.VISIT_TYPE, code="phone", label="电话回访")
    assert codes.labels(CodeList.VISIT_TYPE)["phone"] == "电话回访"


def test_renaming_and_retiring_keep_the_code(db: Database, codes: CodeService) -> None:
    item = codes.entries(CodeList.SERVICE_MODE)[1]
    codes.update(item_id=item.id, version=item.version, label="电话联系", active=False)
    assert "phone" not in {e.code for e in codes.entries(CodeList.SERVICE_MODE)}
    retired = [
        e for e in codes.entries(CodeList.SERVICE_MODE, include_retired=True) if e.id == item.id
    ]
    assert [(e.code, e.label, e.active) for e in retired] == [("phone", "电话联系", False)]
    assert codes.labels(CodeList.SERVICE_MODE)["phone"] == "电话联系"
    assert audit_actions(db, entity="code_item") == ["update"]


def test_a_stale_edit_of_an_item_is_a_conflict(codes: CodeService) -> None:
    item = codes.entries(CodeList.SERVICE_MODE)[0]
    codes.update(item_id=item.id, version=item.version, label="当面会谈", active=True)
    with pytest.raises(ConflictError):
        codes.update(item_id=item.id, version=item.version, label="面谈", active=True)
    assert codes.labels(CodeList.SERVICE_MODE)["interview"] == "当面会谈"


def test_editing_a_missing_item(codes: CodeService) -> None:
    with pytest.raises(NotFound):
        codes.update(item_id=99999, version=1, label="x", active=True)
    with pytest.raises(InvalidInput):
        codes.update(item_id=1, version=1, label=" ", active=True)
