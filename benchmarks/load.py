"""Many people at once: N clients for S seconds against gunicorn with 4 workers, on SQLite or PostgreSQL.

Each client signs in as a demo user and then, until the time is up, views pages, writes (progress
updates and evidence links as agency leads; returns of submitted actions as subgroup members, which
the leads answer and submit again), now and then signs out and in again, and as a subgroup member now
and then asks for the board's standard report and follows its job until it is ready. Every write carries a
token; a write the server acknowledged (it redirected) but whose token is not in the database
afterwards is a lost write. Traffic goes to 127.0.0.1 only, and the run stops by itself.

    .venv/bin/python benchmarks/load.py --database sqlite --clients 20 --seconds 60
    .venv/bin/python benchmarks/load.py --database postgresql --clients 50 --seconds 60
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import queue
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "a demo password for the load test"  # noqa: S105  (the throwaway demo database's)
MOST_CLIENTS, MOST_SECONDS = 200, 600
LEADS = [
    "police.lead@northbridge.example",
    "asc.lead@northbridge.example",
    "mentalhealth.lead@northbridge.example",
]
SUBGROUP = "subgroup@northbridge.example"
POLICE = LEADS[0]
_HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
_NAME = re.compile(r'name="([^"]+)"')
_VALUE = re.compile(r'value="([^"]*)"')
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Tally:
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    writes: dict[str, list[str]] = field(default_factory=lambda: {"update": [], "evidence": [], "decision": []})
    # Assurance reports asked for, by how they ended: produced, failed, refused or unfinished.
    reports: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int, seconds: float) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            self.latencies.append(seconds)

    def report(self, outcome: str) -> None:
        with self.lock:
            self.reports[outcome] += 1

    def wrote(self, kind: str, token: str) -> None:
        with self.lock:
            self.writes[kind].append(token)


class Client:
    def __init__(self, base: str, email: str, tally: Tally) -> None:
        self.base, self.email, self.tally = base, email, tally
        self.location = ""
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def request(self, path: str, data: dict[str, Any] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        started = time.perf_counter()
        self.location = ""
        try:
            with self.opener.open(self.base + path, data=body, timeout=120) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as answered:
            status, text = answered.code, answered.read().decode("utf-8", "replace")
            self.location = answered.headers.get("Location", "")
        except (urllib.error.URLError, OSError):
            status, text = 0, ""
        self.tally.add(status, time.perf_counter() - started)
        return status, text

    def write(self, path: str, fields: dict[str, Any]) -> bool:
        """Post a form as a browser would and follow the redirect: acknowledged means the success banner."""
        if self.form(path, fields) != 302 or not self.location:
            return False
        target = self.location
        location = urllib.parse.urlsplit(target)
        status, page = self.request(location.path + (f"?{location.query}" if location.query else ""))
        return status == 200 and "govuk-notification-banner--success" in page

    def form(self, path: str, fields: dict[str, Any]) -> int:
        status, page = self.request(path)
        if status != 200:
            return status
        hidden = {}
        for tag in _HIDDEN.findall(page):
            name, value = _NAME.search(tag), _VALUE.search(tag)
            if name:
                hidden[name.group(1)] = value.group(1) if value else ""
        return self.request(path, {**hidden, **fields})[0]

    def produce_report(self, deadline: float) -> None:
        """Ask for the board's standard report, as a job, and follow its page until it is ready or fails."""
        token = self.csrf_token("/reports")
        if not token or self.request("/reports/standard", {"csrf_token": token})[0] != 302:
            self.tally.report("refused")
            return
        job = urllib.parse.urlsplit(self.location).path
        while time.monotonic() < deadline + 60:
            status, page = self.request(job)
            if status != 200 or "could not be produced" in page:
                self.tally.report("failed")
                return
            if "The assurance report is ready" in page:
                self.tally.report("produced")
                return
            time.sleep(0.5)
        self.tally.report("unfinished")

    def sign_in(self) -> bool:
        return self.form("/sign-in", {"email": self.email, "password": PASSWORD}) == 302

    def sign_out(self) -> None:
        token = self.csrf_token("/")
        if token:
            self.request("/sign-out", {"csrf_token": token})

    def csrf_token(self, path: str) -> str:
        """The token a page's forms carry, for posting a form that has no fields of its own."""
        _, page = self.request(path)
        found = _CSRF.search(page)
        return found.group(1) if found else ""


def today() -> list[str]:
    day = date.today()
    return [str(day.day), str(day.month), str(day.year)]


