"""打印社区活动记录: gather one activity with its figures and photos for the PDF writer."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from app.exports.activity_record import ActivityRecord, PhotoItem, write_activity_record
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.community.photos import default_photo_folder
from app.services.community.service import ActivityService
from app.services.community.types import ENTITY, ActivityDetail
from app.services.context import Actor
from app.services.settings.stations import StationService
from app.store.engine import Database

log = logging.getLogger(__name__)


def _time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


@logs_refusals("activity")
class ActivityPrintService:
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: dt.date | None = None,
        photo_folder: Path | None = None,
    ) -> None:
        self._db = db
        self._actor = actor
        self._folder = photo_folder or default_photo_folder()
        self._activities = ActivityService(db, actor, today=today, photo_folder=self._folder)

    def record_pdf(self, activity_id: int, path: Path) -> Path:
        """Write the activity record; the export is audited like every other one."""
        detail = self._activities.get(activity_id)
        station = StationService(self._db, self._actor).info().name
        write_activity_record(self.record(detail, station=station), path)
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity=ENTITY, entity_id=activity_id,
                what="activity_record_pdf", photos=len(detail.photos), file=path.name,
            )  # fmt: skip
        return path

    def record(self, d: ActivityDetail, *, station: str) -> ActivityRecord:
        """The activity as labelled text; photos whose file is missing are left out."""
        times = "–".join(t for t in (_time(d.start_time), _time(d.end_time)) if t)
        c = d.participants
        photos = []
        for photo in d.photos:
            path = self._folder / photo.file_name
            if path.is_file():
                photos.append(PhotoItem(path, photo.caption))
            else:
                log.warning("photo file %s of activity %s is missing", photo.file_name, d.id)
        return ActivityRecord(
            station_name=station,
            title=d.title,
            fields=(
                ("活动名称", d.title),
                ("活动类型", d.type_label),
                ("活动日期", d.held_on.isoformat()),
                ("活动时间", times),
                ("村/社区", d.village),
                ("活动地点", d.place),
                ("合作方", "、".join(d.partners)),
                ("服务对象群体", d.target_group),
                ("负责社工", d.worker),
                ("登记服务对象", f"{len(d.clients)}人"),
            ),
            figures=(
                ("参与总人数", "老年人", "儿童", "残疾人", "其他"),
                tuple(str(n) for n in (c.total, c.elderly, c.children, c.disabled, c.other)),
            ),
            texts=(
                ("活动内容", d.content),
                ("使用资源", d.resources_used),
                ("活动成效", d.outcome),
            ),
            clients=(
                ("序号", "姓名", "村/社区"),
                *((str(i), p.name, p.village) for i, p in enumerate(d.clients, 1)),
            ),
            volunteers=(
                ("志愿者", "日期", "服务时长（小时）"),
                *((v.name, v.served_on.isoformat(), f"{v.hours:g}") for v in d.volunteers),
            ),
            photos=tuple(photos),
            printed_on=self._activities.today,
            printed_by=self._actor.display_name,
        )
