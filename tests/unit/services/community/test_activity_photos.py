"""Activity photos: random names, sha256 kept, pictures only, nothing half-copied."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import ConflictError, InvalidInput, PermissionDenied, StorageError
from app.domain.roles import Role
from app.services.community import photos as activity_photos
from app.services.community.photos import ActivityPhotoService
from app.services.community.service import ActivityService
from app.services.community.types import PhotoView
from app.services.context import Actor
from app.store.engine import Database
from tests.unit.services.activity_flow import activity_input, make_photo
from tests.unit.services.conftest import TODAY, audit_actions


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "photos"


def new_activity(db: Database, actor: Actor, folder: Path) -> int:
    return (
        ActivityService(db, actor, today=TODAY, photo_folder=folder)
        .create(activity_input())
        .activity_id
    )


def test_a_photo_is_copied_under_a_random_name(
    db: Database, worker: Actor, folder: Path, tmp_path: Path
) -> None:
    activity_id = new_activity(db, worker, folder)
    source = make_photo(tmp_path / "李秀英-梅林村-2025端午.jpg")
    photos = ActivityPhotoService(db, worker, folder=folder)
    saved = photos.add(activity_id, source, caption="包粽子")
    detail = ActivityService(db, worker, today=TODAY, photo_folder=folder).get(activity_id)
    [photo] = detail.photos
    assert photo.id == saved.photo_id and photo.caption == "包粽子"
    assert photo.file_name.endswith(".jpg")
    assert "李" not in photo.file_name and "2025" not in photo.file_name
    assert len(Path(photo.file_name).stem) == 32
    copied = photos.path_of(photo.file_name)
    assert copied.read_bytes() == source.read_bytes()
    assert photo.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert [p.name for p in folder.iterdir()] == [photo.file_name]
    # A PNG keeps its own suffix, whatever its name says.
    png = photos.add(activity_id, make_photo(tmp_path / "photo.jpg", fmt="PNG"))
    assert (
        photos.path_of(
            next(
                p.file_name
                for p in photos_of(db, worker, folder, activity_id)
                if p.id == png.photo_id
            )
        ).suffix
        == ".png"
    )
    assert audit_actions(db, entity="activity", entity_id=activity_id)[-2:] == [
        "add_photo",
        "add_photo",
    ]


def photos_of(db: Database, actor: Actor, folder: Path, activity_id: int) -> tuple[PhotoView, ...]:
    return ActivityService(db, actor, today=TODAY, photo_folder=folder).get(activity_id).photos


def test_broken_and_large_files_are_refused(
    db: Database, worker: Actor, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity_id = new_activity(db, worker, folder)
    photos = ActivityPhotoService(db, worker, folder=folder)
    fake = tmp_path / "活动.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg" * 10)
    with pytest.raises(InvalidInput, match="不是可以识别的图片"):
        photos.add(activity_id, fake)
    text = tmp_path / "名单.txt"
    text.write_text("李秀英", encoding="utf-8")
    with pytest.raises(InvalidInput, match="不是可以识别的图片"):
        photos.add(activity_id, text)
    big = make_photo(tmp_path / "big.jpg")
    monkeypatch.setattr(activity_photos, "MAX_BYTES", big.stat().st_size - 1)
    with pytest.raises(InvalidInput, match="超过了 20 MB"):
        photos.add(activity_id, big)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert photos_of(db, worker, folder, activity_id) == ()
    # Several at once: the good ones go in, each refusal is named.
    monkeypatch.setattr(activity_photos, "MAX_BYTES", 20 * 1024 * 1024)
    result = photos.add_many(activity_id, [fake, make_photo(tmp_path / "ok.jpg"), text])
    assert len(result.photo_ids) == 1
    assert len(result.refused) == 2 and "活动.jpg" in result.refused[0]
    assert len(photos_of(db, worker, folder, activity_id)) == 1


def test_a_failed_copy_leaves_nothing_behind(
    db: Database, worker: Actor, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity_id = new_activity(db, worker, folder)
    source = make_photo(tmp_path / "a.jpg")

    def disk_full(_src: str, _dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StorageError, match="没有复制成功"):
        ActivityPhotoService(db, worker, folder=folder).add(activity_id, source)
    assert list(folder.iterdir()) == []
    assert photos_of(db, worker, folder, activity_id) == ()


def test_caption_remove_and_permissions(
    db: Database,
    worker: Actor,
    make_actor: Callable[..., Actor],
    folder: Path,
    tmp_path: Path,
) -> None:
    activity_id = new_activity(db, worker, folder)
    mine = ActivityPhotoService(db, worker, folder=folder)
    mine.add(activity_id, make_photo(tmp_path / "a.jpg"))
    [photo] = photos_of(db, worker, folder, activity_id)
    other = make_actor(Role.WORKER, "zhao", "赵敏")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    with pytest.raises(PermissionDenied, match="负责社工或站长"):
        ActivityPhotoService(db, other, folder=folder).add(
            activity_id, make_photo(tmp_path / "b.jpg")
        )
    with pytest.raises(PermissionDenied, match="只能查看"):
        ActivityPhotoService(db, supervisor, folder=folder).remove(photo.id, version=photo.version)
    mine.set_caption(photo.id, version=photo.version, caption="合影")
    with pytest.raises(ConflictError):
        mine.set_caption(photo.id, version=photo.version, caption="再改")
    [photo] = photos_of(db, worker, folder, activity_id)
    assert photo.caption == "合影"
    mine.remove(photo.id, version=photo.version)
    assert list(folder.iterdir()) == []
    assert photos_of(db, worker, folder, activity_id) == ()


def test_deleting_an_activity_removes_its_photo_files(
    db: Database, worker: Actor, folder: Path, tmp_path: Path
) -> None:
    service = ActivityService(db, worker, today=TODAY, photo_folder=folder)
    saved = service.create(activity_input())
    ActivityPhotoService(db, worker, folder=folder).add(
        saved.activity_id, make_photo(tmp_path / "a.jpg")
    )
    assert len(list(folder.iterdir())) == 1
    service.delete(saved.activity_id, version=saved.version)
    assert list(folder.iterdir()) == []
