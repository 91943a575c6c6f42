"""Qualifications: level, certificate, and the registration period's continuing-education
hours counted from the training records against the title's target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.staff.qualifications import QualificationInput, QualificationService
from app.services.staff.training import TrainingService
from app.services.staff.training_types import Participant, TrainingInput
from app.store.engine import Database

TODAY = dt.date(2026, 10, 15)


def test_the_head_records_a_qualification_and_the_hours_count_in_its_period(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    head = make_actor(Role.HEAD, "zhang", "张站长")
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    trainings = TrainingService(db, head)
    for day, hours in ((dt.date(2024, 12, 1), "6"), (dt.date(2025, 3, 2), "12.5"),
                       (dt.date(2026, 9, 9), "8")):  # fmt: skip
        trainings.create(
            TrainingInput("社工继续教育", day, hours, participants=(Participant(worker.user_id),))
        )
    quals = QualificationService(db, head, today=TODAY)
    line = next(q for q in quals.list() if q.user_id == worker.user_id)
    quals.update(
        user_id=worker.user_id, version=line.version,
        data=QualificationInput("assistant", " ZL2024-0031 ", dt.date(2024, 6, 22),
                                dt.date(2025, 1, 1)),
    )  # fmt: skip
    line = next(q for q in quals.list() if q.user_id == worker.user_id)
    assert (line.title_label, line.certificate_no, line.certified_on) == (
        "助理社会工作师", "ZL2024-0031", dt.date(2024, 6, 22),
    )  # fmt: skip
    # The period runs 2025-01-01 to 2027-12-31: the training of December 2024 is outside.
    assert (line.period_start, line.period_end) == (dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    assert line.period_hours == Decimal("20.5")
    assert line.target == 72 and line.percent == 28
    mine = QualificationService(db, worker, today=TODAY).list()
    assert [q.user_id for q in mine] == [worker.user_id]


def test_a_worker_may_not_edit_and_dates_may_not_be_in_the_future(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    head = make_actor(Role.HEAD, "zhang", "张站长")
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    line = QualificationService(db, worker, today=TODAY).list()[0]
    data = QualificationInput("social_worker", "S1", dt.date(2025, 5, 1))
    with pytest.raises(PermissionDenied):
        QualificationService(db, worker, today=TODAY).update(
            user_id=worker.user_id, version=line.version, data=data
        )
    quals = QualificationService(db, head, today=TODAY)
    with pytest.raises(InvalidInput, match="取证日期不能晚于今天"):
        quals.update(
            user_id=worker.user_id, version=line.version,
            data=QualificationInput("social_worker", "S1", dt.date(2026, 11, 1)),
        )  # fmt: skip
    with pytest.raises(InvalidInput, match="请选择职业资格等级"):
        quals.update(user_id=worker.user_id, version=line.version, data=QualificationInput("x"))
