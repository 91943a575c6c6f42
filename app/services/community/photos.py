"""Activity photos: copied into the data folder under random names that reveal nothing.

A photo of a community activity shows people, so the file name carries no name, date or
place (photos/<uuid>.jpg); its sha256 is kept to notice a damaged or replaced file. A copy
is written to a temporary file first and renamed only when complete, so a failed copy never
leaves half a photo behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PermissionDenied, StorageError
from app.domain.roles import Permission
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.community import views
from app.services.community.types import ENTITY, PhotosAdded, PhotoSaved
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.location import data_dir
from app.store.models import Activity, ActivityPhoto

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
# Formats every viewer and the PDF writer can show, by the suffix the copy gets.
SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "BMP": ".bmp", "WEBP": ".webp"}
_CHUNK = 1024 * 1024


def default_photo_folder() -> Path:
    return data_dir() / "photos"


def discard_files(folder: Path, names: Iterable[str]) -> None:
    """Remove photo files whose records are gone; a file already missing is fine."""
    for name in names:
        try:
            (folder / name).unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove photo file %s", name, exc_info=True)


def image_suffix(source: Path) -> str:
    """The suffix for the copy; refuses what is not a picture the app can show."""
    # Pillow loads with the first photo, not with every page that keeps photos.
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(source) as image:
            kind = image.format or ""
            image.verify()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ) as exc:
        raise InvalidInput(
            f"“{source.name}”不是可以识别的图片（或文件已损坏），没有添加。", field="photo"
        ) from exc
    if kind not in SUFFIXES:
        raise InvalidInput(
            f"“{source.name}”的图片格式不受支持，请使用 JPG 或 PNG 照片。", field="photo"
        )
    return SUFFIXES[kind]


def copy_in(source: Path, folder: Path, suffix: str, *, what: str = "照片") -> tuple[str, str]:
    """Copy `source` into `folder` under a random name; returns (file name, sha256)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{suffix}"
    digest = hashlib.sha256()
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, folder / name)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise StorageError(
            f"{what}“{source.name}”没有复制成功（{exc.strerror or exc}）。请检查磁盘空间后重试。"
        ) from exc
    return name, digest.hexdigest()


@logs_refusals("activity")
class ActivityPhotoService:
    """Add, caption and remove the photos of an activity; editing rights as for the activity."""

    def __init__(self, db: Database, actor: Actor, *, folder: Path | None = None) -> None:
        self._db = db
        self._actor = actor
        self.folder = folder or default_photo_folder()

    def add(self, activity_id: int, source: Path, *, caption: str = "") -> PhotoSaved:
        """Check and copy the picture, then record it; the copy is removed if recording fails."""
        with self._db.read() as session:
            self._editable_activity(session, activity_id)
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise InvalidInput(f"找不到文件“{source.name}”。", field="photo") from exc
        if size > MAX_BYTES:
            raise InvalidInput(
                f"照片“{source.name}”有 {size / 1024 / 1024:.1f} MB，超过了 20 MB，"
                "请先缩小后再添加。",
                field="photo",
            )
        name, sha256 = copy_in(source, self.folder, image_suffix(source))
        try:
            with self._db.write() as session:
                activity = self._editable_activity(session, activity_id)
                photo = ActivityPhoto(
                    station_id=activity.station_id, activity_id=activity.id, file_name=name,
                    caption=caption.strip()[:200], sha256=sha256,
                    created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(photo)
                session.flush()
                audit.record(
                    session, self._actor, "add_photo", entity=ENTITY, entity_id=activity.id,
                    photo_id=photo.id, sha256=sha256,
                )  # fmt: skip
                return PhotoSaved(activity.id, photo.id)
        except BaseException:
            discard_files(self.folder, [name])
            raise

    def add_many(self, activity_id: int, sources: Sequence[Path]) -> PhotosAdded:
        """Add several photos; one refused picture does not stop the others."""
        added: list[int] = []
        refused: list[str] = []
        for source in sources:
            try:
                added.append(self.add(activity_id, source).photo_id)
            except (InvalidInput, StorageError) as exc:
                refused.append(exc.message)
        return PhotosAdded(activity_id, tuple(added), tuple(refused))

    def set_caption(self, photo_id: int, *, version: int, caption: str) -> PhotoSaved:
        with self._db.write() as session:
            photo = self._editable_photo(session, photo_id, version)
            photo.caption = caption.strip()[:200]
            photo.updated_by_id = self._actor.user_id
            session.flush()
            audit.record(
                session, self._actor, "caption_photo", entity=ENTITY,
                entity_id=photo.activity_id, photo_id=photo.id,
            )  # fmt: skip
            return PhotoSaved(photo.activity_id, photo.id)

    def remove(self, photo_id: int, *, version: int) -> Changes:
        with self._db.write() as session:
            photo = self._editable_photo(session, photo_id, version)
            activity_id, name = photo.activity_id, photo.file_name
            audit.record(
                session, self._actor, "remove_photo", entity=ENTITY, entity_id=activity_id,
                photo_id=photo.id, sha256=photo.sha256,
            )  # fmt: skip
            session.delete(photo)
        discard_files(self.folder, [name])
        return Changes.of(ENTITY, ids=(activity_id,))

    def path_of(self, file_name: str) -> Path:
        """Where a photo of the detail lies (names come from the service, never the user)."""
        return self.folder / Path(file_name).name

    def _editable_activity(self, session: Session, activity_id: int) -> Activity:
        activity = views.load(session, self._actor, activity_id)
        if not views.may_edit(self._actor, activity):
            if self._actor.can(Permission.EDIT_OWN_CASE):
                raise PermissionDenied("只有负责社工或站长可以添加或删除该活动的照片。")
            raise PermissionDenied(
                f"当前身份（{self._actor.role.label}）只能查看社区活动，不能修改。"
            )
        return activity

    def _editable_photo(self, session: Session, photo_id: int, version: int) -> ActivityPhoto:
        photo = session.get(ActivityPhoto, photo_id)
        if photo is None or photo.station_id != self._actor.station_id:
            raise NotFound("找不到该照片，可能已被删除。请重新载入。")
        self._editable_activity(session, photo.activity_id)
        check_version(photo, version, "照片说明", session)
        return photo
