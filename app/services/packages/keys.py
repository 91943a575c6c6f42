"""The county's key pair (密钥对): stations encrypt packages for its public key.

RSA-3072 with OAEP-SHA256 wraps each package's fresh AES-256 key, as ODK wraps a
submission's key with the form's public key: a plain wrap needs no key agreement or key
derivation of our own (X25519 would), and a key pair is made once per county, so RSA's
slow key generation does not matter. The private key never leaves the county: a PKCS#8
file encrypted with the administrator's passphrase, in a folder they choose. A key is
named by the SHA-256 of its public key (SubjectPublicKeyInfo, DER); people compare the
first 16 bytes, read out as eight groups of four hex digits, by phone.

`cryptography` is imported inside the functions: the window starts without it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import AuthenticationFailed, InvalidInput

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.padding import OAEP
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

BITS = 3072
PRIVATE_NAME = "county-key.pem"
PUBLIC_NAME = "county-key.pub.pem"
MIN_PASSPHRASE = 8

NOT_PUBLIC = "这个文件不是县里的公钥（应是 county-key.pub.pem，RSA 3072 位以上）。"
NOT_PRIVATE = "这个文件不是县里的私钥文件（应是 county-key.pem）：{path}"
WRONG_PASSPHRASE = "私钥口令不正确，没有导入任何内容。"
SHORT_PASSPHRASE = f"私钥口令至少 {MIN_PASSPHRASE} 个字符。"


def shown(key_id: bytes) -> str:
    """What people compare: "3F2A 9C1B …", the first 16 bytes of the key's SHA-256."""
    text = key_id[:16].hex().upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@dataclass(frozen=True)
class PublicKey:
    pem: str
    key_id: bytes
    """SHA-256 of the public key (DER): what a package names its key by."""

    @property
    def fingerprint(self) -> str:
        return shown(self.key_id)

    def wrap(self, secret: bytes) -> bytes:
        """`secret` encrypted for the private key (RSA-OAEP-SHA256)."""
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
        from cryptography.hazmat.primitives.serialization import load_pem_public_key

        key = load_pem_public_key(self.pem.encode())
        assert isinstance(key, RSAPublicKey)  # public_key() let no other kind in
        return key.encrypt(secret, _oaep())


@dataclass(frozen=True)
class CreatedKeys:
    private_path: Path
    public_path: Path
    public: PublicKey


def public_key(pem: bytes | str) -> PublicKey:
    """A county public key from its PEM text; anything else is refused."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    raw = pem.encode() if isinstance(pem, str) else pem
    try:
        key = load_pem_public_key(raw.strip() + b"\n")
    except ValueError:
        raise InvalidInput(NOT_PUBLIC) from None
    if not isinstance(key, RSAPublicKey) or key.key_size < BITS:
        raise InvalidInput(NOT_PUBLIC)
    return _public(key)


def _public(key: RSAPublicKey) -> PublicKey:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    pem = key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()
    return PublicKey(pem, hashlib.sha256(der).digest())


def create_key_pair(folder: Path, passphrase: str) -> CreatedKeys:
    """A new key pair in `folder`: the private key encrypted with `passphrase` (0600).

    Existing key files are never overwritten: packages made for an old key need it.
    """
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import (
        BestAvailableEncryption,
        Encoding,
        PrivateFormat,
    )

    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(SHORT_PASSPHRASE, field="passphrase")
    private_path, public_path = folder / PRIVATE_NAME, folder / PUBLIC_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise InvalidInput(
                f"已有密钥文件 {path}，没有覆盖（用旧公钥加密的数据包还要靠它打开）。"
                "请换一个文件夹，或先把旧密钥移到别处保存。"
            )
    key = rsa.generate_private_key(public_exponent=65537, key_size=BITS)
    sealed = key.private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(passphrase.encode())
    )
    public = _public(key.public_key())
    folder.mkdir(parents=True, exist_ok=True)
    write_new(private_path, sealed, mode=0o600)
    write_new(public_path, public.pem.encode(), mode=0o644)
    return CreatedKeys(private_path, public_path, public)


def write_new(path: Path, data: bytes, *, mode: int) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    with os.fdopen(handle, "wb") as fh:
        fh.write(data)


class KeyFile:
    """The county's private key file and its passphrase, opened at first use."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = path
        self._passphrase = passphrase
        self._opened: tuple[RSAPrivateKey, PublicKey] | None = None

    def __repr__(self) -> str:  # never the passphrase
        return f"KeyFile({str(self.path)!r})"

    @property
    def public(self) -> PublicKey:
        return self._open()[1]

    def unwrap(self, wrapped: bytes) -> bytes:
        """The secret `wrapped` for this key; ValueError when it was not (or was changed)."""
        return self._open()[0].decrypt(wrapped, _oaep())

    def _open(self) -> tuple[RSAPrivateKey, PublicKey]:
        if self._opened is None:
            self._opened = _load_private(self.path, self._passphrase)
        return self._opened


def _load_private(path: Path, passphrase: str) -> tuple[RSAPrivateKey, PublicKey]:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        raw = path.read_bytes()
    except OSError:
        raise InvalidInput(f"打不开私钥文件：{path}") from None
    if b"ENCRYPTED PRIVATE KEY" not in raw:
        raise InvalidInput(NOT_PRIVATE.format(path=path))
    if not passphrase:
        raise InvalidInput("请填写私钥口令。", field="passphrase")
    try:
        key = load_pem_private_key(raw, passphrase.encode())
    except ValueError as exc:
        # cryptography says "Bad decrypt. Incorrect password?" for a wrong passphrase and
        # something else for a damaged file.
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise AuthenticationFailed(WRONG_PASSPHRASE) from None
        raise InvalidInput(NOT_PRIVATE.format(path=path)) from None
    if not isinstance(key, RSAPrivateKey):
        raise InvalidInput(NOT_PRIVATE.format(path=path))
    return key, _public(key.public_key())


def _oaep() -> OAEP:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
