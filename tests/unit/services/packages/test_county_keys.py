"""The county's key pair made and stations' signing keys listed through the service, as the
window (设置 → 数据交换) does it (both engines)."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.packages.service import PackageService
from app.store.models import AuditEntry
from tests.unit.services.packages.conftest import PASSPHRASE, Keys, Side


def test_the_administrator_makes_the_key_pair_and_the_county_keeps_its_public_key(
    county: Side, tmp_path: Path
) -> None:
    folder = tmp_path / "county-keys"
    made = county.packages().create_county_keys(folder=folder, passphrase=PASSPHRASE)
    assert made.private_path.parent == folder and made.public_path.parent == folder
    assert stat.S_IMODE(made.private_path.stat().st_mode) == 0o600
    kept = county.packages().county_key()
    assert kept is not None and kept.fingerprint == made.public.fingerprint
    with county.db.read() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    made_at = actions.index("package_key_pair_created")
    assert actions[made_at + 1] == "package_key_installed"

    with pytest.raises(InvalidInput, match="没有覆盖"):  # a second pair never replaces the first
        county.packages().create_county_keys(folder=folder, passphrase=PASSPHRASE)
    assert county.packages().county_key() == kept


def test_a_short_passphrase_makes_nothing(county: Side, tmp_path: Path) -> None:
    folder = tmp_path / "county-keys"
    with pytest.raises(InvalidInput, match="至少"):
        county.packages().create_county_keys(folder=folder, passphrase="short")
    assert not folder.exists()
    assert county.packages().county_key() is None


def test_only_the_administrator_makes_the_key_pair(
    county: Side, make_actor: Callable[..., Actor], tmp_path: Path
) -> None:
    head = PackageService(county.db, make_actor(Role.HEAD, "zhang"), folders=county.folders)
    with pytest.raises(PermissionDenied, match="管理员"):
        head.create_county_keys(folder=tmp_path / "k", passphrase=PASSPHRASE)
    assert not (tmp_path / "k").exists()


def test_the_county_sees_which_stations_registered_a_signing_key(
    county: Side, station: Side, keys: Keys
) -> None:
    listed = county.packages().station_signing_keys()
    assert [(code, fp) for code, _name, fp in listed if code.startswith("JX042")] == [
        ("JX0426", ""), ("JX0427", ""), ("JX0428", "")
    ]  # fmt: skip
    station.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    own = station.packages().signing_key()
    assert own is not None and own.path is not None
    county.packages().trust_signing_key(station_code="JX0427", pem=own.path.read_bytes())
    now = {code: fp for code, _name, fp in county.packages().station_signing_keys()}
    assert now["JX0427"] == own.fingerprint
    assert now["JX0428"] == ""
