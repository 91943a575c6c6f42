"""Damaged, truncated, wrong-station, replayed or tampered packages change nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from app.domain.errors import AppError, AuthenticationFailed
from app.services.packages.container import seal, unseal
from app.services.packages.types import PackageRefused
from app.store.models import PackageLog, Station
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSWORD, Side, counts


@pytest.fixture
def package(station: Side, tmp_path: Path) -> Path:
    new_client(station.db, station.actor, "张桂兰", seq=11)
    out = tmp_path / "1.sdpkg"
    station.packages().export_package(out=out, password=PASSWORD)
    return out


def _refused(county: Side, path: Path, *, password: str = PASSWORD) -> AppError:
    before = counts(county.db)
    with pytest.raises(AppError) as caught:
        county.packages().import_package(source=path, password=password)
    assert counts(county.db) == before
    return caught.value


def test_a_file_that_is_no_package_is_refused(county: Side, tmp_path: Path) -> None:
    other = tmp_path / "月报.xlsx"
    other.write_bytes(b"PK\x03\x04 not a package at all")
    assert "不是工作台的数据包" in _refused(county, other).message


def test_a_truncated_package_is_refused(county: Side, package: Path) -> None:
    data = package.read_bytes()
    package.write_bytes(data[: len(data) // 2])
    error = _refused(county, package)
    assert isinstance(error, PackageRefused)
    assert "已损坏或被改动" in error.message or "不完整" in error.message


def test_a_package_cut_inside_its_header_is_refused_as_incomplete(
    county: Side, package: Path
) -> None:
    package.write_bytes(package.read_bytes()[:40])
    assert "不完整" in _refused(county, package).message


def test_a_changed_byte_is_detected(county: Side, package: Path) -> None:
    data = bytearray(package.read_bytes())
    data[-100] ^= 0x01
    package.write_bytes(bytes(data))
    assert "已损坏或被改动" in _refused(county, package).message


def test_a_changed_header_is_detected(county: Side, package: Path) -> None:
    data = package.read_bytes()
    package.write_bytes(data.replace(b"JX0427", b"JX0428", 1))
    error = _refused(county, package)
    assert isinstance(error, AuthenticationFailed)


def test_a_wrong_password_is_refused(county: Side, package: Path) -> None:
    error = _refused(county, package, password="另一个密码")
    assert "数据包密码不正确" in error.message


def test_a_package_of_a_station_the_county_does_not_have_is_refused(
    county: Side, make_station: Callable[[str, str], Side], tmp_path: Path
) -> None:
    stranger = make_station("JX0499", "外县某站")
    out = tmp_path / "stranger.sdpkg"
    stranger.packages().export_package(out=out, password=PASSWORD)
    assert "县数据库中没有站点 外县某站（JX0499）" in _refused(county, out).message


def test_a_second_station_under_a_known_code_is_refused(
    county: Side, package: Path, make_station: Callable[[str, str], Side], tmp_path: Path
) -> None:
    county.packages().import_package(source=package, password=PASSWORD)
    # Same code, another station (another uuid): as if a second PC were set up as JX0427.
    impostor = make_station("JX0427X", "东港镇社工站")
    out = tmp_path / "impostor.sdpkg"
    with impostor.db.write() as session:
        session.execute(update(Station).values(code="JX0427"))
    impostor.packages().export_package(out=out, password=PASSWORD)
    assert "另一个代码同为 JX0427 的站点" in _refused(county, out).message


def test_a_replayed_number_is_refused(
    county: Side, station: Side, package: Path, tmp_path: Path
) -> None:
    county.packages().import_package(source=package, password=PASSWORD)
    # The station restored from a backup made before its export numbers package 1 again.
    with station.db.write() as session:
        session.execute(delete(PackageLog))
    again = tmp_path / "1-again.sdpkg"
    station.packages().export_package(out=again, password=PASSWORD)
    assert "已经导入过" in _refused(county, again).message


def test_other_content_under_a_known_id_is_refused(
    county: Side, package: Path, tmp_path: Path
) -> None:
    county.packages().import_package(source=package, password=PASSWORD)
    opened = unseal(package.read_bytes(), PASSWORD)
    parts = {n: d for n, d in opened.parts.items()}
    parts["tables/clients.json"] = parts["tables/clients.json"].replace(
        "张桂兰".encode(), "张三".encode()
    )
    manifest = {k: v for k, v in opened.manifest.items() if k != "parts"}
    forged = tmp_path / "forged.sdpkg"
    forged.write_bytes(seal(opened.header, manifest, parts, PASSWORD))
    assert "编号相同但内容不同" in _refused(county, forged).message


def test_a_return_package_for_another_station_is_refused(
    county: Side, station: Side, package: Path, tmp_path: Path
) -> None:
    back = tmp_path / "back.sdpkg"
    county.packages().export_return(station_code="JX0428", out=back, password=PASSWORD)
    before = counts(station.db)
    with pytest.raises(PackageRefused, match="不是本站的"):
        station.packages().import_return(source=back, password=PASSWORD)
    assert counts(station.db) == before


def test_an_older_return_package_is_refused(
    county: Side, station: Side, package: Path, tmp_path: Path
) -> None:
    old, new = tmp_path / "old.sdpkg", tmp_path / "new.sdpkg"
    county.packages().export_return(station_code="JX0427", out=old, password=PASSWORD)
    county.packages().import_package(source=package, password=PASSWORD)
    county.packages().export_return(station_code="JX0427", out=new, password=PASSWORD)
    station.packages().import_return(source=new, password=PASSWORD)
    before = counts(station.db)
    with pytest.raises(PackageRefused, match="比已经导入的回执包旧"):
        station.packages().import_return(source=old, password=PASSWORD)
    assert counts(station.db) == before


def test_a_station_package_is_not_taken_as_a_return(station: Side, package: Path) -> None:
    with pytest.raises(PackageRefused, match="应在县里导入"):
        station.packages().import_return(source=package, password=PASSWORD)
