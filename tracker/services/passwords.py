"""Hashing passwords and refusing weak ones (`tracker.rules.passwords` decides what is weak)."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

from tracker.rules import DomainError
from tracker.rules.passwords import MIN_LENGTH, password_problem

MIN_PASSWORD_LENGTH = MIN_LENGTH
# Checked against when the email is unknown, so that a wrong email costs as long as a wrong password.
DUMMY_HASH = generate_password_hash("not a real password")


def hash_password(password: str) -> str:
    return generate_password_hash(password)  # scrypt, Werkzeug's default


def password_matches(stored_hash: str, password: str) -> bool:
    return check_password_hash(stored_hash, password)


def check_password_strength(password: str) -> None:
    problem = password_problem(password)
    if problem is not None:
        raise DomainError(problem, field="password")
