"""Resources linked (资源链接): who gave what, worth how much, to whom.

Values are yuan with cents as `Decimal`, never floats: the monthly report adds them up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import extract, func, or_, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.partners import links as partner_links
from app.services.settings.codes import code_labels
from app.services.staff.access import (
    may_create,
    may_edit,
    own_record,
    require_create,
    require_edit,
)
from app.services.volunteers.links import LinkKind, check_link, label
from app.services.volunteers.resource_types import (
    ResourceDetail,
    ResourceInput,
    ResourceQuery,
    ResourceRow,
    ResourceTotal,
)
from app.store.engine import Database
from app.store.models import Resource

ENTITY = "resource"
NOUN = "资源链接记录"
MAX_YUAN = Decimal("9999999999.99")


def parse_yuan(value: Decimal | str) -> Decimal:
    """“1,500.5”, full-width digits or “1500元” → Decimal('1500.50'); no negatives."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = text.replace(",", "").removesuffix("元").strip()
    if not text:
        raise InvalidInput("请填写价值（元），没有可填 0。", field="value_yuan")
    try:
        yuan = Decimal(text)
    except InvalidOperation:
        raise InvalidInput(
            f"价值“{value}”不是数字，请填写金额，如 1500 或 1500.50。", field="value_yuan"
        ) from None
    if not yuan.is_finite() or yuan < 0:
        raise InvalidInput("价值不能为负数。", field="value_yuan")
    if yuan != yuan.quantize(Decimal("0.01")):
        raise InvalidInput("价值最多保留两位小数（到分）。", field="value_yuan")
    if yuan > MAX_YUAN:
        raise InvalidInput("价值过大，请核对金额。", field="value_yuan")
    return yuan.quantize(Decimal("0.01"))


@logs_refusals("resource")
class ResourceLinkService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def can_create(self) -> bool:
        return may_create(self._actor)

    def search_ids(self, query: ResourceQuery) -> list[int]:
        stmt = select(Resource.id).where(Resource.station_id == self._actor.station_id)
        if query.kind:
            stmt = stmt.where(Resource.kind == query.kind)
        if query.year is not None:
            stmt = stmt.where(extract("year", Resource.received_on) == query.year)
        text = query.text.strip()
        if text:
            stmt = stmt.where(
                or_(
                    Resource.source.contains(text, autoescape=True),
                    Resource.description.contains(text, autoescape=True),
                    Resource.receipt_ref.contains(text, autoescape=True),
                )
            )
        column: Any = Resource.value_yuan if query.sort == "value" else Resource.received_on
        order = column.desc() if query.descending else column.asc()
        tie = Resource.id.desc() if query.descending else Resource.id.asc()
        with self._db.read() as session:
            return list(session.scalars(stmt.order_by(order, tie)))

    def rows(self, ids: Sequence[int]) -> list[ResourceRow]:
        with self._db.read() as session:
            kinds = code_labels(session, CodeList.RESOURCE_KIND)
            records = session.scalars(
                select(Resource).where(
                    Resource.id.in_(ids), Resource.station_id == self._actor.station_id
                )
            )
            return [
                ResourceRow(
                    id=r.id,
                    received_on=r.received_on,
                    source=r.source,
                    kind=kinds.get(r.kind, r.kind),
                    value_yuan=r.value_yuan,
                    recipient=_recipient(session, r),
                    description=r.description.splitlines()[0] if r.description else "",
                    receipt_ref=r.receipt_ref,
                )
                for r in records
            ]

    def detail(self, resource_id: int) -> ResourceDetail:
        with self._db.read() as session:
            r = own_record(session, Resource, resource_id, self._actor, NOUN)
            return ResourceDetail(
                id=r.id,
                version=r.version,
                received_on=r.received_on,
                source=r.source,
                kind=r.kind,
                value_yuan=r.value_yuan,
                description=r.description,
                client_id=r.client_id,
                household_id=r.household_id,
                activity_id=r.activity_id,
                recipient=_recipient(session, r),
                receipt_ref=r.receipt_ref,
                can_edit=may_edit(self._actor, r.created_by_id),
            )

    def create(self, data: ResourceInput) -> Changes:
        require_create(self._actor)
        with self._db.write() as session:
            values = self._validated(session, data)
            record = Resource(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            session.add(record)
            session.flush()
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=record.id,
                kind=record.kind, value_yuan=str(values["value_yuan"]),
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(record.id,))

    def update(self, *, resource_id: int, version: int, data: ResourceInput) -> Changes:
        with self._db.write() as session:
            record = own_record(session, Resource, resource_id, self._actor, NOUN)
            require_edit(self._actor, record.created_by_id)
            check_version(record, version, NOUN, session)
            values = self._validated(session, data)
            if values["source"] == record.source and record.partner_id is not None:
                # The same name keeps its partner, even one renamed in the directory since.
                values["partner_id"] = record.partner_id
            changed = sorted(k for k, v in values.items() if getattr(record, k) != v)
            for key, value in values.items():
                setattr(record, key, value)
            record.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=record.id,
                fields=changed,
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(resource_id,))

    def totals(self, year: int) -> list[ResourceTotal]:
        """Count and yuan per month and kind of `year`."""
        month = extract("month", Resource.received_on)
        stmt = (
            select(month, Resource.kind, func.count(), func.sum(Resource.value_yuan))
            .where(
                Resource.station_id == self._actor.station_id,
                extract("year", Resource.received_on) == year,
            )
            .group_by(month, Resource.kind)
            .order_by(month, Resource.kind)
        )
        with self._db.read() as session:
            kinds = code_labels(session, CodeList.RESOURCE_KIND)
            return [
                ResourceTotal(
                    int(m),
                    kind,
                    kinds.get(kind, kind),
                    n,
                    Decimal(str(total or 0)).quantize(Decimal("0.01")),
                )
                for m, kind, n, total in session.execute(stmt)
            ]

    def _validated(self, session: Session, data: ResourceInput) -> dict[str, Any]:
        source = data.source.strip()
        if not source:
            raise InvalidInput("请填写资源来源（捐赠人或单位）。", field="source")
        if data.kind not in code_labels(session, CodeList.RESOURCE_KIND):
            raise InvalidInput("请选择资源类型。", field="kind")
        yuan = parse_yuan(data.value_yuan)
        links = {
            LinkKind.CLIENT: data.client_id,
            LinkKind.HOUSEHOLD: data.household_id,
            LinkKind.ACTIVITY: data.activity_id,
        }
        chosen = [(kind, rid) for kind, rid in links.items() if rid is not None]
        if len(chosen) > 1:
            raise InvalidInput("受益方只能选一项：服务对象、家庭或活动。", field="recipient")
        for kind, rid in chosen:
            check_link(session, self._actor, kind, rid, field="recipient")
        return {
            "received_on": data.received_on,
            "source": source[:100],
            "partner_id": partner_links.resolve(session, self._actor.station_id, source[:100]),
            "kind": data.kind,
            "value_yuan": yuan,
            "description": data.description.strip(),
            "client_id": data.client_id,
            "household_id": data.household_id,
            "activity_id": data.activity_id,
            "receipt_ref": data.receipt_ref.strip()[:100],
        }


def _recipient(session: Session, record: Resource) -> str:
    if record.client_id is not None:
        return label(session, LinkKind.CLIENT, record.client_id)
    if record.household_id is not None:
        return label(session, LinkKind.HOUSEHOLD, record.household_id)
    if record.activity_id is not None:
        return f"活动：{label(session, LinkKind.ACTIVITY, record.activity_id)}"
    return ""
