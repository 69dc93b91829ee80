"""Fixtures: one app for the session, a rolled-back transaction per test, a client per role."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, has_app_context
from flask import session as flask_session
from flask.globals import app_ctx
from flask.testing import FlaskClient
from flask_login import login_user
from flask_sqlalchemy.session import Session
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import scoped_session, sessionmaker

from config import TestConfig
from tracker import create_app
from tracker.db import db
from tracker.models import User
from tracker.rules.vocabulary import Role

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    root = tmp_path_factory.mktemp("tracker")

    class Settings(TestConfig):
        SQLALCHEMY_DATABASE_URI = _of_this_worker(TestConfig.SQLALCHEMY_DATABASE_URI)
        EVIDENCE_DIR = root / "evidence"
        REPORTS_DIR = root / "reports"
        IMPORT_DIR = root / "imports"

    app = create_app(Settings)
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.drop_all()


def _of_this_worker(url: str) -> str:
    """Run in several processes (`pytest -n`), each has a database of its own on the server, made afresh, since
    each makes and drops every table; an in-memory SQLite database is each process's own already."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or make_url(url).get_backend_name() == "sqlite":
        return url
    own = f"{make_url(url).database}_{worker}"
    server = create_engine(make_url(url), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{own}"'))
    server.dispose()
    return make_url(url).set(database=own).render_as_string(hide_password=False)


class ConnectionSession(Session):
    """Flask-SQLAlchemy picks the engine itself; in tests every session must use the test's connection."""

    def get_bind(self, *args: Any, **kwargs: Any) -> Any:
        return self.bind


def _scope() -> Any:
    """Each request's app context gets its own session; the test body, outside any context, shares one."""
    return id(app_ctx._get_current_object()) if has_app_context() else "test"


@pytest.fixture(autouse=True)
def database(app: Flask) -> Iterator[Any]:
    """Each test runs inside a transaction that is rolled back; the app's commits become savepoints.

    No app context stays pushed during the test, so that every request gets a fresh `g`
    and its own session, exactly as in production.
    """
    with app.app_context():
        connection = db.engine.connect()
    outer = connection.begin()
    original = db.session
    db.session = scoped_session(
        sessionmaker(class_=ConnectionSession, db=db, bind=connection, join_transaction_mode="create_savepoint"),
        scopefunc=_scope,
    )
    try:
        yield db.session
    finally:
        db.session.remove()
        db.session = original
        outer.rollback()
        connection.close()


class TrackerClient(FlaskClient):
    """A test client that can sign in without the password round trip, and carries a CSRF token."""

    def sign_in_as(self, user: User) -> TrackerClient:
        # Flask-Login's strong session protection binds the session to the client's address and agent,
        # so the session is made by login_user in a request from the same address and agent.
        with self.application.test_request_context(environ_base=self.environ_base):
            login_user(user)
            signed_in = dict(flask_session)
        with self.session_transaction() as session:
            session.update(signed_in)
        return self

    def csrf_token(self) -> str:
        """Flask-WTF's token: a random value in the session, signed in the form."""
        with self.session_transaction() as session:
            raw = session.setdefault("csrf_token", secrets.token_hex(20))
        signer = URLSafeTimedSerializer(self.application.config["SECRET_KEY"], salt="wtf-csrf-token")
        return str(signer.dumps(raw))

    def post_form(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token())
        return self.post(url, data=data, **kwargs)


@pytest.fixture
def client(app: Flask) -> TrackerClient:
    app.test_client_class = TrackerClient
    return app.test_client()  # type: ignore[return-value]


@pytest.fixture
def users(database: Any) -> dict[str, User]:
    from tests.factories import AgencyFactory, UserFactory

    police = AgencyFactory(name="Northshire Police", short_name="Police")
    health = AgencyFactory(name="Northshire Mental Health NHS Trust", short_name="NMHT")
    return {
        "admin": UserFactory(role=Role.ADMIN),
        "subgroup": UserFactory(role=Role.SUBGROUP),
        "board": UserFactory(role=Role.BOARD),
        "agency_lead": UserFactory(role=Role.AGENCY_LEAD, agency=police),
        "other_lead": UserFactory(role=Role.AGENCY_LEAD, agency=health),
    }


@pytest.fixture
def client_for(app: Flask, users: dict[str, User]) -> Any:
    def make(role: str) -> TrackerClient:
        app.test_client_class = TrackerClient
        client: TrackerClient = app.test_client()  # type: ignore[assignment]
        return client.sign_in_as(users[role])

    return make


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)]


@pytest.fixture
def files_dir() -> Path:
    return Path(__file__).parent / "files"


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []
        self.parameters: list[Any] = []  # each statement's values, in turn

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(app: Flask) -> Any:
    """`with count_queries() as counted: client.get(url)`; then `counted.count` is the number of statements."""
    from contextlib import contextmanager

    from sqlalchemy import event

    @contextmanager
    def counting() -> Iterator[QueryCounter]:
        counter = QueryCounter()
        with app.app_context():
            engine = db.engine

        def before(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
            if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
                counter.statements.append(statement)
                counter.parameters.append(parameters)

        event.listen(engine, "before_cursor_execute", before)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", before)

    return counting
