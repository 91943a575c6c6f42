"""The evaluator's random sample of case files (个案抽查), drawn so anyone can check it.

The population is every case of the covered stations opened, or served (a service
record), within the period. Each case number gets the SHA-256 of "种子:个案编号"
(e.g. `2026:JX0426-2026-0007`, UTF-8, as hexadecimal); the cases with the smallest
values are the sample. The same seed over the same cases gives the same sample on any
computer, whatever order the database returns them in, and a case added later does not
move the others: it only enters the sample if its own value is small enough.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.store.models import Case, ServiceRecord

METHOD = (
    "抽样方法：在本期内新接或有服务记录的个案中，按“种子:个案编号”（如 {example}）的 "
    "SHA-256 值从小到大取前 {size} 个（不足则全部）。同一种子、同一批个案，任何时候任何电脑"
    "抽出的都相同，评估方可用任意 SHA-256 工具复核。"
)


def rank(seed: int, case_no: str) -> str:
    return hashlib.sha256(f"{seed}:{case_no}".encode()).hexdigest()


def draw(case_nos: Iterable[str], *, seed: int, size: int) -> list[str]:
    """The sample, by case number."""
    ranked = sorted(set(case_nos), key=lambda no: (rank(seed, no), no))
    return sorted(ranked[: max(size, 0)])


def population(
    session: Session, station_ids: Sequence[int], first: dt.date, last: dt.date
) -> dict[str, tuple[int, int]]:
    """case number → (case id, station id) of the cases opened or served in the period."""
    served = select(ServiceRecord.case_id).where(
        ServiceRecord.station_id.in_(station_ids), ServiceRecord.served_on.between(first, last)
    )
    rows = session.execute(
        select(Case.case_no, Case.id, Case.station_id).where(
            Case.station_id.in_(station_ids),
            or_(Case.intake_date.between(first, last), Case.id.in_(served)),
        )
    )
    return {no: (case_id, station_id) for no, case_id, station_id in rows}


def method(seed: int, size: int, example: str = "JX0426-2026-0007") -> str:
    """The method in words for the contents, with one of the pack's own case numbers."""
    return METHOD.format(example=f"{seed}:{example}", size=size)
