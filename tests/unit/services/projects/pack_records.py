"""project_records.py's project and records, and what the evidence pack must mask: a
client with an ID number and a phone whose name and number appear in the free text of a
case, a group's sign-in sheet and an activity's participants and photo; and documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import select

from app.services.context import Actor
from app.services.projects.documents import ProjectDocumentService
from app.store.engine import Database
from app.store.models import (
    Activity,
    ActivityParticipant,
    ActivityPhoto,
    Case,
    Client,
    Group,
    GroupMember,
    ServiceRecord,
    User,
)
from tests.unit.services.conftest import id_number
from tests.unit.services.projects.project_records import TODAY, build

NAME = "林秀英"
ID_NUMBER = id_number("19520315", 2)
PHONE = "13812345678"
D = dt.date


@dataclass(frozen=True)
class Pack:
    project_id: int
    photos: Path
    documents: Path


def build_pack(db: Database, admin: Actor, folder: Path) -> Pack:
    built = build(db, admin)
    photos, documents = folder / "photos", folder / "documents"
    photos.mkdir(parents=True)
    Image.new("RGB", (64, 48), (200, 120, 40)).save(photos / "a1b2.jpg")
    user = admin.user_id
    with db.write() as s:

        def add(model: type, **values: object) -> Any:
            row = model(station_id=admin.station_id, created_by_id=user, **values)
            s.add(row)
            s.flush()
            return row

        worker = s.scalar(select(User.id).where(User.login == "zhang"))
        client = add(Client, name=NAME, id_number=ID_NUMBER, phone=PHONE, address="梅林村3组")
        case = add(
            Case, case_no="K9", client_id=client.id, worker_id=worker, intake_date=D(2026, 4, 8),
            risk_level="high", stage="intervention",
            presenting_problem=f"{NAME}独居，身份证 {ID_NUMBER}，电话 {PHONE}。",
        )  # fmt: skip
        add(
            ServiceRecord, case_id=case.id, client_id=client.id, worker_id=worker,
            served_on=D(2026, 4, 9), duration_min=40, mode="home",
            content=f"入户探访{NAME}，核对身份证{ID_NUMBER}。", people_present=f"{NAME}及女儿",
        )  # fmt: skip
        group = s.scalars(select(Group).where(Group.name == "长者小组")).one()
        add(GroupMember, group_id=group.id, client_id=client.id)
        activity = s.scalars(
            select(Activity).where(
                Activity.held_on == D(2026, 4, 20), Activity.station_id == admin.station_id
            )
        ).one()
        activity.title = "端午包粽子"
        activity.content = f"{NAME}教大家包粽子。"
        add(ActivityParticipant, activity_id=activity.id, client_id=client.id)
        add(ActivityPhoto, activity_id=activity.id, file_name="a1b2.jpg", caption=f"{NAME}在包粽子")
    service = ProjectDocumentService(db, admin, folder=documents)
    contract = folder / "合同.pdf"
    contract.write_bytes(b"%PDF-1.4 not really a pdf, copied as it is\n")
    service.add(
        built.project_id, contract, doc_type="contract", dated=D(2026, 3, 10), title="服务合同"
    )
    minutes = folder / "会议纪要.txt"
    minutes.write_text("项目启动会纪要", encoding="utf-8")
    service.add(built.project_id, minutes, doc_type="minutes", dated=D(2026, 4, 1))
    return Pack(built.project_id, photos, documents)


__all__ = ["ID_NUMBER", "NAME", "PHONE", "TODAY", "Pack", "build_pack"]
