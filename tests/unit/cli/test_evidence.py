"""`stationdesk pack evidence`, driven through `main([...])`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.services.context import Actor
from app.store.engine import Database
from tests.conftest import ADMIN_PASSWORD
from tests.unit.services.projects.project_records import build


@pytest.fixture
def filled(db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Database:
    build(db, admin)  # XM-2026, 2026-03-15 to 2027-03-14
    db.dispose()
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    return db


def test_pack_evidence_writes_the_folder_and_its_zip(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "评估材料包"
    command = [
        "pack", "evidence", "--db", str(db_path), "--user", "admin", "--project", "XM-2026",
        "--from", "2026-03", "--to", "2026-05", "--seed", "99", "--sample", "2",
        "--out", str(out),
    ]  # fmt: skip
    assert main(command) == 0
    printed = capsys.readouterr().out
    assert f"已生成评估材料包：{out}" in printed
    assert "抽查个案（种子 99）：" in printed and "已遮挡" in printed
    assert (out / "00_目录.pdf").is_file()
    assert len(list((out / "05_服务" / "个案抽查").iterdir())) == 2
    with zipfile.ZipFile(tmp_path / "评估材料包.zip") as archive:
        assert "评估材料包/00_目录.pdf" in archive.namelist()
    # The same seed again draws the same cases.
    again = [*command[:-1], str(tmp_path / "again")]
    assert main(again) == 0
    assert capsys.readouterr().out.splitlines()[1] == printed.splitlines()[1]


def test_a_revealed_pack_without_a_reason_is_refused(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = [
        "pack", "evidence", "--db", str(db_path), "--user", "admin", "--project", "XM-2026",
        "--from", "2026-03", "--to", "2026-05", "--seed", "1", "--out", str(tmp_path / "p"),
        "--reveal",
    ]  # fmt: skip
    assert main(command) != 0
    assert "理由" in capsys.readouterr().err
    assert list(tmp_path.glob("p*")) == []
