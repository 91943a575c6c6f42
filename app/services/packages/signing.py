"""Station signing keys (签名密钥): a key-pair package proves which station made it.

The county's public key is public, so sealing a package for it proves nothing about the
sender; a password package is authenticated by the password (GCM). So every station has
an Ed25519 signing key of its own, and a package sealed for the county's key (format 2)
ends with the station's signature over everything before it (head, wrapped key, sealed
zip); the clear header names the signing key's fingerprint.

- The station makes its key when it installs the county's public key or a return package
  brings it, or at any export when it has none. The private key is a PKCS#8 file in the
  data folder, `signing-key-<station uuid>.pem` (0600, beside `.pub.pem`, which is what
  the county may be handed out of band); the public key is the station's setting
  `packages.signing_key`. It is never in a package other than as its public half.
- Every package's manifest carries the station's signing public key. The county records
  (registers) it for the station from a PASSWORD package it takes (applied, or held until
  the numbers before it arrive): the password authenticates it. Trust on first use, and
  on a later use as well: a station whose key changed (a new PC) registers the new one by
  sending a package by password, which could forge anything anyway. A county
  administrator may also register a key handed over out of band (`package keys trust`),
  after comparing the fingerprint by phone. The county keeps the registered key as the
  station's setting `packages.registered_signing_key`.
- The county refuses a key-pair package of a station with no registered key, or whose
  signature does not verify with it, before it changes anything. The manifest's key in a
  key-pair package is ignored: a package cannot vouch for itself.

What is signed is a domain-separated SHA-256 of the bytes before the signature, so the
whole file is hashed once and never copied.

`cryptography` is imported inside the functions: the window starts without it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.services.packages.keys import shown, write_new
from app.services.packages.types import PackageRefused
from app.store.models import Setting, Station

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

SETTING = "packages.signing_key"
"""At a station: its own signing public key."""
REGISTERED = "packages.registered_signing_key"
"""At the county, per station: the signing public key its key-pair packages must bear."""
MANIFEST_FIELD = "signing_key"
SIZE = 64
"""An Ed25519 signature's bytes."""
_CONTEXT = b"StationDesk package signature v1\x00"

NOT_SIGNING = "这个文件不是站点的签名公钥（应是 signing-key-….pub.pem，Ed25519）。"
UNREGISTERED = (
    "该站点（{station}）的签名公钥尚未在县里登记，无法确认这个用县里公钥加密的数据包是它发来的，"
    "没有导入任何内容。请让站点先用数据包密码发送一个数据包（先导入它），"
    "或由县里的管理员登记站点的签名公钥（stationdesk package keys trust）。"
)
FORGED = (
    "数据包的签名不符（签名密钥指纹 {theirs}，县里为该站点登记的是 {ours}）："
    "数据包可能被改动过或不是该站点制作的，没有导入任何内容。"
    "若站点换了签名密钥，请让它用数据包密码发送一个数据包，或由县里重新登记其签名公钥。"
)


