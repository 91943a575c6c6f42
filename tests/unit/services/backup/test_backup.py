"""Backups: round trips, generations, USB copies, encryption, and keeping the current file."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.clock import FixedClock
from app.domain.errors import (
    AuthenticationFailed,
    InvalidInput,
    NotFound,
    PermissionDenied,
    StorageError,
)
from app.domain.roles import Role
from app.services.backup import crypto as backup_crypto
from app.services.backup import service as backup_module
from app.services.backup import upkeep
from app.services.backup.service import BackupService, generations_to_keep
from app.services.backup.types import (
    KEEP_DAILY_KEY,
    KEEP_MONTHLY_KEY,
    KEEP_WEEKLY_KEY,
    BackupInfo,
    BackupReason,
    Retention,
    read_sidecar,
)
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.stations import SettingsService
from app.store import file_guard
from app.store.engine import Database
from app.store.models import AuditEntry, Client
from tests.unit.services.conftest import TODAY, audit_actions, id_number

START = dt.datetime(2025, 6, 30, 9, 0, tzinfo=dt.UTC)


def add_clients(db: Database, actor: Actor, names: list[str], first: int = 1) -> None:
    service = ClientService(db, actor, today=TODAY)
    for seq, name in enumerate(names, start=first):
        service.create(ClientInput(name=name, id_number=id_number("19500308", seq), phone=""))


def table_sums(path: Path) -> dict[str, tuple[int, str]]:
    """Rows and a checksum of every table, read without the app's connection set-up."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master"
                " WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        sums = {}
        for name in names:
            rows = sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            sums[name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return sums
    finally:
        conn.close()


def client_names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM clients ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def service(db: Database, admin: Actor, clock: FixedClock, tmp_path: Path) -> BackupService:
    add_clients(db, admin, ["李秀英", "王建国", "张桂兰"])
    return BackupService(db, admin, folder=tmp_path / "backups", clock=clock)


def test_round_trip_restores_every_table_exactly(
    service: BackupService, db: Database, admin: Actor, db_path: Path
) -> None:
    made = service.backup_now()
    snapshot = table_sums(made.path)
    assert made.count("clients") == 3
    assert read_sidecar(made.path) == made
    add_clients(db, admin, ["赵小明"], first=9)

    result = service.restore(backup=made.path)

    restored = table_sums(db_path)
    audit_rows, _ = restored.pop("audit_log")
    before_rows, _ = snapshot.pop("audit_log")
    assert restored == snapshot
    assert audit_rows == before_rows + 1  # the restore itself is logged in the restored file
    with db.read() as session:  # the app's own Database works again after the swap
        assert session.scalar(select(func.count()).select_from(Client)) == 3
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.action == "restore" and last.user_login == "admin"
    assert result.counts["clients"] == 3


def test_restore_keeps_the_current_file_aside(
    service: BackupService, db: Database, admin: Actor, db_path: Path
) -> None:
    made = service.backup_now()
    add_clients(db, admin, ["赵小明"], first=9)

    result = service.restore(backup=made.path)

    assert result.set_aside is not None and result.set_aside.exists()
    assert result.set_aside.name.startswith(f"{db_path.name}.before-restore-")
    assert "赵小明" in client_names(result.set_aside)
    assert "赵小明" not in client_names(db_path)


def test_restore_is_refused_while_another_connection_has_the_file(
    service: BackupService, db_path: Path
) -> None:
    made = service.backup_now()
    other = sqlite3.connect(db_path)  # e.g. a second program reading the file
    other.execute("SELECT count(*) FROM clients").fetchall()
    try:
        with pytest.raises(StorageError, match="还在被其他窗口或程序使用"):
            service.restore(backup=made.path)
    finally:
        other.close()
    assert not list(db_path.parent.glob("*.before-restore-*"))
    assert client_names(db_path) == ["李秀英", "王建国", "张桂兰"]


def test_a_backup_changed_after_it_was_verified_is_refused(
    service: BackupService, db_path: Path, clock: FixedClock
) -> None:
    older = service.backup_now()
    clock.advance(days=1)  # a day's earlier backups give way to its last one
    newer = service.backup_now()
    with open(newer.path, "r+b") as fh:
        fh.seek(5000)
        fh.write(b"\x00\xff" * 8)

    with pytest.raises(StorageError, match="校验值不一致"):
        service.restore(backup=newer.path)
    assert backup_module.newest_verified(service.folder) == older
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_generations_keep_the_newest_per_day_week_and_month() -> None:
    stamps = [START - dt.timedelta(hours=12 * i) for i in range(800)]  # two a day, 400 days
    backups = [
        BackupInfo(Path(f"b{i}"), t, BackupReason.DAILY, "0", None, {}, "", 0, False)
        for i, t in enumerate(stamps)
    ]

    kept = generations_to_keep(backups, Retention(daily=7, weekly=4, monthly=12))

    times = sorted((b.created_at for b in backups if b.path in kept), reverse=True)
    assert times[0] == START
    days = {t.astimezone().date() for t in times}
    assert len(times) == len(days)  # one per day at most
    last_week = {(START - dt.timedelta(days=d)).astimezone().date() for d in range(7)}
    assert last_week <= days
    months = {(t.astimezone().year, t.astimezone().month) for t in times}
    assert len(months) == 12
    assert len(times) <= 7 + 4 + 12


def test_pruning_follows_the_retention_settings(
    service: BackupService, db: Database, admin: Actor, clock: FixedClock
) -> None:
    settings = SettingsService(db, admin)
    settings.set(KEEP_DAILY_KEY, 2)
    settings.set(KEEP_WEEKLY_KEY, 1)
    settings.set(KEEP_MONTHLY_KEY, 1)
    made = []
    for _ in range(10):
        made.append(service.backup_now(reason=BackupReason.DAILY))
        clock.advance(days=1)

    left = [b.path for b in service.list_backups()]

    assert left == [made[-1].path, made[-2].path]  # the last two days; same week and month
    gone = made[0]
    assert not gone.path.exists() and not gone.sidecar.exists()


def test_a_backup_made_by_hand_stays_until_a_person_deletes_it(
    service: BackupService, db: Database, admin: Actor, clock: FixedClock
) -> None:
    SettingsService(db, admin).set(KEEP_DAILY_KEY, 1)
    by_hand = service.backup_now()  # before a risky change
    for _ in range(5):
        clock.advance(days=1)
        service.backup_now(reason=BackupReason.DAILY)
    listed = service.list_backups()
    assert by_hand.path in [b.path for b in listed] and by_hand.path.exists()
    assert [b.reason for b in listed].count(BackupReason.DAILY) == 1
    assert "保留至手动删除" in by_hand.reason.label

    with pytest.raises(NotFound):
        service.delete(by_hand.path.with_name("no-such-backup.sqlite3"))
    service.delete(by_hand.path)
    assert not by_hand.path.exists() and not by_hand.sidecar.exists()
    assert "backup_delete" in audit_actions(db, entity="backup")


def test_due_daily_while_running(service: BackupService, clock: FixedClock) -> None:
    assert service.due()
    assert service.backup_if_due() is not None
    clock.advance(hours=23)
    assert not service.due() and service.backup_if_due() is None
    clock.advance(hours=1)
    assert service.due()


def test_backup_to_a_stick_is_copied_and_verified(
    service: BackupService, db: Database, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()

    copy = service.backup_to(folder=stick)

    assert copy.path.parent == stick and copy.path.exists()
    local = service.list_backups()[0]
    assert copy.path.read_bytes() == local.path.read_bytes()
    assert read_sidecar(copy.path) == copy
    assert not list(stick.glob("*.partial"))
    with db.read() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert "backup_export" in actions


def _fail(error: int) -> Callable[..., None]:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(error, "simulated")

    return fail


@pytest.mark.parametrize(
    ("error", "words"), [(errno.ENOSPC, "空间不足"), (errno.EIO, "拔出"), (errno.ENODEV, "拔出")]
)
def test_a_full_or_pulled_stick_gets_a_clear_message(
    service: BackupService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: int,
    words: str,
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(backup_module.shutil, "copyfileobj", _fail(error))

    with pytest.raises(StorageError, match=words) as raised:
        service.backup_to(folder=stick)

    assert "本机上的备份已经保存好" in raised.value.message
    assert len(service.list_backups()) == 1
    assert not list(stick.iterdir())


def test_a_stick_without_room_is_refused_before_writing(
    service: BackupService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    real = backup_module.shutil.disk_usage
    monkeypatch.setattr(
        backup_module.shutil,
        "disk_usage",
        lambda p: real(p)._replace(free=1000) if Path(p) == stick else real(p),
    )
    with pytest.raises(StorageError, match="空间不足"):
        service.backup_to(folder=stick)
    assert not list(stick.iterdir())


def test_a_copy_that_reads_back_differently_is_removed(
    service: BackupService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    real = backup_module.sha256_of
    monkeypatch.setattr(
        backup_module,
        "sha256_of",
        lambda path, from_disk=False, **kw: "0" * 64 if from_disk else real(path, **kw),
    )
    with pytest.raises(StorageError, match="校验不一致"):
        service.backup_to(folder=stick)
    assert not list(stick.iterdir())


def test_encrypted_round_trip_and_wrong_password(
    service: BackupService, db: Database, admin: Actor, db_path: Path
) -> None:
    made = service.backup_now(password="梅林-backup-2025")
    data = made.path.read_bytes()
    assert made.encrypted and data.startswith(backup_crypto.MAGIC)
    assert "李秀英".encode() not in data and b"SQLite format 3" not in data
    add_clients(db, admin, ["赵小明"], first=9)

    with pytest.raises(AuthenticationFailed, match="备份密码不正确"):
        service.restore(backup=made.path, password="wrong-password")
    with pytest.raises(InvalidInput, match="请输入备份密码"):
        service.restore(backup=made.path)
    assert not list(db_path.parent.glob("*.before-restore-*"))

    service.restore(backup=made.path, password="梅林-backup-2025")
    assert client_names(db_path) == ["李秀英", "王建国", "张桂兰"]


def test_a_damaged_or_cut_encrypted_file_is_not_taken_for_a_wrong_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_crypto, "CHUNK", 1000)
    plain = tmp_path / "plain"
    plain.write_bytes(bytes(range(256)) * 20)  # six chunks
    sealed, out = tmp_path / "sealed", tmp_path / "out"
    backup_crypto.encrypt_file(plain, sealed, "pw-1")
    backup_crypto.decrypt_file(sealed, out, "pw-1")
    assert out.read_bytes() == plain.read_bytes()

    data = sealed.read_bytes()
    cut = tmp_path / "cut"
    cut.write_bytes(data[: backup_crypto.HEADER_SIZE + 2 * (1000 + backup_crypto.TAG)])
    scribbled = tmp_path / "scribbled"
    scribbled.write_bytes(data[:-40] + bytes(b ^ 1 for b in data[-40:]))
    for bad in (cut, scribbled):
        with pytest.raises(StorageError, match="已损坏"):
            backup_crypto.decrypt_file(bad, out, "pw-1")
        assert not out.exists()


def test_roles(
    service: BackupService,
    db: Database,
    make_actor: Callable[..., Actor],
    tmp_path: Path,
) -> None:
    made = service.backup_now()
    worker = BackupService(db, make_actor(Role.WORKER), folder=service.folder)
    head = BackupService(db, make_actor(Role.HEAD), folder=service.folder)
    with pytest.raises(PermissionDenied):
        worker.backup_now()
    with pytest.raises(PermissionDenied):
        worker.list_backups()
    assert worker.backup_now(reason=BackupReason.EXIT).reason is BackupReason.EXIT
    assert head.list_backups()
    with pytest.raises(PermissionDenied):
        head.restore(backup=made.path)
    with pytest.raises(PermissionDenied):
        BackupService(db, None, folder=service.folder).backup_to(folder=tmp_path)


def test_the_full_check_runs_weekly_and_a_backup_does_not_stand_in_for_it(
    service: BackupService, clock: FixedClock
) -> None:
    assert service.weekly_check()
    clock.advance(days=6)
    assert not service.weekly_check()
    service.backup_now()  # its quick_check is not the full check
    clock.advance(days=1)
    assert service.weekly_check()
    clock.advance(days=6)
    assert not service.weekly_check()


def test_a_damaged_database_is_not_backed_up(
    service: BackupService, db: Database, db_path: Path
) -> None:
    db.dispose()  # folds the WAL into the file, so the damage below is what SQLite reads
    conn = sqlite3.connect(db_path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='clients'").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as fh:
        fh.seek((page - 1) * 4096 + 8)
        fh.write(b"\xff" * 64)

    with pytest.raises(StorageError, match="备份前的完整性检查没有通过"):
        service.backup_now(reason=BackupReason.DAILY)
    assert not list(service.folder.iterdir())
    assert file_guard.recheck_mark(db_path).exists()  # the next start checks in full


def test_the_daily_job_backs_up_when_due_and_else_checks_the_file(
    service: BackupService, clock: FixedClock, db_path: Path
) -> None:
    assert upkeep.daily(service) is BackupReason.DAILY
    assert len(service.list_backups()) == 1
    clock.advance(hours=2)
    assert upkeep.daily(service) is None  # not due: the live file's quick_check instead
    assert len(service.list_backups()) == 1
    assert not file_guard.recheck_mark(db_path).exists()


def test_a_backup_stopped_on_the_way_leaves_no_file_and_no_listing(
    service: BackupService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import sqlite_files

    monkeypatch.setattr(sqlite_files, "STEP_PAGES", 2)
    asked: list[int] = []

    def quitting() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(sqlite_files.Cancelled):
        service.backup_if_due(is_cancelled=quitting)
    assert len(asked) == 3
    assert list(service.folder.iterdir()) == []
    assert service.due()
