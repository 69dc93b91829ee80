"""Settings, read from the environment once, when the application is created."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent
INSTANCE = ROOT / "instance"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


class Config:
    SERVICE_NAME = "Review learning tracker"
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE / 'tracker.db'}")
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, object]] = {"pool_pre_ping": True}
    # SQLite only: how long a writer waits for another to finish before the request fails.
    SQLITE_BUSY_TIMEOUT_MS = _int("SQLITE_BUSY_TIMEOUT_MS", 20_000)
    # SQLite only: the pages each database connection keeps in memory, in MB.
    SQLITE_CACHE_MB = _int("SQLITE_CACHE_MB", 64)
    EVIDENCE_DIR = Path(os.environ.get("EVIDENCE_DIR", INSTANCE / "evidence"))
    REPORTS_DIR = Path(os.environ.get("REPORTS_DIR", ROOT / "reports"))
    # Reports: the protective marking printed on every page, and the tracker's address (such as
    # https://tracker.example.gov.uk) so that a workbook's action references open the action's page.
    REPORT_MARKING = os.environ.get("REPORT_MARKING", "OFFICIAL-SENSITIVE")
    BASE_URL = os.environ.get("BASE_URL", "")
    # Uploaded import files wait here, under generated names, between the preview and the confirmation.
    IMPORT_DIR = Path(os.environ.get("IMPORT_DIR", INSTANCE / "imports"))
    # Reminders (`flask remind`): sent through this SMTP server; with no SMTP_HOST, each email is written
    # as an .eml file to MAIL_OUTBOX_DIR instead, so that nothing is lost and the demo shows them.
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = _int("SMTP_PORT", 587)
    SMTP_USE_TLS = os.environ.get("SMTP_USE_TLS", "1") != "0"
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "Review learning tracker <tracker@localhost>")
    MAIL_OUTBOX_DIR = Path(os.environ.get("MAIL_OUTBOX_DIR", INSTANCE / "outbox"))
    EVIDENCE_MAX_BYTES = _int("EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
    IMPORT_MAX_BYTES = _int("IMPORT_MAX_BYTES", 20 * 1024 * 1024)
    # A page imports a plan of up to this many recommendations and actions; larger files are for the command line.
    IMPORT_WEB_MAX_ROWS = _int("IMPORT_WEB_MAX_ROWS", 5_000)
    # A confirmed import of more recommendations and actions than this runs as a background job (0: every one).
    IMPORT_JOB_ROWS = _int("IMPORT_JOB_ROWS", 200)
    # Background jobs (reports, large imports): on RQ through this Redis when it is set, run by
    # `flask --app tracker worker`; otherwise in JOB_THREADS background threads of each app process.
    REDIS_URL = os.environ.get("REDIS_URL", "")
    JOB_QUEUE = os.environ.get("JOB_QUEUE", "tracker")
    JOB_THREADS = _int("JOB_THREADS", 2)
    # A job silent this long while running, or waiting this long for a worker, is marked failed.
    JOB_STALE_MINUTES = _int("JOB_STALE_MINUTES", 10)
    JOB_WAIT_MINUTES = _int("JOB_WAIT_MINUTES", 60)
    # RQ stops a job that runs longer than this.
    JOB_TIMEOUT_MINUTES = _int("JOB_TIMEOUT_MINUTES", 30)
    JOBS_INLINE = False
    # Flask refuses bodies above this before any view runs; keep room for form fields.
    MAX_CONTENT_LENGTH = max(EVIDENCE_MAX_BYTES, IMPORT_MAX_BYTES) + 1024 * 1024
    SESSION_IDLE_MINUTES = _int("SESSION_IDLE_MINUTES", 30)
    # Retention (`flask retention run`): a withdrawn evidence file, and a generated report, are removed
    # this many days after withdrawal or production; their records stay.
    EVIDENCE_RETENTION_DAYS = _int("EVIDENCE_RETENTION_DAYS", 180)
    REPORT_RETENTION_DAYS = _int("REPORT_RETENTION_DAYS", 365)
    # How many reverse proxies stand in front of the app: their X-Forwarded-* headers are trusted.
    PROXY_COUNT = _int("PROXY_COUNT", 0)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "1") != "0"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # the session lifetime bounds the token instead
    # Sign-in throttling (tracker.rules.throttle): failures count for a day; after this many from one
    # address on one account, each attempt there waits longer (30 seconds, doubling, up to an hour).
    SIGN_IN_WINDOW_HOURS = _int("SIGN_IN_WINDOW_HOURS", 24)
    SIGN_IN_FREE_ATTEMPTS = _int("SIGN_IN_FREE_ATTEMPTS", 5)
    # The longest that failures from other addresses can make an account's owner wait.
    SIGN_IN_MOST_DELAY_FROM_ELSEWHERE_SECONDS = _int("SIGN_IN_MOST_DELAY_FROM_ELSEWHERE_SECONDS", 60)
    # One address with this many failures on any accounts is refused until a day after its last one.
    SIGN_IN_REFUSE_ADDRESS_AFTER = _int("SIGN_IN_REFUSE_ADDRESS_AFTER", 50)
    # Roles that must sign in with a code from an authenticator app as well as a password.
    TWO_FACTOR_ROLES = os.environ.get("TWO_FACTOR_ROLES", "admin,subgroup")
    DEVELOPMENT = False
    TESTING = False


class DevelopmentConfig(Config):
    """`make run`: plain HTTP on localhost, so the session cookie cannot be Secure."""

    DEVELOPMENT = True
    SESSION_COOKIE_SECURE = False
    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-not-secret")
    # The demo can be tried without an authenticator app; anyone may still turn it on.
    TWO_FACTOR_ROLES = os.environ.get("TWO_FACTOR_ROLES", "")


class TestConfig(Config):
    TESTING = True
    DEVELOPMENT = True
    SESSION_COOKIE_SECURE = False
    SECRET_KEY = "test-only-not-secret"  # noqa: S105  (signs nothing outside the test suite)
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
    SERVER_NAME = "tracker.test"
    TWO_FACTOR_ROLES = ""
    # Each test's rolled-back connection cannot be shared with a thread: a job runs as its request commits,
    # and a test that wants Redis sets REDIS_URL itself.
    JOBS_INLINE = True
    REDIS_URL = ""


CONFIGS = {"development": DevelopmentConfig, "production": Config, "test": TestConfig}


def from_environment() -> type[Config]:
    return CONFIGS[os.environ.get("TRACKER_ENV", "development")]
