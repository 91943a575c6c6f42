"""Packages sealed for the county's public key: round trips and refusals (both engines)."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select

from app.domain.errors import AppError, AuthenticationFailed, InvalidInput
from app.services.packages import signing
from app.services.packages.container import KEY_FORMAT, Opened, peek, seal, unseal
from app.services.packages.keys import KeyFile
from app.services.packages.signing import Signer
from app.services.packages.types import Outcome
from app.store.location import data_dir
from app.store.models import Client, PackageLog, Station
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSPHRASE, PASSWORD, Keys, Side, counts


@pytest.fixture
def unregistered(station: Side, keys: Keys) -> Side:
    """The station with the county's public key installed (and so its signing key)."""
    station.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    return station


@pytest.fixture
def keyed(county: Side, unregistered: Side) -> Side:
    """... whose signing key the county's administrator registered out of band."""
    own = unregistered.packages().signing_key()
    assert own is not None and own.path is not None
    county.packages().trust_signing_key(station_code="JX0427", pem=own.path.read_bytes())
    return unregistered


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


def _reseal(opened: Opened, keys: Keys, signer: Signer, client: str) -> bytes:
    """`opened`'s package with another client name, sealed for the county's key again."""
    parts = dict(opened.parts)
    parts["tables/clients.json"] = parts["tables/clients.json"].replace(
        "张桂兰".encode(), client.encode()
    )
    manifest = {k: v for k, v in opened.manifest.items() if k != "parts"}
    header = {k: v for k, v in opened.header.items() if k not in ("format", "key", "signer")}
    return seal(header, manifest, parts, key=keys.ours.public, signer=signer)


def _station_signer(side: Side) -> Signer:
    with side.db.write() as session:
        station = session.get(Station, side.actor.station_id)
        assert station is not None
        return signing.ensure(session, station, data_dir())[0]


def test_other_content_sealed_for_the_key_under_a_known_id_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    # Even signed by the station itself, content other than what the county took under
    # that package's id is refused.
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    package = _export(keyed, tmp_path / "1.sdpkg")
    county.packages().import_package(source=package, key=keys.key_file())
    opened = unseal(package.read_bytes(), key=keys.key_file())
    forged = tmp_path / "forged.sdpkg"
    forged.write_bytes(_reseal(opened, keys, _station_signer(keyed), "张三"))
    assert "编号相同但内容不同" in _refused(county, forged, keys.key_file()).message


def test_a_package_signed_by_another_key_is_refused(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    # The public key is public: anyone holding an earlier package may seal the next number
    # for it, but not sign it as the station.
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    package = _export(keyed, tmp_path / "1.sdpkg")
    opened = unseal(package.read_bytes(), key=keys.key_file())
    stranger = Signer.of(Ed25519PrivateKey.generate())
    forged = tmp_path / "forged.sdpkg"
    forged.write_bytes(_reseal(opened, keys, stranger, "张三"))
    error = _refused(county, forged, keys.key_file())
    assert "签名不符" in error.message and stranger.public.fingerprint in error.message
    # Claiming the station's key in the header does not help.
    posing = Signer(stranger.private, _station_signer(keyed).public)
    forged.write_bytes(_reseal(opened, keys, posing, "张三"))
    assert "签名不符" in _refused(county, forged, keys.key_file()).message
    # Nor does a changed byte of the station's own signature.
    genuine = package.read_bytes()
    forged.write_bytes(genuine[:-1] + bytes([genuine[-1] ^ 1]))
    assert "签名不符" in _refused(county, forged, keys.key_file()).message
    with pytest.raises(AppError, match="签名不符"):
        county.packages().import_package(source=forged, key=keys.key_file(), dry_run=True)
    assert county.packages().import_package(source=package, key=keys.key_file()).outcome is (
        Outcome.APPLIED
    )


def test_a_station_whose_signing_key_is_not_registered_is_refused(
    county: Side, unregistered: Side, keys: Keys, tmp_path: Path
) -> None:
    new_client(unregistered.db, unregistered.actor, "张桂兰", seq=11)
    out = _export(unregistered, tmp_path / "1.sdpkg")
    message = _refused(county, out, keys.key_file()).message
    assert "签名公钥尚未在县里登记" in message and "用数据包密码发送" in message
    with pytest.raises(AppError, match="尚未在县里登记"):
        county.packages().import_package(source=out, key=keys.key_file(), dry_run=True)


def test_a_password_package_registers_the_station_s_signing_key(
    county: Side, unregistered: Side, keys: Keys, tmp_path: Path
) -> None:
    station = unregistered
    own = station.packages().signing_key()
    assert own is not None and own.path is not None
    assert stat.S_IMODE(own.path.with_name(own.path.name[: -len(".pub.pem")] + ".pem")
                        .stat().st_mode) == 0o600  # fmt: skip
    new_client(station.db, station.actor, "张桂兰", seq=11)
    first = _export(station, tmp_path / "1.sdpkg", password=PASSWORD, by_password=True)
    new_client(station.db, station.actor, "李秀英", seq=12)
    second = _export(station, tmp_path / "2.sdpkg")
    assert "尚未在县里登记" in _refused(county, second, keys.key_file()).message

    taken = county.packages().import_package(source=first, password=PASSWORD)
    assert taken.signing_key == own.fingerprint and own.fingerprint in taken.text()
    after = county.packages().import_package(source=second, key=keys.key_file())
    assert after.outcome is Outcome.APPLIED and after.signing_key == ""
    with county.db.read() as session:
        assert session.scalar(select(Client.id).where(Client.name == "李秀英")) is not None


def test_a_station_with_a_new_signing_key_registers_it_by_password(
    county: Side, keyed: Side, keys: Keys, tmp_path: Path
) -> None:
    old = keyed.packages().signing_key()
    assert old is not None and old.path is not None
    # A new PC: the data folder, and the signing key in it, is gone.
    old.path.unlink()
    old.path.with_name(old.path.name.replace(".pub.pem", ".pem")).unlink()
    new_client(keyed.db, keyed.actor, "张桂兰", seq=11)
    by_key = _export(keyed, tmp_path / "1.sdpkg")
    new = keyed.packages().signing_key()
    assert new is not None and new.fingerprint != old.fingerprint
    error = _refused(county, by_key, keys.key_file())
    assert "签名不符" in error.message and old.fingerprint in error.message
    by_password = _export(keyed, tmp_path / "1-password.sdpkg", password=PASSWORD,
                          by_password=True, since_last=False)  # fmt: skip
    # Number 2, held until number 1 arrives: its password vouches for the new key already.
    taken = county.packages().import_package(source=by_password, password=PASSWORD)
    assert (taken.outcome, taken.signing_key) == (Outcome.HELD, new.fingerprint)
    again = county.packages().import_package(source=by_key, key=keys.key_file())
    assert (again.outcome, again.applied_after) == (Outcome.APPLIED, ())
    # The county's key does not open number 2: imported again with its password, it follows.
    follows = county.packages().import_package(source=by_password, password=PASSWORD)
    assert follows.outcome is Outcome.APPLIED
    new_client(keyed.db, keyed.actor, "李秀英", seq=12)
    later = _export(keyed, tmp_path / "3.sdpkg")
    assert county.packages().import_package(source=later, key=keys.key_file()).outcome is (
        Outcome.APPLIED
    )
