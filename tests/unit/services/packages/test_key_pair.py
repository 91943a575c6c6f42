"""Packages sealed for the county's public key: round trips and refusals (both engines)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.domain.errors import AppError, AuthenticationFailed, InvalidInput
from app.services.packages.container import KEY_FORMAT, peek, seal, unseal
from app.services.packages.keys import KeyFile
from app.services.packages.types import Outcome
from app.store.models import Client, PackageLog
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSPHRASE, PASSWORD, Keys, Side, counts


@pytest.fixture
def keyed(station: Side, keys: Keys) -> Side:
    """The station with the county's public key installed."""
    station.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    return station


def _export(side: Side, path: Path, **kwargs: object) -> Path:
    side.clock.advance(minutes=5)
    side.packages().export_package(out=path, **kwargs)  # type: ignore[arg-type]
    return path


def _refused(county: Side, path: Path, key: KeyFile | None, password: str = "") -> AppError:
    before = counts(county.db)
    with pytest.raises(AppError) as caught:
        county.packages().import_package(source=path, password=password, key=key)
    assert counts(county.db) == before
    return caught.value


def test_the_station_shows_the_county_key_it_installed(station: Side, keys: Keys) -> None:
    assert station.packages().county_key() is None
    installed = station.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    kept = station.packages().county_key()
    assert kept is not None
    assert kept.fingerprint == installed.fingerprint == keys.ours.public.fingerprint


def test_what_is_no_public_key_is_not_installed(station: Side, keys: Keys) -> None:
    for wrong in (keys.ours.private_path.read_bytes(), b"not a key"):
        with pytest.raises(InvalidInput, match="不是县里的公钥"):
            station.packages().install_county_key(pem=wrong)
    assert station.packages().county_key() is None


def test_a_package_by_key_pair_arrives_without_the_password(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    out = tmp_path / "1.sdpkg"
    keyed.clock.advance(minutes=5)
    exported = keyed.packages().export_package(out=out)
    assert exported.fingerprint == keys.ours.public.fingerprint
    header = peek(out.read_bytes())
    assert (header["format"], header["key"]) == (KEY_FORMAT, keys.ours.public.fingerprint)
    lock = county.packages().lock_of(out)
    assert lock.by_key and lock.fingerprint == keys.ours.public.fingerprint

    preview = county.packages().import_package(source=out, key=keys.key_file(), dry_run=True)
    assert preview.outcome is Outcome.DRY_RUN and preview.counts.new > 0
    result = county.packages().import_package(source=out, key=keys.key_file())
    assert result.outcome is Outcome.APPLIED
    assert result.counts.new == preview.counts.new
    with county.db.read() as session:
        assert session.scalar(select(Client.id).where(Client.name == "张桂兰")) is not None
    again = county.packages().import_package(source=out, key=keys.key_file())
    assert again.outcome is Outcome.ALREADY


def test_the_password_stays_available(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    out = _export(keyed, tmp_path / "1.sdpkg", password=PASSWORD, by_password=True)
    assert not county.packages().lock_of(out).by_key
    assert county.packages().import_package(source=out, password=PASSWORD).outcome is (
        Outcome.APPLIED
    )


def test_the_return_package_brings_the_county_key(
    county: Side, station: Side, keys: Keys, tmp_path: Path
) -> None:
    county.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    back = tmp_path / "back.sdpkg"
    county.packages().export_return(station_code="JX0427", out=back, password=PASSWORD)
    taken = station.packages().import_return(source=back, password=PASSWORD)
    assert taken.county_key == keys.ours.public.fingerprint
    assert keys.ours.public.fingerprint in taken.text()
    out = _export(station, tmp_path / "1.sdpkg")
    assert county.packages().lock_of(out).by_key


def test_a_held_package_by_key_follows_when_the_gap_is_filled(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    first = _export(keyed, tmp_path / "1.sdpkg")
    new_client(keyed.db, keyed.actor, "李秀英", seq=12)
    second = _export(keyed, tmp_path / "2.sdpkg")
    held = county.packages().import_package(source=second, key=keys.key_file())
    assert held.outcome is Outcome.HELD
    done = county.packages().import_package(source=first, key=keys.key_file())
    assert (done.outcome, done.applied_after) == (Outcome.APPLIED, (2,))


def test_a_replayed_number_by_key_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    county.packages().import_package(
        source=_export(keyed, tmp_path / "1.sdpkg"), key=keys.key_file()
    )
    with keyed.db.write() as session:
        session.execute(delete(PackageLog))
    again = _export(keyed, tmp_path / "1-again.sdpkg")
    assert "已经导入过" in _refused(county, again, keys.key_file()).message


def test_a_wrong_passphrase_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    out = _export(keyed, tmp_path / "1.sdpkg")
    error = _refused(county, out, keys.key_file("另一个口令口令"))
    assert isinstance(error, AuthenticationFailed)
    assert "私钥口令不正确" in error.message


def test_a_file_that_is_no_private_key_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    out = _export(keyed, tmp_path / "1.sdpkg")
    error = _refused(county, out, KeyFile(keys.ours.public_path, PASSPHRASE))
    assert "不是县里的私钥文件" in error.message


def test_a_package_for_another_county_s_key_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    out = _export(keyed, tmp_path / "1.sdpkg")
    error = _refused(county, out, KeyFile(keys.theirs.private_path, PASSPHRASE))
    assert "另一把公钥" in error.message
    assert keys.ours.public.fingerprint in error.message


def test_a_tampered_wrapped_key_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    out = _export(keyed, tmp_path / "1.sdpkg")
    data = bytearray(out.read_bytes())
    data[8 + 1 + 32 + 2 + 100] ^= 0x01  # inside the wrapped key
    out.write_bytes(bytes(data))
    assert "已损坏或被改动" in _refused(county, out, keys.key_file()).message


def test_a_key_pair_package_needs_the_key_not_the_password(
    county: Side, keyed: Side, tmp_path: Path
) -> None:
    out = _export(keyed, tmp_path / "1.sdpkg")
    error = _refused(county, out, None, password=PASSWORD)
    assert "私钥文件和私钥口令" in error.message


def test_a_key_pair_package_of_a_station_the_county_does_not_have_is_refused(
    county: Side, make_station: Callable[[str, str], Side], keys: Keys, tmp_path: Path
) -> None:
    stranger = make_station("JX0499", "外县某站")
    stranger.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    out = _export(stranger, tmp_path / "stranger.sdpkg")
    assert "县数据库中没有站点 外县某站（JX0499）" in _refused(county, out, keys.key_file()).message


def test_other_content_sealed_for_the_key_under_a_known_id_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    # The public key is public: anyone may seal a package for it. Content other than what
    # the county took under that package's id is still refused.
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    package = _export(keyed, tmp_path / "1.sdpkg")
    county.packages().import_package(source=package, key=keys.key_file())
    opened = unseal(package.read_bytes(), key=keys.key_file())
    parts = dict(opened.parts)
    parts["tables/clients.json"] = parts["tables/clients.json"].replace(
        "张桂兰".encode(), "张三".encode()
    )
    manifest = {k: v for k, v in opened.manifest.items() if k != "parts"}
    forged = tmp_path / "forged.sdpkg"
    header = {k: v for k, v in opened.header.items() if k not in ("format", "key")}
    forged.write_bytes(seal(header, manifest, parts, key=keys.ours.public))
    assert "编号相同但内容不同" in _refused(county, forged, keys.key_file()).message
