"""Interview rounds (回访): a reproducible sample, the answers, the summary by hand, and a
call list that renders and shows no full phone, name or ID number."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.domain.satisfaction import Mode, Outcome
from app.services.context import Actor
from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.types import AnswerInput, RoundInput
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.satisfaction.records import PHONES, Records

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def plan(svc: InterviewService, seed: int | None, phone: int = 4, onsite: int = 2) -> int:
    svc.create(RoundInput("2026年11月回访", START, END, phone, onsite, seed))
    return svc.rounds()[0].id


def drawn(svc: InterviewService, round_id: int) -> list[tuple[int, Mode, str]]:
    return [(line.client_id, line.mode, line.stratum) for line in svc.detail(round_id).lines]


def test_the_same_seed_draws_the_same_sample(
    clocked: Database, admin: Actor, records: Records
) -> None:
    svc = InterviewService(clocked, admin)
    first, again = drawn(svc, plan(svc, 7)), drawn(svc, plan(svc, 7))
    assert first == again
    others = {tuple(drawn(svc, plan(svc, seed))) for seed in range(1, 6)}
    assert len(others) > 1  # the seed matters
    phones = dict(zip(records.clients, (*PHONES, "", ""), strict=True))
    assert all(phones[cid] for cid, mode, _ in first if mode is Mode.PHONE)
    assert len({cid for cid, _, _ in first}) == 6
    # Six with phones in four strata of sizes 2, 2, 1, 1: four calls take one from each.
    phone_strata = [s for _, mode, s in first if mode is Mode.PHONE]
    assert len(set(phone_strata)) == 4


def test_a_round_without_a_seed_stores_the_one_it_drew_with(
    clocked: Database, admin: Actor, records: Records
) -> None:
    svc = InterviewService(clocked, admin)
    round_id = plan(svc, None)
    seed = svc.detail(round_id).seed
    assert drawn(svc, round_id) == drawn(svc, plan(svc, seed))


def test_a_sample_larger_than_the_registry_is_refused(
    clocked: Database, admin: Actor, records: Records, make_actor: Callable[..., Actor]
) -> None:
    svc = InterviewService(clocked, admin)
    with pytest.raises(InvalidInput, match="登记了电话的服务对象只有 6 人"):
        plan(svc, 1, phone=7, onsite=0)
    with pytest.raises(InvalidInput, match="只剩 2 名"):
        plan(svc, 1, phone=6, onsite=3)
    with pytest.raises(PermissionDenied):
        plan(InterviewService(clocked, make_actor(Role.WORKER)), 1)
    assert svc.rounds() == []


def known(*keys: str) -> dict[str, bool]:
    return dict.fromkeys(keys, True)


def test_the_summary_by_hand(clocked: Database, admin: Actor, records: Records) -> None:
    """Three answered: knows 5, 3 and 2 items (aware 2 of 3 → 66.7%), overall 5, 4 and 2
    (satisfied 2 of 3 → 66.7%); one unreachable; two still to ask."""
    svc = InterviewService(clocked, admin)
    round_id = plan(svc, 3)
    lines = svc.detail(round_id).lines
    answers = [
        (known("address", "services", "workers", "help", "hotline"), (5, 5, 5, 5)),
        (known("address", "services", "help"), (4, 4, 3, 4)),
        (known("address", "hotline"), (3, 2, 2, 2)),
    ]
    for line, (aware, (a, b, c, d)) in zip(lines, answers, strict=False):
        data = AnswerInput(
            Outcome.ANSWERED, dt.date(2026, 11, 4), aware,
            {"attitude": a, "arrangement": b, "needs": c, "overall": d},
        )  # fmt: skip
        svc.answer(sample_id=line.id, version=line.version, data=data)
    gone = AnswerInput(Outcome.UNREACHABLE, dt.date(2026, 11, 4), note="空号")
    svc.answer(sample_id=lines[3].id, version=lines[3].version, data=gone)
    s = svc.detail(round_id).summary
    assert (s.answered, s.aware, s.awareness_rate) == (3, 2, Decimal("66.7"))
    assert (s.satisfied, s.satisfaction_rate) == (2, Decimal("66.7"))
    assert dict(s.averages)["服务态度"] == Decimal("4.00")
    assert dict(s.averages)["需求满足"] == Decimal("3.33")
    phone = next(m for m in s.by_mode if m.mode is Mode.PHONE)
    assert (phone.sample, phone.answered, phone.unreachable, phone.pending) == (4, 3, 1, 0)
    onsite = next(m for m in s.by_mode if m.mode is Mode.ONSITE)
    assert (onsite.sample, onsite.pending) == (2, 2)
    with pytest.raises(InvalidInput, match="1到5分"):
        bad = AnswerInput(Outcome.ANSWERED, dt.date(2026, 11, 4), {}, {"overall": 9})
        svc.answer(sample_id=lines[4].id, version=lines[4].version, data=bad)
    with pytest.raises(InvalidInput, match="之间"):
        svc.answer(sample_id=lines[4].id, version=lines[4].version,
                   data=AnswerInput(Outcome.REFUSED, dt.date(2026, 12, 4)))  # fmt: skip
    detail = svc.detail(round_id)
    svc.finish(round_id=round_id, version=detail.version)
    with pytest.raises(InvalidInput, match="已经结束"):
        fresh = svc.detail(round_id).lines[0]
        svc.answer(sample_id=fresh.id, version=fresh.version, data=AnswerInput(Outcome.PENDING))


def test_the_call_list_renders_and_masks_names_phones_and_ids(
    clocked: Database, admin: Actor, records: Records, tmp_path: Path
) -> None:
    svc = InterviewService(clocked, admin)
    round_id = plan(svc, 11, phone=6, onsite=2)
    pdf = svc.write_call_list(round_id, tmp_path / "calls.pdf")
    text = pdf_reading.text(pdf)
    assert "回访名单" in text and "抽样种子" in text and "11" in text
    digits = re.sub(r"\s", "", text)
    for phone in PHONES:
        assert phone not in digits
    assert "138****5678" in digits
    assert not re.search(r"\d{15,}", digits)  # no ID number, whole or in part
    for line in svc.detail(round_id).lines:
        assert line.name not in text
        assert line.name[0] + "*" * (len(line.name) - 1) in text
    if shutil.which("pdftoppm") is not None:
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")],
                       check=True)  # fmt: skip
        assert sorted(tmp_path.glob("page*.png"))
