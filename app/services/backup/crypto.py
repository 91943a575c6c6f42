"""Encrypted backup files: AES-256-GCM in 1 MiB chunks, the key from scrypt and a password.

Layout (all integers big-endian):

    magic "SDESKENC" | version (1 byte) | scrypt log2 N, r, p (1 byte each)
    | salt (16) | nonce prefix (7) | password check (16) | chunks...

Each chunk is AES-GCM over up to 1 MiB with the nonce `prefix | chunk index (4) | last (1)`
and the header as associated data, so chunks cannot be reordered, dropped or cut off.
The password check is the GCM tag of an empty message under a nonce no chunk uses: it
tells a wrong password apart from a damaged file. Chunking keeps memory flat on old
PCs whatever the size of the database.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from app.domain.errors import AuthenticationFailed, InvalidInput, StorageError

MAGIC = b"SDESKENC"
VERSION = 1
CHUNK = 1 << 20
TAG = 16
SALT_SIZE = 16
PREFIX_SIZE = 7
# scrypt N=2^15, r=8, p=1: 32 MiB and about 0.1 s, the interactive setting of the scrypt paper.
LOG2_N, R, P = 15, 8, 1
_HEAD = struct.Struct(f">8sBBBB{SALT_SIZE}s{PREFIX_SIZE}s")
HEADER_SIZE = _HEAD.size + TAG
_CHECK_INDEX = 0xFFFFFFFF

WRONG_PASSWORD = "备份密码不正确。请输入做这个备份时设置的密码。"
DAMAGED = "加密备份文件已损坏（内容校验不通过），无法恢复。请换一个备份。"


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    # cryptography loads only for an encrypted backup, not with the window.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not password:
        raise InvalidInput("请填写备份密码。", field="password")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(password.encode())


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def encrypt_file(source: Path, target: Path, password: str) -> None:
    """Write `source` encrypted to `target` (fsynced)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(SALT_SIZE), os.urandom(PREFIX_SIZE)
    aes = AESGCM(_key(password, salt, LOG2_N, R, P))
    head = _HEAD.pack(MAGIC, VERSION, LOG2_N, R, P, salt, prefix)
    check = aes.encrypt(_nonce(prefix, _CHECK_INDEX, True), b"", head)
    header = head + check
    with open(source, "rb") as src, open(target, "wb") as dst:
        dst.write(header)
        index = 0
        chunk = src.read(CHUNK)
        while True:
            following = src.read(CHUNK)
            last = not following
            dst.write(aes.encrypt(_nonce(prefix, index, last), chunk, header))
            if last:
                break
            chunk, index = following, index + 1
        dst.flush()
        os.fsync(dst.fileno())


def decrypt_file(source: Path, target: Path, password: str) -> None:
    """Write the plain content of `source` to `target`; a wrong password says so plainly."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with open(source, "rb") as src:
        header = src.read(HEADER_SIZE)
        if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
            raise InvalidInput("这个文件不是工作台的加密备份。")
        _magic, version, log2_n, r, p, salt, prefix = _HEAD.unpack(header[: _HEAD.size])
        if version != VERSION:
            raise InvalidInput("这个加密备份由更新版本的工作台制作，请先升级本程序。")
        if not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16):
            raise StorageError(DAMAGED)
        aes = AESGCM(_key(password, salt, log2_n, r, p))
        head = header[: _HEAD.size]
        try:
            aes.decrypt(_nonce(prefix, _CHECK_INDEX, True), header[_HEAD.size :], head)
        except InvalidTag:
            raise AuthenticationFailed(WRONG_PASSWORD) from None
        try:
            with open(target, "wb") as dst:
                index = 0
                block = src.read(CHUNK + TAG)
                while True:
                    following = src.read(CHUNK + TAG)
                    last = not following
                    dst.write(aes.decrypt(_nonce(prefix, index, last), block, header))
                    if last:
                        break
                    block, index = following, index + 1
                dst.flush()
                os.fsync(dst.fileno())
        except InvalidTag:
            target.unlink(missing_ok=True)
            raise StorageError(DAMAGED) from None
