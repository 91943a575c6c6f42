"""The package file: a zip of a manifest and JSON parts, sealed with AES-256-GCM.

Layout (integers big-endian):

    magic "SDESKPKG" | format (1 byte) | scrypt log2 N, r, p (1 byte each) | salt (16)
    | nonce (12) | password check (16) | header length (4) | header (JSON) | sealed zip

The key comes from the package password by scrypt. The clear header says what the
package is (kind, station, number) so a wrong file can be named before any work; it is
the associated data of both the password check (the GCM tag of an empty message under
its own nonce, which tells a wrong password from a damaged file) and the sealed zip, so
changing a byte anywhere is detected. Inside, the manifest lists every part with its
SHA-256, and the manifest's own SHA-256 is the package's identity of content.

Format 2 (the county's key pair, keys.py) replaces the password part of the layout:

    magic | format 2 | key id (32) | wrapped key length (2) | wrapped key | nonce (12)
    | header length (4) | header (JSON) | sealed zip | signature (64)

A fresh random AES-256 key per package, wrapped with the county's public key (RSA-OAEP).
Everything before the sealed zip is its associated data, so a changed key id or wrapped
key is caught too; the key id says which county key a package needs before any work.
The station's Ed25519 signature over everything before it (signing.py) ends the file;
the header names the signing key's fingerprint (`signer`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import AuthenticationFailed, InvalidInput, NotFound
from app.services.packages.keys import KeyFile, PublicKey, shown
from app.services.packages.signing import SIZE, Signed, Signer, digest_of
from app.services.packages.types import PackageRefused

MAGIC = b"SDESKPKG"
FORMAT = 1
"""Sealed with the package password."""
KEY_FORMAT = 2
"""Sealed with a fresh key wrapped for the county's public key."""
LOG2_N, R, P = 15, 8, 1
_HEAD = struct.Struct(">8sBBBB16s12s16sI")
_KEY_HEAD = struct.Struct(">8sB32sH")
_KEY_TAIL = struct.Struct(">12sI")
MANIFEST = "manifest.json"

NOT_A_PACKAGE = "这个文件不是工作台的数据包。"
TRUNCATED = "数据包不完整（文件被截断或没有复制完），没有导入任何内容。请重新复制或让对方重新导出。"
TAMPERED = "数据包已损坏或被改动过（校验不通过），没有导入任何内容。请让对方重新导出。"
WRONG_PASSWORD = "数据包密码不正确（或数据包头部被改动过），没有导入任何内容。"
NEWER = "这个数据包由更新版本的工作台制作，请先升级本程序。"
NEEDS_KEY_TEXT = (
    "这个数据包是用县里的公钥（指纹 {fingerprint}）加密的，导入时要用县里的私钥文件和私钥口令，"
    "不用数据包密码。"
)
OTHER_KEY_TEXT = (
    "这个数据包是为另一把公钥（指纹 {theirs}）加密的，与所选私钥（指纹 {ours}）不是一对："
    "可能是发给别的县的，或站点装的是旧公钥。没有导入任何内容。"
)


@dataclass(frozen=True)
class Opened:
    header: dict[str, Any]
    manifest: dict[str, Any]
    parts: dict[str, bytes]
    digest: str
    """SHA-256 of the manifest."""
    signed: Signed | None = None
    """A key-pair package's signature, for the county to check against the station's key."""

    def part(self, name: str) -> Any:
        data = self.parts.get(name)
        return json.loads(data) if data is not None else None


@dataclass(frozen=True)
class Lock:
    """What opens a package: the package password, or the county key named here."""

    key_id: bytes = b""

    @property
    def by_key(self) -> bool:
        return bool(self.key_id)

    @property
    def fingerprint(self) -> str:
        return shown(self.key_id) if self.key_id else ""