@dataclass(frozen=True)
class SigningKey:
    """A station's signing public key (Ed25519), named like the county's key."""

    pem: str
    key_id: bytes
    path: Path | None = None
    """At the station: where its public key file lies (for the county, out of band)."""

    @property
    def fingerprint(self) -> str:
        return shown(self.key_id)

    def verifies(self, signature: bytes, digest: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            _load_public(self.pem).verify(signature, _CONTEXT + digest)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Signer:
    """The station's private signing key, for its packages."""

    private: Ed25519PrivateKey
    public: SigningKey

    @classmethod
    def of(cls, private: Ed25519PrivateKey) -> Signer:
        return cls(private, _public(private.public_key()))

    def sign(self, digest: bytes) -> bytes:
        return self.private.sign(_CONTEXT + digest)


@dataclass(frozen=True)
class Signed:
    """A key-pair package's signature, as read from the file (unchecked)."""

    fingerprint: str
    """What the header says signed it."""
    digest: bytes
    signature: bytes


def signing_key(pem: bytes | str) -> SigningKey:
    """A signing public key from its PEM text; anything else is refused."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    raw = pem.encode() if isinstance(pem, str) else pem
    try:
        key = load_pem_public_key(raw.strip() + b"\n")
    except ValueError:
        raise InvalidInput(NOT_SIGNING) from None
    if not isinstance(key, Ed25519PublicKey):
        raise InvalidInput(NOT_SIGNING)
    return _public(key)


def file_names(station_uuid: str) -> tuple[str, str]:
    """The private and public key files of a station's signing key."""
    return f"signing-key-{station_uuid}.pem", f"signing-key-{station_uuid}.pub.pem"


def own(session: Session, station_id: int) -> SigningKey | None:
    """The station's own signing public key (None: not made yet)."""
    value = _get(session, station_id, SETTING)
    return signing_key(value) if value else None


def ensure(session: Session, station: Station, folder: Path) -> tuple[Signer, bool]:
    """The station's signer: its key file in `folder`, made (with the setting) when missing.

    True when the key was made or the setting changed. A key file whose setting is gone
    (a database put back from a backup) is kept and its setting written again.
    """
    private_name, public_name = file_names(station.uuid)
    private_path = folder / private_name
    made = False
    if private_path.exists():
        private = _load_private(private_path)
    else:
        private = _generate(folder, private_path, folder / public_name)
        made = True
    signer = Signer.of(private)
    if _get(session, station.id, SETTING) != signer.public.pem:
        _put(session, station.id, SETTING, signer.public.pem)
        made = True
    return signer, made


def registered(session: Session, station_id: int) -> SigningKey | None:
    """At the county: the signing key registered for the station."""
    value = _get(session, station_id, REGISTERED)
    return signing_key(value) if value else None


def register(session: Session, station_id: int, key: SigningKey) -> bool:
    """Register `key` for the station; False when it was already the one."""
    if _get(session, station_id, REGISTERED) == key.pem:
        return False
    _put(session, station_id, REGISTERED, key.pem)
    return True


def carried(manifest: dict[str, Any]) -> SigningKey | None:
    """The signing public key a package's manifest carries (None: an older station's)."""
    pem = manifest.get(MANIFEST_FIELD)
    if not pem:
        return None
    try:
        return signing_key(str(pem))
    except InvalidInput:
        raise PackageRefused("数据包中的站点签名公钥无效，没有导入任何内容。") from None


def check(session: Session, station: Station, signed: Signed) -> None:
    """Refuse a key-pair package that the station's registered key did not sign."""
    key = registered(session, station.id)
    if key is None:
        raise PackageRefused(UNREGISTERED.format(station=f"{station.name}，{station.code}"))
    if signed.fingerprint != key.fingerprint or not key.verifies(signed.signature, signed.digest):
        raise PackageRefused(FORGED.format(theirs=signed.fingerprint or "无", ours=key.fingerprint))


def digest_of(signed: bytes | memoryview) -> bytes:
    return hashlib.sha256(signed).digest()


def _generate(folder: Path, private_path: Path, public_path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    # Unencrypted, as the database beside it: a package is exported without a question.
    key = Ed25519PrivateKey.generate()
    folder.mkdir(parents=True, exist_ok=True)
    raw = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    write_new(private_path, raw, mode=0o600)
    public_path.unlink(missing_ok=True)  # the public half of a key that is gone
    write_new(public_path, _public(key.public_key()).pem.encode(), mode=0o644)
    return key


def _load_private(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(path.read_bytes(), None)
    except (OSError, ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise InvalidInput(
            f"站点的签名私钥文件已损坏：{path}。请把它移到别处，程序会生成新的签名密钥，"
            "然后用数据包密码发送一个数据包，让县里登记新的签名公钥。"
        )
    return key


def _load_public(pem: str) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    key = load_pem_public_key(pem.encode())
    assert isinstance(key, Ed25519PublicKey)  # signing_key() let no other kind in
    return key


def _public(key: Ed25519PublicKey) -> SigningKey:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    pem = key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    return SigningKey(pem, hashlib.sha256(der).digest())


def _get(session: Session, station_id: int, key: str) -> str | None:
    row = _row(session, station_id, key)
    return str(json.loads(row.value)) if row is not None else None


def _put(session: Session, station_id: int, key: str, pem: str) -> None:
    row = _row(session, station_id, key)
    if row is None:
        session.add(Setting(station_id=station_id, key=key, value=json.dumps(pem)))
    else:
        row.value = json.dumps(pem)


def _row(session: Session, station_id: int, key: str) -> Setting | None:
    return session.scalar(
        select(Setting).where(Setting.station_id == station_id, Setting.key == key)
    )
