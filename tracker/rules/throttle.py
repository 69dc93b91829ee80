"""How long a sign-in must wait after failures: growing delays, never a lock an attacker can set.

Failures are counted three ways over a rolling window:
- for one account from one client address: the attacker's own address slows down on that
  account, up to a long delay;
- for one account from anywhere: a spread-out attack on one account is slowed too, but only
  up to a short delay, so that failures from elsewhere never keep the owner out for long;
- from one client address on any account: password spraying is slowed, then refused.

A delay is a time before which the next attempt is refused without its password being checked.
The counts never depend on whether the account exists, so neither does any answer.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limits:
    window: timedelta = timedelta(hours=24)
    free_per_account_and_address: int = 5
    free_per_account: int = 10
    free_per_address: int = 20
    refuse_address_after: int = 50
    first_delay: timedelta = timedelta(seconds=30)
    most_per_account_and_address: timedelta = timedelta(hours=1)
    # The longest anyone elsewhere can make the owner wait.
    most_per_account: timedelta = timedelta(minutes=1)
    most_per_address: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class Count:
    failures: int = 0
    last: datetime | None = None


@dataclass(frozen=True)
class Failures:
    account_from_address: Count
    account: Count
    address: Count


@dataclass(frozen=True)
class Wait:
    until: datetime
    address_refused: bool = False

    def message(self, now: datetime) -> str:
        if self.address_refused:
            return (
                "There have been too many failed attempts to sign in from your network. "
                "Try again tomorrow, or ask your administrator for help."
            )
        return (
            f"There have been too many failed attempts to sign in. Wait {_duration(self.until - now)} "
            "before you try again. If you have forgotten your password, ask your administrator to reset it."
        )


def growing_delay(failures: int, *, free: int, first: timedelta, most: timedelta) -> timedelta:
    """Nothing for the first `free` failures, then `first`, doubling with each failure, up to `most`."""
    if failures < free:
        return timedelta(0)
    doublings = min(failures - free, 30)
    delay: timedelta = first * (2**doublings)
    return min(delay, most)


def wait_before_next(failures: Failures, *, now: datetime, limits: Limits) -> Wait | None:
    """When the next attempt may be made, or None if it may be made now."""
    address = failures.address
    if address.failures >= limits.refuse_address_after and address.last is not None:
        until = address.last + limits.window
        if now < until:
            return Wait(until, address_refused=True)
    candidates = [
        _until(
            failures.account_from_address,
            free=limits.free_per_account_and_address,
            first=limits.first_delay,
            most=limits.most_per_account_and_address,
        ),
        _until(failures.account, free=limits.free_per_account, first=limits.first_delay, most=limits.most_per_account),
        _until(address, free=limits.free_per_address, first=limits.first_delay, most=limits.most_per_address),
    ]
    latest = max((c for c in candidates if c is not None), default=None)
    return Wait(latest) if latest is not None and now < latest else None


def _until(count: Count, *, free: int, first: timedelta, most: timedelta) -> datetime | None:
    if count.last is None:
        return None
    delay = growing_delay(count.failures, free=free, first=first, most=most)
    return count.last + delay if delay else None


def address_key(address: str | None) -> str:
    """What one client is counted as: its IPv4 address, or its IPv6 /64 (one household's or
    one server's block, which an attacker can walk through address by address)."""
    if not address:
        return "unknown"
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _duration(left: timedelta) -> str:
    seconds = max(1, int(left.total_seconds() + 0.999))
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