@dataclass(frozen=True)
class _Frame:
    """A package's parts before decryption."""

    format: int
    header: dict[str, Any]
    aad: bytes
    nonce: bytes
    body: bytes
    fields: tuple[Any, ...]
    """Format 1: log2 N, r, p, salt, check. Format 2: key id, wrapped key, signature."""


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # only when packages are used

    if not password:
        raise InvalidInput("请填写数据包密码。", field="password")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(password.encode())


def _check_nonce(nonce: bytes) -> bytes:
    return bytes(b ^ 0xFF for b in nonce)


def to_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def seal(
    header: dict[str, Any],
    manifest: dict[str, Any],
    parts: dict[str, bytes],
    password: str = "",
    *,
    key: PublicKey | None = None,
    signer: Signer | None = None,
) -> bytes:
    """The package file's bytes, for the county's public `key` (signed by the station's
    `signer`) when given, else with the password; the manifest gets every part's SHA-256
    and size."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    listed = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
              for name, data in parts.items()}  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(MANIFEST, to_json({**manifest, "parts": listed}))
        for name, data in parts.items():
            zf.writestr(name, data)
    nonce = os.urandom(12)
    if key is not None:
        if signer is None:
            raise ValueError("a package for the county's key is signed by the station")
        secret = AESGCM.generate_key(bit_length=256)
        wrapped = key.wrap(secret)
        head_json = to_json(
            {**header, "format": KEY_FORMAT, "key": key.fingerprint,
             "signer": signer.public.fingerprint}
        )  # fmt: skip
        head = (
            _KEY_HEAD.pack(MAGIC, KEY_FORMAT, key.key_id, len(wrapped))
            + wrapped
            + _KEY_TAIL.pack(nonce, len(head_json))
            + head_json
        )
        sealed = head + AESGCM(secret).encrypt(nonce, buffer.getvalue(), head)
        return sealed + signer.sign(digest_of(sealed))
    salt = os.urandom(16)
    aes = AESGCM(_key(password, salt, LOG2_N, R, P))
    head_json = to_json({**header, "format": FORMAT})
    unchecked = _HEAD.pack(MAGIC, FORMAT, LOG2_N, R, P, salt, nonce, bytes(16), len(head_json))
    aad = unchecked[:-20] + head_json
    check = aes.encrypt(_check_nonce(nonce), b"", aad)
    head = _HEAD.pack(MAGIC, FORMAT, LOG2_N, R, P, salt, nonce, check, len(head_json))
    return head + head_json + aes.encrypt(nonce, buffer.getvalue(), aad)


def _frame(data: bytes) -> _Frame:
    if len(data) < len(MAGIC) or not data.startswith(MAGIC):
        raise PackageRefused(NOT_A_PACKAGE)
    if len(data) <= len(MAGIC):
        raise PackageRefused(TRUNCATED)
    version = data[len(MAGIC)]
    if version == KEY_FORMAT:
        return _key_frame(data)
    if version != FORMAT:
        raise PackageRefused(NEWER)
    if len(data) < _HEAD.size:
        raise PackageRefused(TRUNCATED)
    _magic, _v, log2_n, r, p, salt, nonce, check, size = _HEAD.unpack(data[: _HEAD.size])
    end = _HEAD.size + size
    header = _header(data, _HEAD.size, end)
    aad = data[: _HEAD.size - 20] + data[_HEAD.size : end]
    return _Frame(FORMAT, header, aad, nonce, data[end:], (log2_n, r, p, salt, check))


def _key_frame(data: bytes) -> _Frame:
    if len(data) < _KEY_HEAD.size:
        raise PackageRefused(TRUNCATED)
    _magic, _v, key_id, wrapped_size = _KEY_HEAD.unpack(data[: _KEY_HEAD.size])
    tail = _KEY_HEAD.size + wrapped_size
    if len(data) < tail + _KEY_TAIL.size:
        raise PackageRefused(TRUNCATED)
    nonce, size = _KEY_TAIL.unpack(data[tail : tail + _KEY_TAIL.size])
    start = tail + _KEY_TAIL.size
    header = _header(data, start, start + size, after=SIZE)
    wrapped = data[_KEY_HEAD.size : tail]
    aad = data[: start + size]
    body = data[start + size : -SIZE]
    return _Frame(KEY_FORMAT, header, aad, nonce, body, (key_id, wrapped, data[-SIZE:]))


def _header(data: bytes, start: int, end: int, *, after: int = 0) -> dict[str, Any]:
    """`after`: what must follow the GCM tag (format 2's signature)."""
    if len(data) < end + 16 + after:
        raise PackageRefused(TRUNCATED)
    try:
        header: dict[str, Any] = json.loads(data[start:end])
    except ValueError:
        raise PackageRefused(TAMPERED) from None
    return header


def peek(data: bytes) -> dict[str, Any]:
    """The clear header, unchecked (what the file says it is)."""
    return _frame(data).header


def lock_of(data: bytes) -> Lock:
    """What the package needs to be opened (unchecked, as the header)."""
    frame = _frame(data)
    return Lock(frame.fields[0]) if frame.format == KEY_FORMAT else Lock()


def unseal(data: bytes, password: str = "", *, key: KeyFile | None = None) -> Opened:
    """Decrypt and check a package with the password or the county's private `key`, as
    its format needs; anything amiss is refused with the reason."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    frame = _frame(data)
    signed = None
    if frame.format == KEY_FORMAT:
        aes = AESGCM(_unwrap(frame, key))
        signer = str(frame.header.get("signer") or "")
        signed = Signed(signer, digest_of(memoryview(data)[:-SIZE]), frame.fields[2])
    else:
        log2_n, r, p, salt, check = frame.fields
        if not (10 <= log2_n <= 20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise PackageRefused(TAMPERED)
        aes = AESGCM(_key(password, salt, log2_n, r, p))
        try:
            aes.decrypt(_check_nonce(frame.nonce), check, frame.aad)
        except InvalidTag:
            raise AuthenticationFailed(WRONG_PASSWORD) from None
    try:
        plain = aes.decrypt(frame.nonce, frame.body, frame.aad)
    except InvalidTag:
        raise PackageRefused(TAMPERED) from None
    return dataclasses.replace(_read_zip(frame.header, plain), signed=signed)


def _unwrap(frame: _Frame, key: KeyFile | None) -> bytes:
    key_id, wrapped, _signature = frame.fields
    if key is None:
        raise InvalidInput(NEEDS_KEY_TEXT.format(fingerprint=shown(key_id)), field="key")
    if key.public.key_id != key_id:
        raise PackageRefused(
            OTHER_KEY_TEXT.format(theirs=shown(key_id), ours=key.public.fingerprint)
        )
    try:
        secret = key.unwrap(wrapped)
    except ValueError:
        raise PackageRefused(TAMPERED) from None
    if len(secret) != 32:
        raise PackageRefused(TAMPERED)
    return secret


def _read_zip(header: dict[str, Any], plain: bytes) -> Opened:
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as zf:
            raw_manifest = zf.read(MANIFEST)
            manifest = json.loads(raw_manifest)
            parts = {name: zf.read(name) for name in manifest["parts"]}
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise PackageRefused(TAMPERED) from None
    for name, listed in manifest["parts"].items():
        if hashlib.sha256(parts[name]).hexdigest() != listed["sha256"]:
            raise PackageRefused(f"{TAMPERED}（{name} 的校验值不符）")
    for key in ("kind", "package_id", "sequence", "station"):
        if manifest.get(key) != header.get(key):
            raise PackageRefused(TAMPERED)
    return Opened(header, manifest, parts, hashlib.sha256(raw_manifest).hexdigest())


def read_package(source: Path) -> bytes:
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"找不到数据包文件：{source}") from None
    _frame(data)
    return data


def write_atomically(out: Path, data: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=".package-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
