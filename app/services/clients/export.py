"""The 服务对象 list as an export: the client page's search, one row per client."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.domain.codes import ClientStatus, CodeList, RiskLevel, Sex
from app.domain.idnumber import age_on
from app.domain.masking import mask_id, mask_phone
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.listing import ListColumn, ListExporter
from app.services.settings.codes import code_labels
from app.store.models import Client, ClientCategory, User, Village

_SEX = {s.value: s.label for s in Sex}
_RISK = {r.value: r.label for r in RiskLevel}
_STATUS = {s.value: s.label for s in ClientStatus}
_BIRTH = 2  # the column of the birth date, left out of a masked export
_CATEGORIES = 8  # the column of the categories (one less without the birth date)

# One row per current category (or one without): a second IN list per chunk would cost
# as much as the first. Built once, the ids bound as one expanding parameter: building
# it per chunk coerces each of a chunk's ids again.
_FETCH = (
    select(
        Client.id,
        Client.name,
        Client.sex,
        Client.birth_date,
        Client.id_number,
        Client.phone,
        Village.name,
        Client.address,
        Client.disability_type,
        Client.disability_grade,
        Client.self_care,
        Client.risk_level,
        User.display_name,
        Client.status,
        ClientCategory.category,
    )
    .outerjoin(Village, Village.id == Client.village_id)
    .outerjoin(User, User.id == Client.worker_id)
    .outerjoin(
        ClientCategory,
        (ClientCategory.client_id == Client.id) & ClientCategory.end_date.is_(None),
    )
    .where(
        Client.id.in_(bindparam("ids", expanding=True)),
        Client.station_id == bindparam("station_id"),
    )
    .order_by(ClientCategory.id)
)


class ClientExporter(ListExporter):
    key = "clients"
    title = "服务对象"
    entity = "client"
    columns = (
        ListColumn("姓名", 10),
        ListColumn("性别", 6),
        ListColumn("出生日期", 12),
        ListColumn("年龄", 6),
        ListColumn("身份证号", 21),
        ListColumn("联系电话", 14),
        ListColumn("村/社区", 12),
        ListColumn("住址", 24),
        ListColumn("类别", 28),
        ListColumn("残疾类别", 9),
        ListColumn("残疾等级", 9),
        ListColumn("自理能力", 10),
        ListColumn("风险等级", 9),
        ListColumn("负责社工", 10),
        ListColumn("状态", 8),
    )

    _labels: dict[CodeList, dict[str, str]] | None = None

    def shown_columns(self, *, reveal: bool) -> tuple[ListColumn, ...]:
        # Ages only: beside a birth date even a masked number is a few hundred guesses away.
        return self.columns if reveal else self.columns[:_BIRTH] + self.columns[_BIRTH + 1 :]

    def default_query(self) -> ClientQuery:
        return ClientQuery()

    def ids(self, query: Any) -> list[int]:
        return ClientService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Any]]:
        if not ids:
            return []
        names = self._code_labels(session)
        categories, disability, grade, self_care = (
            names[CodeList.CLIENT_CATEGORY],
            names[CodeList.DISABILITY_TYPE],
            names[CodeList.DISABILITY_GRADE],
            names[CodeList.SELF_CARE],
        )
        today = self.today
        sex_label, risk_label, status_label = _SEX.get, _RISK.get, _STATUS.get
        found: dict[int, list[Any]] = {}
        held: dict[int, list[str]] = {}
        # Plain rows from the connection: the ORM's row handling adds nothing here.
        rows = session.connection().execute(
            _FETCH, {"ids": list(ids), "station_id": self._actor.station_id}
        )
        for row in rows.all():
            (cid, name, sex, birth, id_number, phone, village, address, dis_type, dis_grade,
             care, risk, worker, status, category) = row  # fmt: skip
            if category:
                held.setdefault(cid, []).append(categories.get(category) or category)
            if cid in found:
                continue
            found[cid] = [
                name,
                sex_label(sex, ""),
                *((birth,) if reveal else ()),
                age_on(birth, today) if birth else None,
                (id_number or "") if reveal else mask_id(id_number),
                phone if reveal else mask_phone(phone),
                village or "",
                address,
                "",
                disability.get(dis_type, dis_type),
                grade.get(dis_grade, dis_grade),
                self_care.get(care, care),
                risk_label(risk, risk),
                worker or "",
                status_label(status, status),
            ]
        at = _CATEGORIES if reveal else _CATEGORIES - 1
        for cid, labels_held in held.items():
            found[cid][at] = "、".join(labels_held)
        return [found[i] for i in ids if i in found]

    def describe(self, session: Session, query: Any) -> str:
        q: ClientQuery = query
        parts = []
        if q.text:
            parts.append(f"搜索“{q.text}”")
        if q.category:
            label = self._code_labels(session)[CodeList.CLIENT_CATEGORY]
            parts.append(f"类别 {label.get(q.category, q.category)}")
        if q.village_id is not None:
            village = session.get(Village, q.village_id)
            parts.append(f"村/社区 {village.name if village else q.village_id}")
        if q.risk_level:
            parts.append(f"风险 {_RISK.get(q.risk_level, q.risk_level)}")
        if q.worker_id is not None:
            user = session.get(User, q.worker_id)
            parts.append(f"社工 {user.display_name if user else q.worker_id}")
        parts.append(f"状态 {_STATUS.get(q.status, q.status)}" if q.status else "含已归档")
        return "，".join(parts)

    def _code_labels(self, session: Session) -> dict[CodeList, dict[str, str]]:
        if self._labels is None:
            self._labels = {
                code_list: code_labels(session, code_list)
                for code_list in (
                    CodeList.CLIENT_CATEGORY,
                    CodeList.DISABILITY_TYPE,
                    CodeList.DISABILITY_GRADE,
                    CodeList.SELF_CARE,
                )
            }
        return self._labels
