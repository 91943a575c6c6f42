"""Comparing cleaned roster rows with the registry: 新增, 更新 (old → new), 无变化, 错误."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import ClientStatus
from app.domain.masking import mask_id
from app.services.importing.results import ExitRow, FieldChange, PreviewRow, Verdict
from app.services.importing.rows import CleanRow
from app.store.models import Client, ClientCategory, Village

CHUNK = 500  # ids per IN (…) query, well under SQLite's parameter limit
CATEGORY_LABEL = "类别"
AMOUNT_LABEL = "保障金额"


@dataclass(frozen=True)
class Labels:
    """Codes and ids as the user reads them, for old → new."""

    villages: Mapping[int, str]
    relations: Mapping[str, str]
    disability_types: Mapping[str, str]
    disability_grades: Mapping[str, str]
    category: str


@dataclass(frozen=True)
class Existing:
    """What the registry holds for one ID number."""

    id: int
    station_id: int
    status: str
    archive_reason: str
    name: str
    phone: str
    village_id: int | None
    address: str
    relation: str
    disability_type: str
    disability_grade: str
    holds: bool  # holds the roster's category now
    amount: str  # its benefit amount, when held


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def existing(session: Session, ids: Sequence[str], category: str) -> dict[str, Existing]:
    """The registered clients among `ids` (ID numbers), with their holding of `category`."""
    found: dict[str, Existing] = {}
    for part in chunks(ids):
        rows = session.execute(
            select(
                Client.id_number, Client.id, Client.station_id, Client.status,
                Client.archive_reason, Client.name, Client.phone, Client.village_id,
                Client.address, Client.relation_to_head, Client.disability_type,
                Client.disability_grade, ClientCategory.id, ClientCategory.benefit_amount,
            )
            .outerjoin(
                ClientCategory,
                (ClientCategory.client_id == Client.id)
                & (ClientCategory.category == category)
                & ClientCategory.end_date.is_(None),
            )
            .where(Client.id_number.in_(part))
        )  # fmt: skip
        for r in rows:
            if r[0] is not None:
                found[r[0]] = Existing(
                    id=r[1], station_id=r[2], status=r[3], archive_reason=r[4], name=r[5],
                    phone=r[6], village_id=r[7], address=r[8], relation=r[9],
                    disability_type=r[10], disability_grade=r[11], holds=r[12] is not None,
                    amount=r[13] or "",
                )  # fmt: skip
    return found


def judge(
    session: Session, station_id: int, category: str, rows: Sequence[PreviewRow], labels: Labels
) -> list[PreviewRow]:
    """New rows with verdicts against the registry as it is now (the input is left as it was)."""
    candidates = [r for r in rows if r.values is not None and r.verdict is not Verdict.DUPLICATE]
    known = existing(session, [r.values.id_number for r in candidates if r.values], category)
    result = []
    for row in rows:
        if row.values is None or row.verdict is Verdict.DUPLICATE:
            result.append(row)
            continue
        result.append(_judged(row, row.values, known.get(row.values.id_number), station_id, labels))
    return result


def _judged(
    row: PreviewRow, new: CleanRow, old: Existing | None, station_id: int, labels: Labels
) -> PreviewRow:
    if old is None:
        return dataclasses.replace(row, verdict=Verdict.NEW, reason="", changes=(), client_id=None)

    def refuse(reason: str) -> PreviewRow:
        return dataclasses.replace(row, verdict=Verdict.ERROR, reason=reason, client_id=old.id)

    if old.station_id != station_id:
        return refuse("该身份证号已在其他站点登记，不能重复登记。")
    if old.status == ClientStatus.ARCHIVED.value:
        why = f"（原因：{old.archive_reason}）" if old.archive_reason else ""
        return refuse(f"该服务对象已归档{why}，请先在服务对象页恢复在册后再导入。")
    if old.name != new.name:
        return refuse(f"身份证号已登记为“{old.name}”，与名单中的姓名不一致，请核对。")
    changes = field_changes(new, old, labels)
    verdict = Verdict.UPDATE if changes else Verdict.SAME
    return dataclasses.replace(row, verdict=verdict, reason="", changes=changes, client_id=old.id)


def field_changes(new: CleanRow, old: Existing, labels: Labels) -> tuple[FieldChange, ...]:
    """What the roster would change; an empty cell in the roster never clears a field."""
    changes: list[FieldChange] = []

    def compare(label: str, before: str, after: str) -> None:
        if after and after != before:
            changes.append(FieldChange(label, before, after))

    compare("联系电话", old.phone, new.phone)
    compare(
        "村/社区",
        labels.villages.get(old.village_id, "") if old.village_id else "",
        labels.villages.get(new.village_id, "") if new.village_id else "",
    )
    compare("地址", old.address, new.address)
    compare(
        "与户主关系",
        labels.relations.get(old.relation, old.relation),
        labels.relations.get(new.relation, new.relation),
    )
    compare(
        "残疾类别",
        labels.disability_types.get(old.disability_type, old.disability_type),
        labels.disability_types.get(new.disability_type, new.disability_type),
    )
    compare(
        "残疾等级",
        labels.disability_grades.get(old.disability_grade, old.disability_grade),
        labels.disability_grades.get(new.disability_grade, new.disability_grade),
    )
    if not old.holds:
        changes.append(FieldChange(CATEGORY_LABEL, "", labels.category))
    elif new.benefit_amount and new.benefit_amount != old.amount:
        changes.append(FieldChange(AMOUNT_LABEL, old.amount, new.benefit_amount))
    return tuple(changes)


def exits(session: Session, station_id: int, category: str, on_roster: set[str]) -> list[ExitRow]:
    """Holders of `category` granted by an earlier roster who are not on this one."""
    stmt = (
        select(Client.id, Client.name, Client.id_number, Village.name)
        .join(ClientCategory, ClientCategory.client_id == Client.id)
        .outerjoin(Village, Village.id == Client.village_id)
        .where(
            ClientCategory.station_id == station_id,
            ClientCategory.category == category,
            ClientCategory.end_date.is_(None),
            ClientCategory.import_batch_id.is_not(None),
        )
        .order_by(Client.name_sort, Client.id)
    )
    return [
        ExitRow(cid, name, mask_id(number), village or "")
        for cid, name, number, village in session.execute(stmt)
        if number not in on_roster
    ]