def run_client(client: Client, role: str, plan: Plan, deadline: float) -> None:
    rng = random.Random(client.email + str(id(client)))
    if not client.sign_in():
        return
    own = plan.actions.get(client.email, [])
    while time.monotonic() < deadline:
        roll = rng.random()
        if roll < 0.05:
            client.sign_out()
            client.sign_in()
        elif role == "subgroup" and roll < 0.07:
            client.produce_report(deadline)
        elif roll < 0.55 or (role == "lead" and not own):
            pages = ["/", "/reviews"] + [f"/actions/{a}" for a in own[:5]]
            if role == "subgroup":
                pages += ["/actions", "/overview"] + [f"/actions/{a}" for a in plan.any_actions[:5]]
            client.request(rng.choice(pages))
        elif role == "subgroup":
            try:
                action_id = plan.submitted.get_nowait()
            except queue.Empty:
                client.request("/")
                continue
            token = f"decision-{uuid.uuid4().hex}"
            fields = {"outcome": "returned", "comment": f"Show the audit. {token}", "meeting_on": today()}
            if client.write(f"/actions/{action_id}/decide", fields):
                client.tally.wrote("decision", token)
                plan.returned.put(action_id)
            else:
                plan.submitted.put(action_id)
        elif own is plan.actions[POLICE] and roll < 0.75 and not plan.returned.empty():
            try:
                action_id = plan.returned.get_nowait()
            except queue.Empty:
                continue
            token = f"update-{uuid.uuid4().hex}"
            answered = client.write(
                f"/actions/{action_id}/updates/new",
                {"written_on": today(), "narrative": f"Answered the challenge. {token}"},
            )
            if answered:
                client.tally.wrote("update", token)
                answered = client.write(
                    f"/actions/{action_id}/submit",
                    {"outcome_statement": "The audit shows every referral made.", "completed_on": today()},
                )
            (plan.submitted if answered else plan.returned).put(action_id)
        elif roll < 0.8:
            token = f"update-{uuid.uuid4().hex}"
            if client.write(
                f"/actions/{rng.choice(own)}/updates/new", {"written_on": today(), "narrative": f"Progress. {token}"}
            ):
                client.tally.wrote("update", token)
        else:
            token = f"evidence-{uuid.uuid4().hex}"
            fields = {
                "kind": "completion",
                "description": f"Training register {token}",
                "url": f"https://partnership.example/{token}",
            }
            if client.write(f"/actions/{rng.choice(own)}/evidence/new", fields):
                client.tally.wrote("evidence", token)


@dataclass
class Plan:
    actions: dict[str, list[int]]
    any_actions: list[int]
    people: list[tuple[str, str]]
    submitted: queue.Queue[int] = field(default_factory=queue.Queue)
    returned: queue.Queue[int] = field(default_factory=queue.Queue)


