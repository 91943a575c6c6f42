"""Password hashing (argon2id at OWASP's minimum cost) and the password rules."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.domain.errors import InvalidInput

# OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 8
_TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _HASHER.check_needs_rehash(password_hash)


def check_rules(password: str, *, login: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"密码至少需要{MIN_LENGTH}位。", field="password")
    if password.strip().lower() == login.strip().lower():
        raise InvalidInput("密码不能与用户名相同。", field="password")


def temporary_password() -> str:
    """A readable one-time password (no 0/o, 1/l/i) for a new or reset account."""
    return "".join(secrets.choice(_TEMP_ALPHABET) for _ in range(10))
