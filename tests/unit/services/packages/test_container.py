"""The package file by itself: both formats, and what each refuses (no database)."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from app.domain.errors import AuthenticationFailed, InvalidInput
from app.services.packages.container import (
    FORMAT,
    KEY_FORMAT,
    lock_of,
    peek,
    seal,
    unseal,
)
from app.services.packages.keys import KeyFile, create_key_pair
from app.services.packages.signing import SIZE, Signer, digest_of
from app.services.packages.types import PackageRefused
from tests.unit.services.packages.conftest import PASSPHRASE, PASSWORD, Keys

HEADER = {"kind": "station", "package_id": "p-1", "sequence": 1, "station": {"code": "JX0427"}}
PARTS = {"tables/clients.json": '[{"name":"张桂兰"}]'.encode()}
# Where format 2 keeps its parts: magic, format, key id, wrapped key length, wrapped key.
KEY_ID_AT, WRAPPED_AT = 9, 9 + 32 + 2


def _signer() -> Signer:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Signer.of(Ed25519PrivateKey.generate())


SIGNER = _signer()


def _sealed(keys: Keys, signer: Signer = SIGNER) -> bytes:
    return seal(HEADER, dict(HEADER), PARTS, key=keys.ours.public, signer=signer)


def test_a_key_pair_package_opens_with_the_private_key(keys: Keys) -> None:
    data = _sealed(keys)
    assert data[8] == KEY_FORMAT
    assert peek(data)["key"] == keys.ours.public.fingerprint
    lock = lock_of(data)
    assert lock.by_key and lock.key_id == keys.ours.public.key_id
    opened = unseal(data, key=keys.key_file())
    assert opened.parts == PARTS
    assert opened.signed is not None and opened.signed.fingerprint == SIGNER.public.fingerprint
    assert peek(data)["signer"] == SIGNER.public.fingerprint
    assert SIGNER.public.verifies(opened.signed.signature, opened.signed.digest)
    assert opened.manifest["parts"]["tables/clients.json"]["size"] == len(
        PARTS["tables/clients.json"]
    )


def test_each_package_has_its_own_key(keys: Keys) -> None:
    first, second = _sealed(keys), _sealed(keys)
    assert first[WRAPPED_AT : WRAPPED_AT + 384] != second[WRAPPED_AT : WRAPPED_AT + 384]


def test_a_password_package_keeps_its_format(keys: Keys) -> None:
    data = seal(HEADER, dict(HEADER), PARTS, PASSWORD)
    assert data[8] == FORMAT and not lock_of(data).by_key
    assert unseal(data, PASSWORD, key=keys.key_file()).parts == PARTS


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (KEY_ID_AT + 3, "另一把公钥"),  # the key id: names another key
        (WRAPPED_AT + 7, "已损坏或被改动"),  # the wrapped key
        (-SIZE - 40, "已损坏或被改动"),  # the sealed zip
    ],
)
def test_a_changed_byte_is_refused(keys: Keys, where: int, message: str) -> None:
    data = bytearray(_sealed(keys))
    data[where] ^= 0x01
    with pytest.raises(PackageRefused, match=message):
        unseal(bytes(data), key=keys.key_file())


def test_the_signature_covers_the_whole_file_and_names_its_key(keys: Keys) -> None:
    data = _sealed(keys)
    for where in (KEY_ID_AT + 3, WRAPPED_AT + 7, -SIZE - 40, -5):
        changed = bytearray(data)
        changed[where] ^= 0x01
        # What the signature covers: the bytes before it, as they are now.
        assert not SIGNER.public.verifies(bytes(changed[-SIZE:]), digest_of(bytes(changed[:-SIZE])))
    opened = unseal(data, key=keys.key_file())
    assert opened.signed is not None
    assert not _signer().public.verifies(opened.signed.signature, opened.signed.digest)
    # The county checks the signature against the station's registered key (signing.check).
    assert unseal(data[:-1] + bytes([data[-1] ^ 1]), key=keys.key_file()).parts == PARTS


def test_a_password_package_has_no_signature() -> None:
    assert unseal(seal(HEADER, dict(HEADER), PARTS, PASSWORD), PASSWORD).signed is None


def test_a_changed_header_is_refused(keys: Keys) -> None:
    data = _sealed(keys).replace(b"JX0427", b"JX0428", 1)
    with pytest.raises(PackageRefused, match="已损坏或被改动"):
        unseal(data, key=keys.key_file())


def test_cut_inside_the_wrapped_key_is_incomplete(keys: Keys) -> None:
    with pytest.raises(PackageRefused, match="不完整"):
        lock_of(_sealed(keys)[: WRAPPED_AT + 100])


def test_another_county_s_key_is_named(keys: Keys) -> None:
    with pytest.raises(PackageRefused) as caught:
        unseal(_sealed(keys), key=KeyFile(keys.theirs.private_path, PASSPHRASE))
    assert keys.ours.public.fingerprint in caught.value.message
    assert keys.theirs.public.fingerprint in caught.value.message


def test_the_password_does_not_open_a_key_pair_package(keys: Keys) -> None:
    with pytest.raises(InvalidInput, match="私钥文件和私钥口令"):
        unseal(_sealed(keys), PASSWORD)


def test_a_wrong_passphrase_is_told_apart(keys: Keys) -> None:
    with pytest.raises(AuthenticationFailed, match="私钥口令不正确"):
        unseal(_sealed(keys), key=keys.key_file("不是这个口令不是这个口令"))


def test_an_unknown_format_asks_for_a_newer_program(keys: Keys) -> None:
    data = bytearray(_sealed(keys))
    data[8] = 9
    with pytest.raises(PackageRefused, match="更新版本"):
        peek(bytes(data))


def test_a_new_key_pair_is_private_and_named_in_groups(tmp_path: Path) -> None:
    made = create_key_pair(tmp_path, PASSPHRASE)
    assert re.fullmatch(r"(?:[0-9A-F]{4} ){7}[0-9A-F]{4}", made.public.fingerprint)
    assert stat.S_IMODE(made.private_path.stat().st_mode) == 0o600
    assert PASSPHRASE.encode() not in made.private_path.read_bytes()
    assert PASSPHRASE not in repr(KeyFile(made.private_path, PASSPHRASE))
    assert KeyFile(made.private_path, PASSPHRASE).public == made.public


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="至少 8 个字符"):
        create_key_pair(tmp_path, "1234567")
    assert not list(tmp_path.iterdir())
