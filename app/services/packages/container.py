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
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zipfile
from dataclasses import dataclass
from typing import Any

from app.domain.errors import AuthenticationFailed, InvalidInput
from app.services.packages.types import PackageRefused

MAGIC = b"SDESKPKG"
FORMAT = 1
LOG2_N, R, P = 15, 8, 1
_HEAD = struct.Struct(">8sBBBB16s12s16sI")
MANIFEST = "manifest.json"

NOT_A_PACKAGE = "这个文件不是工作台的数据包。"
TRUNCATED = "数据包不完整（文件被截断或没有复制完），没有导入任何内容。请重新复制或让对方重新导出。"
TAMPERED = "数据包已损坏或被改动过（校验不通过），没有导入任何内容。请让对方重新导出。"
WRONG_PASSWORD = "数据包密码不正确（或数据包头部被改动过），没有导入任何内容。"
NEWER = "这个数据包由更新版本的工作台制作，请先升级本程序。"


@dataclass(frozen=True)
class Opened:
    header: dict[str, Any]
    manifest: dict[str, Any]
    parts: dict[str, bytes]
    digest: str
    """SHA-256 of the manifest."""

    def part(self, name: str) -> Any:
        data = self.parts.get(name)
        return json.loads(data) if data is not None else None


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
    header: dict[str, Any], manifest: dict[str, Any], parts: dict[str, bytes], password: str
) -> bytes:
    """The package file's bytes; the manifest gets every part's SHA-256 and size."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    listed = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
              for name, data in parts.items()}  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(MANIFEST, to_json({**manifest, "parts": listed}))
        for name, data in parts.items():
            zf.writestr(name, data)
    salt, nonce = os.urandom(16), os.urandom(12)
    aes = AESGCM(_key(password, salt, LOG2_N, R, P))
    head_json = to_json({**header, "format": FORMAT})
    unchecked = _HEAD.pack(MAGIC, FORMAT, LOG2_N, R, P, salt, nonce, bytes(16), len(head_json))
    aad = unchecked[:-20] + head_json
    check = aes.encrypt(_check_nonce(nonce), b"", aad)
    head = _HEAD.pack(MAGIC, FORMAT, LOG2_N, R, P, salt, nonce, check, len(head_json))
    return head + head_json + aes.encrypt(nonce, buffer.getvalue(), aad)


def peek(data: bytes) -> dict[str, Any]:
    """The clear header, unchecked (what the file says it is)."""
    if len(data) < len(MAGIC) or not data.startswith(MAGIC):
        raise PackageRefused(NOT_A_PACKAGE)
    if len(data) < _HEAD.size:
        raise PackageRefused(TRUNCATED)
    *_rest, size = _HEAD.unpack(data[: _HEAD.size])
    if len(data) < _HEAD.size + size + 16:
        raise PackageRefused(TRUNCATED)
    try:
        header: dict[str, Any] = json.loads(data[_HEAD.size : _HEAD.size + size])
    except ValueError:
        raise PackageRefused(TAMPERED) from None
    return header


def unseal(data: bytes, password: str) -> Opened:
    """Decrypt and check a package; anything amiss is refused with the reason."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = peek(data)
    _magic, version, log2_n, r, p, salt, nonce, check, size = _HEAD.unpack(data[: _HEAD.size])
    if version != FORMAT:
        raise PackageRefused(NEWER)
    if not (10 <= log2_n <= 20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise PackageRefused(TAMPERED)
    aad = data[: _HEAD.size - 20] + data[_HEAD.size : _HEAD.size + size]
    aes = AESGCM(_key(password, salt, log2_n, r, p))
    try:
        aes.decrypt(_check_nonce(nonce), check, aad)
    except InvalidTag:
        raise AuthenticationFailed(WRONG_PASSWORD) from None
    try:
        plain = aes.decrypt(nonce, data[_HEAD.size + size :], aad)
    except InvalidTag:
        raise PackageRefused(TAMPERED) from None
    return _read_zip(header, plain)


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
    for key in ("kind", "package_id", "sequence"):
        if manifest.get(key) != header.get(key):
            raise PackageRefused(TAMPERED)
    return Opened(header, manifest, parts, hashlib.sha256(raw_manifest).hexdigest())