def prepare(database_url: str, folder: Path, clients: int) -> tuple[dict[str, str], Plan]:
    env = {
        **os.environ,
        "TRACKER_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "load-test-not-secret",
        "EVIDENCE_DIR": str(folder / "evidence"),
        "REPORTS_DIR": str(folder / "reports"),
        "IMPORT_DIR": str(folder / "imports"),
        "TRACKER_DEMO_PASSWORD": PASSWORD,
    }
    env.pop("TEST_DATABASE_URL", None)
    for step in (["db", "upgrade"], ["demo"]):
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "tracker", *step],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=600,
        )
    from sqlalchemy import select

    from tracker.models import Action, Evidence, User
    from tracker.rules import lifecycle
    from tracker.rules.lifecycle import ActionStatus
    from tracker.rules.vocabulary import EvidenceKind

    engine = create_engine(database_url)
    from sqlalchemy.orm import Session

    from tracker import clock

    with Session(engine) as session:
        actions: dict[str, list[int]] = {}
        for email in LEADS:
            lead = session.scalar(select(User).where(User.email == email))
            assert lead is not None, email
            actions[email] = list(
                session.scalars(
                    select(Action.id)
                    .where(Action.lead_agency_id == lead.agency_id, Action.status.in_(lifecycle.NOT_SUBMITTED))
                    .order_by(Action.id)
                )
            )
        # Half the police actions wait for a decision, each with its evidence, so that decisions can be made.
        police = actions[POLICE]
        waiting, actions[POLICE] = police[: len(police) // 2], police[len(police) // 2 :]
        for action in session.scalars(select(Action).where(Action.id.in_(waiting))):
            lifecycle.place(action, ActionStatus.SUBMITTED, at=clock.now())
            action.outcome_statement = "Every referral audited."
            session.add(
                Evidence(
                    action=action,
                    kind=EvidenceKind.COMPLETION,
                    description="Audit",
                    url="https://partnership.example/audit",
                )
            )
        # One account for each client, as each person has their own: signing out ends only their sessions.
        people: list[tuple[str, str]] = []
        for n in range(clients):
            model_email = SUBGROUP if n % 5 == 4 else LEADS[n % len(LEADS)]
            model = session.scalar(select(User).where(User.email == model_email))
            assert model is not None
            person = User(
                email=f"client{n}@load.example",
                name=f"Load client {n}",
                role=model.role,
                agency_id=model.agency_id,
                password_hash=model.password_hash,
            )
            for name in ("partnerships",):
                if hasattr(model, name):
                    setattr(person, name, list(getattr(model, name)))
            session.add(person)
            people.append(("subgroup" if n % 5 == 4 else "lead", person.email))
            actions[person.email] = actions.get(model_email, [])
        session.commit()
        any_actions = list(session.scalars(select(Action.id).order_by(Action.id).limit(20)))
    engine.dispose()
    plan = Plan(actions, any_actions, people)
    for action_id in waiting:
        plan.submitted.put(action_id)
    return env, plan


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def lost_writes(database_url: str, tally: Tally) -> dict[str, int]:
    from sqlalchemy import select

    from tracker.models import AssuranceDecision, Evidence, ProgressUpdate

    columns = {
        "update": ProgressUpdate.narrative,
        "evidence": Evidence.description,
        "decision": AssuranceDecision.comment,
    }
    engine = create_engine(database_url)
    lost = {}
    with engine.connect() as connection:
        for kind, column in columns.items():
            stored = " ".join(connection.scalars(select(column)))
            lost[kind] = sum(1 for token in tally.writes[kind] if token not in stored)
    engine.dispose()
    return lost


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


@dataclass
class Served:
    base: str
    database_url: str
    plan: Plan
    log: Path


@contextmanager
def serving(database: str, *, clients: int, workers: int, server_url: str) -> Iterator[Served]:
    """The demo on a fresh database of its own, served by gunicorn on 127.0.0.1; all gone afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-load-"))
    created = None
    try:
        if database == "sqlite":
            database_url = f"sqlite:///{folder / 'tracker.db'}"
        else:
            created = f"tracker_load_{uuid.uuid4().hex[:8]}"
            _on_server(server_url, f'CREATE DATABASE "{created}"')
            database_url = make_url(server_url).set(database=created).render_as_string(hide_password=False)
        env, plan = prepare(database_url, folder, clients)
        port = free_port()
        log_path = folder / "gunicorn.log"
        with log_path.open("w") as log:
            command = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
            server_process = subprocess.Popen(
                [*command, "--timeout", "120", "tracker.wsgi:app"], cwd=ROOT, env=env, stdout=log, stderr=log
            )
            base = f"http://127.0.0.1:{port}"
            try:
                for _ in range(300):
                    try:
                        urllib.request.urlopen(base + "/sign-in", timeout=2).read()  # noqa: S310  (our own loopback server)
                        break
                    except OSError:
                        time.sleep(0.1)
                yield Served(base, database_url, plan, log_path)
            finally:
                server_process.terminate()
                server_process.wait(timeout=30)
    finally:
        if created is not None:
            _on_server(server_url, f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')
        shutil.rmtree(folder, ignore_errors=True)


def _on_server(server_url: str, statement: str) -> None:
    server = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(statement))
    server.dispose()


def run(database: str, clients: int, seconds: int, workers: int, server_url: str) -> dict[str, Any]:
    clients, seconds = min(clients, MOST_CLIENTS), min(seconds, MOST_SECONDS)
    with serving(database, clients=clients, workers=workers, server_url=server_url) as served:
        tally = Tally()
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=run_client, args=(Client(served.base, email, tally), role, served.plan, deadline))
            for role, email in served.plan.people
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 180)
        elapsed = time.monotonic() - started
        lost = lost_writes(served.database_url, tally)
        server_errors = sum(count for status, count in tally.statuses.items() if status >= 500 or status == 0)
        return {
            "database": database,
            "clients": clients,
            "seconds": seconds,
            "workers": workers,
            "elapsed": round(elapsed, 1),
            "requests": tally.requests,
            "statuses": dict(sorted(tally.statuses.items())),
            "server_errors": server_errors,
            "writes": {kind: len(tokens) for kind, tokens in tally.writes.items()},
            "lost_writes": sum(lost.values()),
            "reports": dict(tally.reports),
            "p50_ms": round(percentile(tally.latencies, 0.50) * 1000),
            "p95_ms": round(percentile(tally.latencies, 0.95) * 1000),
            "log_tail": served.log.read_text(errors="replace")[-8000:] if server_errors else "",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--server-url",
        default=os.environ.get("TEST_DATABASE_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="A PostgreSQL server to create the load test's own database on (and drop it after).",
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as one JSON object.")
    options = parser.parse_args()
    result = run(options.database, options.clients, options.seconds, options.workers, options.server_url)
    if options.json:
        print(json.dumps(result))
        return
    print(f"{result['database']}: {result['clients']} clients for {result['seconds']} s, {result['workers']} workers")
    print(f"requests {result['requests']}, by status {result['statuses']}")
    print(
        f"server errors {result['server_errors']}; writes acknowledged {result['writes']}; lost {result['lost_writes']}"
    )
    print(f"assurance reports asked for, by outcome: {result['reports']}")
    print(f"latency p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")
    if result["log_tail"]:
        print(result["log_tail"])


if __name__ == "__main__":
    main()
