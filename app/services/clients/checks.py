"""What a client's form must pass before it is stored: the values to keep, and warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import idnumber
from app.domain.codes import CodeList, RiskLevel
from app.domain.contact import normalise_phone
from app.domain.errors import DuplicateRecord, InvalidInput, NeedsConfirmation, PermissionDenied
from app.domain.masking import mask_id
from app.domain.roles import Permission
from app.domain.text import plain, without_hidden
from app.services.clients.types import ClientInput, SimilarClient
from app.services.context import Actor
from app.store.models import Client, CodeItem, User, Village


class ClientChecks:
    """The checks of one save, inside its write transaction."""

    def __init__(self, session: Session, actor: Actor, today: dt.date) -> None:
        self._session = session
        self._actor = actor
        self._today = today

    def values(
        self, data: ClientInput, client: Client | None, *, confirm_similar: bool
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The columns to store from `data` (for a new client when `client` is None), and
        the warnings to show with the saved record; raises what the form must fix."""
        warnings: list[str] = []
        name = " ".join(data.name.split())
        if not name:
            raise InvalidInput("请填写姓名。", field="name")
        if len(name) > 64:
            raise InvalidInput("姓名过长（最多64个字）。", field="name")
        plain(name, label="姓名", field="name")
        notes, hidden = without_hidden(data.notes.strip())
        if hidden:
            warnings.append(f"备注中有 {hidden} 个看不见的控制字符（可能是复制时带入的），已删除。")
        plain(data.guardian_name, label="监护人姓名", field="guardian_name")
        if data.id_number is not None:
            plain(data.id_number, label="身份证号", field="id_number")
        values: dict[str, Any] = {
            "name": name,
            "sex": data.sex or "0",
            "birth_date": data.birth_date,
            "ethnicity": data.ethnicity,
            "marital_status": data.marital_status,
            "address": data.address.strip(),
            "relation_to_head": data.relation_to_head,
            "disability_type": data.disability_type,
            "disability_grade": data.disability_grade if data.disability_type else "",
            "self_care": data.self_care,
            "living_arrangement": data.living_arrangement,
            "guardian_name": data.guardian_name.strip(),
            "guardian_relation": data.guardian_relation.strip(),
            "notes": notes,
        }
        if data.id_number is not None:
            values["id_number"] = self._checked_id(data.id_number, client, values)
            if values["id_number"]:
                warnings += idnumber.parse(values["id_number"], today=self._today).warnings
        elif client is None:
            values["id_number"] = None
        elif client.id_number:
            # The kept number stays the authority for birth date and sex.
            kept = idnumber.parse(client.id_number, today=self._today)
            values["birth_date"], values["sex"] = kept.birth_date, kept.sex.value
        if data.phone is not None:
            values["phone"] = normalise_phone(data.phone)
        elif client is None:
            values["phone"] = ""
        if data.guardian_phone is not None:
            values["guardian_phone"] = normalise_phone(data.guardian_phone, field="guardian_phone")
        elif client is None:
            values["guardian_phone"] = ""
        if values["birth_date"] and values["birth_date"] > self._today:
            raise InvalidInput("出生日期不能晚于今天。", field="birth_date")
        if data.risk_level not in {r.value for r in RiskLevel}:
            raise InvalidInput("风险等级只能是高、中、低。", field="risk_level")
        values["risk_level"] = data.risk_level
        values["village_id"] = self._checked_village(data.village_id)
        values["worker_id"] = self._checked_worker(self._assignable(data, client))
        self._check_codes(CodeList.CLIENT_CATEGORY, data.categories, "类别")
        if data.disability_type and not data.disability_grade:
            raise InvalidInput("填写了残疾类别，请同时选择残疾等级。", field="disability_grade")
        # An edit that keeps name and birth date was confirmed (or had no namesake) before.
        same_person = client is not None and (client.name, client.birth_date) == (
            name,
            values["birth_date"],
        )
        if values["birth_date"] and not confirm_similar and not same_person:
            similar = self._similar(name, values["birth_date"], client)
            if similar:
                people = "、".join(f"{s.name}（{s.village or '未填村居'}）" for s in similar)
                raise NeedsConfirmation(
                    f"已有同名且出生日期相同的服务对象：{people}。确定不是同一个人吗？",
                    items=tuple(similar),
                )
        return values, tuple(warnings)

    def _checked_id(self, raw: str, client: Client | None, values: dict[str, Any]) -> str | None:
        if not raw.strip():
            return None
        info = idnumber.parse(raw, today=self._today)
        existing = self._session.scalar(select(Client).where(Client.id_number == info.number))
        if existing is not None and (client is None or existing.id != client.id):
            where = "本站" if existing.station_id == self._actor.station_id else "其他站点"
            raise DuplicateRecord(
                f"身份证号 {mask_id(info.number)} 已在{where}登记为“{existing.name}”，"
                "不能重复登记。请打开已有记录。",
                existing_id=existing.id,
            )
        # The ID number is the authority for birth date and sex.
        values["birth_date"] = info.birth_date
        values["sex"] = info.sex.value
        return info.number

    def _checked_village(self, village_id: int | None) -> int | None:
        if village_id is None:
            return None
        village = self._session.get(Village, village_id)
        if village is None or village.station_id != self._actor.station_id:
            raise InvalidInput("所选村/社区不属于本站。", field="village_id")
        return village_id

    def _assignable(self, data: ClientInput, client: Client | None) -> int | None:
        """The responsible worker asked for, if this user may set it.

        Only the head assigns clients: a worker who could make any client theirs could
        then see every full ID number. A worker keeps the client's worker as it is, and
        may take a client they register themselves.
        """
        if self._actor.can(Permission.ASSIGN):
            return data.worker_id
        allowed = {client.worker_id} if client is not None else {None, self._actor.user_id}
        if data.worker_id not in allowed:
            raise PermissionDenied("负责社工由站长分配。如需接手这位服务对象，请向站长申请。")
        return data.worker_id

    def _checked_worker(self, worker_id: int | None) -> int | None:
        if worker_id is None:
            return None
        user = self._session.get(User, worker_id)
        if user is None or user.station_id != self._actor.station_id or not user.active:
            raise InvalidInput("所选负责社工不是本站在职人员。", field="worker_id")
        return worker_id

    def _check_codes(self, code_list: CodeList, codes: Sequence[str], noun: str) -> None:
        if not codes:
            return
        known = set(
            self._session.scalars(
                select(CodeItem.code).where(CodeItem.list_name == code_list.value)
            )
        )
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise InvalidInput(f"未知的{noun}代码：{'、'.join(unknown)}。", field="categories")

    def _similar(self, name: str, birth: dt.date, client: Client | None) -> list[SimilarClient]:
        stmt = (
            select(Client, Village.name)
            .outerjoin(Village, Village.id == Client.village_id)
            .where(Client.name == name, Client.birth_date == birth)
        )
        if client is not None:
            stmt = stmt.where(Client.id != client.id)
        return [
            SimilarClient(c.id, c.name, c.birth_date, v or "")
            for c, v in self._session.execute(stmt.limit(5))
        ]
