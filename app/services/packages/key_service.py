"""The key methods of PackageService: the county's public key and the station's signing
key (signing.py), both sides."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.context import Actor
from app.services.packages import county_key, signing
from app.services.packages.keys import CreatedKeys, PublicKey, create_key_pair, public_key
from app.services.packages.signing import SigningKey
from app.services.packages.types import ENTITY
from app.store.engine import Database
from app.store.location import data_dir
from app.store.models import Station


class PackageKeys:
    """Mixed into PackageService, which logs their refusals."""

    _db: Database
    _actor: Actor

    def county_key(self) -> PublicKey | None:
        """The county's public key this database keeps (None: packages go by password)."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            return county_key.stored(session)

    def install_county_key(self, *, pem: bytes) -> PublicKey:
        """Keep the county's public key: a station's packages are then sealed for it; at
        the county, return packages hand it out."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        key = public_key(pem)
        with self._db.write() as session:
            if county_key.store(session, key):
                audit.record(session, self._actor, "package_key_installed", entity=ENTITY,
                             fingerprint=key.fingerprint)  # fmt: skip
            station = session.get(Station, self._actor.station_id)
            if station is not None:  # the station signs what it seals for the key
                self._signer(session, station)
        return key

    def key_folder(self) -> Path:
        """Where a new key pair goes unless the administrator chooses another folder (the
        program's data folder, where the county's import looks for the private key)."""
        return data_dir()

    def create_county_keys(self, *, folder: Path, passphrase: str) -> CreatedKeys:
        """(County administrator) a new key pair in `folder`, the private key sealed with
        `passphrase`; its public key is kept in this database, so every return package
        hands it to the stations. Existing key files are never overwritten."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        if self._actor.role is not Role.ADMIN:
            raise PermissionDenied("只有县里的管理员可以生成县里的密钥对。")
        made = create_key_pair(folder, passphrase)
        with self._db.write() as session:
            audit.record(session, self._actor, "package_key_pair_created", entity=ENTITY,
                         fingerprint=made.public.fingerprint,
                         private_key=str(made.private_path))  # fmt: skip
        self.install_county_key(pem=made.public.pem.encode())
        return made

    def station_signing_keys(self) -> list[tuple[str, str, str]]:
        """(County) each station's code, name and registered signing key's fingerprint
        ("": none registered yet, so its key-pair packages are refused)."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            stations = session.execute(select(Station.id, Station.code, Station.name)
                                       .order_by(Station.code)).all()  # fmt: skip
            rows = []
            for station_id, code, name in stations:
                key = signing.registered(session, station_id)
                rows.append((code, name, key.fingerprint if key else ""))
        return rows

    def signing_key(self) -> SigningKey | None:
        """The station's own signing public key (None: made with the county's key or the
        next package), with where its public key file lies."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            station = session.get(Station, self._actor.station_id)
            assert station is not None
            key = signing.own(session, station.id)
            public = data_dir() / signing.file_names(station.uuid)[1]
        return dataclasses.replace(key, path=public) if key else None

    def trust_signing_key(self, *, station_code: str, pem: bytes) -> SigningKey:
        """(County administrator) register a station's signing public key handed over out of
        band: its key-pair packages must then be signed by it."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        if self._actor.role is not Role.ADMIN:
            raise PermissionDenied("只有县里的管理员可以登记站点的签名公钥。")
        key = signing.signing_key(pem)
        with self._db.write() as session:
            station = session.scalar(select(Station).where(Station.code == station_code.strip()))
            if station is None:
                raise NotFound(f"没有代码为 {station_code} 的站点。")
            if signing.register(session, station.id, key):
                audit.record(session, self._actor, "package_signing_key_trusted", entity=ENTITY,
                             station_code=station.code, fingerprint=key.fingerprint)  # fmt: skip
        return key

    def _signer(self, session: Session, station: Station) -> signing.Signer:
        signer, made = signing.ensure(session, station, data_dir())
        if made:
            audit.record(session, self._actor, "package_signing_key_made", entity=ENTITY,
                         fingerprint=signer.public.fingerprint)  # fmt: skip
        return signer

    def _register(self, session: Session, station: Station, manifest: dict[str, Any]) -> str:
        """Register the signing key a password package carries; its fingerprint when new."""
        key = signing.carried(manifest)
        if key is None or not signing.register(session, station.id, key):
            return ""
        audit.record(session, self._actor, "package_signing_key_registered", entity=ENTITY,
                     station_code=station.code, fingerprint=key.fingerprint)  # fmt: skip
        return key.fingerprint
