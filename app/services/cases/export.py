"""The 个案 list as an export: the case page's search, one row per case."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.case_rules import Stage, Urgency
from app.domain.codes import CodeList, RiskLevel
from app.domain.masking import mask_id, mask_phone
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.listing import ListColumn, ListExporter
from app.services.settings.codes import code_labels
from app.store.models import Case, Client, User, Village

_STAGE = {s.value: s.label for s in Stage}
_RISK = {r.value: r.label for r in RiskLevel}
_URGENCY = {u.value: u.label for u in Urgency}


class CaseExporter(ListExporter):
    key = "cases"
    title = "个案"
    entity = "case"
    columns = (
        ListColumn("个案编号", 16),
        ListColumn("服务对象", 10),
        ListColumn("身份证号", 21),
        ListColumn("联系电话", 14),
        ListColumn("村/社区", 12),
        ListColumn("负责社工", 10),
        ListColumn("阶段", 8),
        ListColumn("暂停", 6),
        ListColumn("风险等级", 9),
        ListColumn("紧急程度", 9),
        ListColumn("个案来源", 14),
        ListColumn("接案日期", 12),
        ListColumn("下次联系", 12),
        ListColumn("结案日期", 12),
        ListColumn("结案原因", 16),
    )

    def default_query(self) -> CaseQuery:
        return CaseQuery()

    def ids(self, query: Any) -> list[int]:
        return CaseService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Any]]:
        if not ids:
            return []
        reasons = code_labels(session, CodeList.CLOSURE_REASON)
        sources = code_labels(session, CodeList.CASE_SOURCE)
        stmt = (
            select(
                Case.id,
                Case.case_no,
                Client.name,
                Client.id_number,
                Client.phone,
                Village.name,
                User.display_name,
                Case.stage,
                Case.paused,
                Case.risk_level,
                Case.urgency,
                Case.source,
                Case.intake_date,
                Case.next_contact_date,
                Case.closed_on,
                Case.closure_reason,
            )
            .join(Client, Client.id == Case.client_id)
            .outerjoin(Village, Village.id == Client.village_id)
            .outerjoin(User, User.id == Case.worker_id)
            .where(Case.id.in_(ids), Case.station_id == self._actor.station_id)
        )
        found: dict[int, list[Any]] = {}
        for row in session.connection().execute(stmt).all():
            (cid, case_no, name, id_number, phone, village, worker, stage, paused, risk,
             urgency, source, intake, next_contact, closed, reason) = row  # fmt: skip
            found[cid] = [
                case_no,
                name,
                (id_number or "") if reveal else mask_id(id_number),
                phone if reveal else mask_phone(phone),
                village or "",
                worker or "",
                _STAGE.get(stage, stage),
                "是" if paused else "",
                _RISK.get(risk, risk),
                _URGENCY.get(urgency, urgency),
                sources.get(source, source),
                intake,
                next_contact,
                closed,
                reasons.get(reason, reason),
            ]
        return [found[i] for i in ids if i in found]

    def describe(self, session: Session, query: Any) -> str:
        q: CaseQuery = query
        parts = []
        if q.text:
            parts.append(f"搜索“{q.text}”")
        if q.stage:
            parts.append(f"阶段 {_STAGE.get(q.stage, q.stage)}")
        if q.worker_id is not None:
            user = session.get(User, q.worker_id)
            parts.append(f"社工 {user.display_name if user else q.worker_id}")
        if q.risk_level:
            parts.append(f"风险 {_RISK.get(q.risk_level, q.risk_level)}")
        if q.urgency:
            parts.append(f"紧急程度 {_URGENCY.get(q.urgency, q.urgency)}")
        if q.open_only:
            parts.append("仅在办个案")
        return "，".join(parts)
