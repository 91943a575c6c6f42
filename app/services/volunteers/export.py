"""The 志愿者 and 资源链接 lists as exports.

The volunteer list holds ID numbers and phones; they are masked unless `reveal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.masking import mask_id, mask_phone
from app.exports.list_xlsx import Cell, ListColumn
from app.services.listing import ListExporter, in_order
from app.services.settings.codes import code_labels
from app.services.volunteers.resource_types import ResourceQuery
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import VolunteerQuery
from app.store.models import (
    Activity,
    Client,
    Household,
    Resource,
    Village,
    Volunteer,
    VolunteerService,
)


class VolunteerExporter(ListExporter):
    key = "volunteers"
    title = "志愿者"
    entity = "volunteer"
    columns = (
        ListColumn("姓名", 10),
        ListColumn("联系电话", 14),
        ListColumn("身份证号", 21),
        ListColumn("技能特长", 20),
        ListColumn("村/社区", 12),
        ListColumn("在册", 6),
        ListColumn("累计服务时长（小时）", 16),
    )

    def default_query(self) -> VolunteerQuery:
        return VolunteerQuery()

    def ids(self, query: Any) -> list[int]:
        return VolunteerRegistry(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        hours = (
            select(func.coalesce(func.sum(VolunteerService.hours), 0))
            .where(VolunteerService.volunteer_id == Volunteer.id)
            .scalar_subquery()
        )
        stmt = (
            select(
                Volunteer.id,
                Volunteer.name,
                Volunteer.phone,
                Volunteer.id_number,
                Volunteer.skills,
                Village.name,
                Volunteer.active,
                hours,
            )
            .outerjoin(Village, Village.id == Volunteer.village_id)
            .where(Volunteer.id.in_(ids), Volunteer.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for vid, name, phone, id_number, skills, village, active, total in (
            session.connection().execute(stmt).all()
        ):
            found[vid] = [
                name,
                phone if reveal else mask_phone(phone),
                (id_number or "") if reveal else mask_id(id_number),
                skills,
                village or "",
                "是" if active else "否",
                float(total or 0),
            ]
        return in_order(found, ids)


class ResourceExporter(ListExporter):
    key = "resources"
    title = "资源链接"
    entity = "resource"
    columns = (
        ListColumn("日期", 12),
        ListColumn("来源（捐赠方/单位）", 20),
        ListColumn("类型", 8),
        ListColumn("价值（元）", 12),
        ListColumn("内容", 30),
        ListColumn("受益对象", 14),
        ListColumn("受益家庭（户主）", 14),
        ListColumn("受益活动", 20),
        ListColumn("凭证号", 14),
    )

    def default_query(self) -> ResourceQuery:
        return ResourceQuery()

    def ids(self, query: Any) -> list[int]:
        return ResourceLinkService(self._db, self._actor).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        kinds = code_labels(session, CodeList.RESOURCE_KIND)
        stmt = (
            select(
                Resource.id,
                Resource.received_on,
                Resource.source,
                Resource.kind,
                Resource.value_yuan,
                Resource.description,
                Client.name,
                Household.head_name,
                Activity.title,
                Resource.receipt_ref,
            )
            .outerjoin(Client, Client.id == Resource.client_id)
            .outerjoin(Household, Household.id == Resource.household_id)
            .outerjoin(Activity, Activity.id == Resource.activity_id)
            .where(Resource.id.in_(ids), Resource.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for rid, day, source, kind, value, text, client, head, activity, receipt in (
            session.connection().execute(stmt).all()
        ):
            found[rid] = [
                day, source, kinds.get(kind, kind), float(value or 0), text, client or "",
                head or "", activity or "", receipt,
            ]  # fmt: skip
        return in_order(found, ids)
