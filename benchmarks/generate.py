"""Fictional data at the sizes the tracker is built for, written by bulk inserts into a migrated database.

    .venv/bin/python benchmarks/generate.py --scale partnership      # about 600 actions
    .venv/bin/python benchmarks/generate.py --scale region           # 15,000 actions
    .venv/bin/python benchmarks/generate.py --scale national --database postgresql+psycopg://postgres@127.0.0.1/mine

National: 150,000 actions on 5,000 reviews of 150 partnerships, 100 agencies, 600,000 progress updates,
150,000 evidence records, assurance decisions, target-date requests, meetings and a million audit events.
Every status, RAG colour, theme, review type and agency occurs; target dates run from years past to years
ahead. Sign-in users for each role (the subgroup and board members belong to every partnership, as a
national body's do) share one password, printed at the end. Without --database the data goes into an
SQLite file in the temporary folder. The database is migrated first and must hold no reviews.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import fiction  # noqa: E402
from benchmarks.progress import Progress, say  # noqa: E402
from benchmarks.writing import Writer  # noqa: E402
from tracker.rules.lifecycle import ActionStatus  # noqa: E402
from tracker.rules.rag import rag_dates  # noqa: E402

PASSWORD = "fictional benchmark data only"  # noqa: S105  (a throwaway database's)
EMAILS = {
    "admin": "admin@benchmark.example",
    "subgroup": "subgroup@benchmark.example",
    "board": "board@benchmark.example",
    "agency_lead": "lead@benchmark.example",
}


@dataclass(frozen=True)
class Scale:
    regions: int
    places: int
    agencies: int
    reviews: int
    actions: int
    updates: int
    evidence: int
    audit_events: int


SCALES = {
    "partnership": Scale(1, 1, 12, 20, 600, 2_400, 600, 4_000),
    "region": Scale(1, 6, 34, 500, 15_000, 60_000, 15_000, 100_000),
    "national": Scale(10, 50, 100, 5_000, 150_000, 600_000, 150_000, 1_000_000),
}
# Open statuses and their shares among open actions; closed ones are assured seven times in eight.
OPEN = [("not_started", 0.15), ("in_progress", 0.6), ("submitted", 0.15), ("returned", 0.1)]
UPDATES = {
    "not_started": 0.3,
    "in_progress": 4,
    "submitted": 5,
    "returned": 6,
    "assured": 4.4,
    "closed_not_achieved": 3,
}
EVIDENCE = {"not_started": 0, "in_progress": 0.5, "submitted": 1.8, "returned": 1.5, "assured": 1.3}


def default_url(scale: str) -> str:
    return f"sqlite:///{Path(tempfile.gettempdir()) / f'tracker-benchmark-{scale}.db'}"


def flask(url: str, *command: str) -> None:
    """A command of the tracker's own, on this database."""
    env = {**os.environ, "DATABASE_URL": url, "TRACKER_ENV": "development"}
    env.pop("TEST_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "tracker", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"flask {' '.join(command)} failed:\n{done.stdout}")


def ensure(url: str, scale: str) -> None:
    """The database generated at the scale where it holds no reviews yet, and migrated where it does."""
    from sqlalchemy import create_engine, func, select

    from tracker.models import Review

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            empty = not connection.scalar(select(func.count(Review.id)))
    except Exception:  # no tables yet: a new database
        empty = True
    engine.dispose()
    if empty:
        generate(url, scale)
    else:
        migrate(url)


def migrate(url: str) -> None:
    flask(url, "db", "upgrade")


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(9 + rng.randint(0, 8), rng.randint(0, 59)), tzinfo=UTC)


def _some(mean: float, rng: random.Random) -> int:
    """A whole number with this mean, spread from none to twice as many."""
    return int(rng.random() * (2 * mean + 1))


class Generator:
    def __init__(self, writer: Writer, scale: Scale, seed: int) -> None:
        self.w, self.s, self.rng = writer, scale, random.Random(seed)
        self.today = date.today()
        self.now = datetime.now(UTC)
        self.ids: dict[str, int] = {}
        self.audit_count = 0
        self.large = 40 if scale.reviews >= 500 else 12

    def next_id(self, table: str) -> int:
        self.ids[table] = self.ids.get(table, 0) + 1
        return self.ids[table]

    def audit(self, event: str, when: datetime, obj: tuple[str, int] | None, summary: str = "", **extra: Any) -> None:
        self.audit_count += 1
        self.w.add(
            "audit_events",
            {
                "id": self.next_id("audit_events"),
                "occurred_at": when,
                "actor_id": extra.get("actor_id"),
                "actor": extra.get("actor", "lead@agency.example"),
                "event": event,
                "object_type": obj[0] if obj else None,
                "object_id": obj[1] if obj else None,
                "summary": summary,
                "before": extra.get("before"),
                "after": extra.get("after"),
            },
        )

    # --- who and where -------------------------------------------------------------------------

    def people_and_places(self) -> None:
        rng, s = self.rng, self.s
        names = fiction.places(s.places + s.regions, rng)
        self.regions, self.place_names = names[: s.regions], names[s.regions :]
        self.partnerships: list[tuple[int, int, list[str]]] = []  # (id, place, review types)
        for place, name in enumerate(self.place_names):
            for kind, pattern, types in fiction.PARTNERSHIP_KINDS:
                pid = self.next_id("partnerships")
                self.partnerships.append((pid, place, types))
                self.w.add(
                    "partnerships",
                    {"id": pid, "name": pattern.format(p=name), "kind": kind, "area": name, "created_at": self.now},
                )
        self.agencies_of_place: dict[int, list[tuple[int, float]]] = {p: [] for p in range(s.places)}
        weights = [3, 2, 2, 1, 1, 0.5, 0.5, 1, 1, 1]
        for region, name in enumerate(self.regions):
            for (pattern, short), weight in zip(fiction.REGIONAL_KINDS, weights, strict=True):
                aid = self._agency(pattern.format(r=name), short)
                for place in range(region, s.places, s.regions):
                    self.agencies_of_place[place].append((aid, weight))
        place = 0
        while self.ids["agencies"] < s.agencies:
            pattern, short = fiction.LOCAL_KINDS[len(self.agencies_of_place[place]) - 10]
            self.agencies_of_place[place].append((self._agency(pattern.format(p=self.place_names[place]), short), 2))
            place = (place + 1) % s.places
        for name in fiction.THEMES:
            self.w.add("themes", {"id": self.next_id("themes"), "name": name, "active": True})
        self.w.flush_all()
        self.users()

    def _agency(self, name: str, short: str) -> int:
        aid = self.next_id("agencies")
        self.w.add(
            "agencies",
            {"id": aid, "name": name, "short_name": short, "aliases": "", "active": True, "created_at": self.now},
        )
        return aid

    def users(self) -> None:
        from tracker.services.passwords import hash_password

        hashed = hash_password(PASSWORD)
        self.leads: dict[int, list[int]] = {}
        for role, email in EMAILS.items():
            self._user(email, role, hashed, agency=1 if role == "agency_lead" else None)
        for pid, _, _ in self.partnerships:
            for role in ("subgroup", "board"):
                self.w.add("user_partnerships", {"user_id": self.user_ids[role], "partnership_id": pid})
        for aid in range(1, self.s.agencies + 1):
            for n in (1, 2):
                self._user(f"lead{n}.agency{aid}@benchmark.example", "agency_lead", hashed, agency=aid)
        self.w.flush_all()

    def _user(self, email: str, role: str, hashed: str, agency: int | None) -> None:
        uid = self.next_id("users")
        self.user_ids = getattr(self, "user_ids", {})
        self.user_ids.setdefault(role, uid)
        if agency is not None:
            self.leads.setdefault(agency, []).append(uid)
        self.w.add(
            "users",
            {
                "id": uid,
                "email": email,
                "name": fiction.person(self.rng) if email not in EMAILS.values() else f"Benchmark {role}",
                "password_hash": hashed,
                "role": role,
                "agency_id": agency,
                "active": True,
                "session_token": f"benchmark-{uid}-{self.rng.getrandbits(64):x}",
                "created_at": self.now,
            },
        )

    # --- reviews, recommendations, meetings ----------------------------------------------------

    def reviews(self) -> list[tuple[int, int, date]]:
        """(recommendation id, place, published) for every recommendation; one review is large."""
        rng, s = self.rng, self.s
        recommendations: list[tuple[int, int, date]] = []
        seen: dict[tuple[str, str, int], int] = {}
        progress = Progress("reviews", s.reviews)
        for n in range(s.reviews):
            pid, place, types = rng.choice(self.partnerships)
            kind = rng.choice(types)
            published = self.today - timedelta(days=rng.randint(30, 12 * 365))
            key = (kind, self.place_names[place][:4].upper(), published.year)
            seen[key] = seen.get(key, 0) + 1
            rid = self.next_id("reviews")
            withdrawn = rng.random() < 0.002
            self.w.add(
                "reviews",
                {
                    "id": rid,
                    "reference": f"{kind}-{key[1]}-{published.year}-{seen[key]:02d}",
                    "type": kind,
                    "title": f"{fiction.pseudonym(rng)}, {self.place_names[place]}",
                    "subjects": fiction.pseudonym(rng),
                    "partnership_id": pid,
                    "summary": "A fictional review written for measuring the tracker.",
                    "source_documents": "",
                    "commissioned_on": published - timedelta(days=rng.randint(300, 700)),
                    "completed_on": published - timedelta(days=rng.randint(10, 120)),
                    "published_on": published,
                    "created_at": _at(published, rng),
                    "withdrawn_at": self.now if withdrawn else None,
                    "withdrawn_reason": "Entered twice" if withdrawn else None,
                },
            )
            if rng.random() < 0.03:
                other = rng.choice([p for p in self.partnerships if p[1] == place and p[0] != pid])
                self.w.add("review_partnerships", {"review_id": rid, "partnership_id": other[0]})
            count = self.large if n == 0 else rng.randint(2, 12)
            for position in range(count):
                recommendations.append((self._recommendation(rid, position, place, published), place, published))
            progress.advance()
        self.w.flush_all()
        progress.finish()
        return recommendations

    def _recommendation(self, review_id: int, position: int, place: int, published: date) -> int:
        rng = self.rng
        rec = self.next_id("recommendations")
        withdrawn = rng.random() < 0.005
        self.w.add(
            "recommendations",
            {
                "id": rec,
                "review_id": review_id,
                "number": str(position + 1),
                "position": position,
                "title": fiction.recommendation_text(rng),
                "text": "",
                "scope": rng.choice(["local", "local", "local", "regional", "national"]),
                "created_at": _at(published, rng),
                "withdrawn_at": self.now if withdrawn else None,
                "withdrawn_reason": "Merged with another recommendation" if withdrawn else None,
            },
        )
        agencies = [a for a, _ in self.agencies_of_place[place]]
        for aid in rng.sample(agencies, rng.randint(1, 3)):
            self.w.add("recommendation_agencies", {"recommendation_id": rec, "agency_id": aid})
        for tid in rng.sample(range(1, len(fiction.THEMES) + 1), rng.randint(1, 3)):
            self.w.add("recommendation_themes", {"recommendation_id": rec, "theme_id": tid})
        return rec

    def meetings(self) -> None:
        for pid, _, _ in self.partnerships:
            last = self.today - timedelta(days=self.rng.randint(7, 80))
            for k in range(-1, 4):
                held = last - timedelta(days=91 * k)
                self.w.add(
                    "meetings",
                    {
                        "id": self.next_id("meetings"),
                        "partnership_id": pid,
                        "held_on": held,
                        "title": "Learning and improvement subgroup",
                        "other_attendees": "",
                        "created_at": _at(min(held, self.today), self.rng),
                    },
                )
        self.w.flush_all()

    # --- actions and what happens to them ------------------------------------------------------

    def actions(self, recommendations: list[tuple[int, int, date]]) -> None:
        rng, s = self.rng, self.s
        # The large review's recommendations hold five actions each, and its second recommendation many.
        large = [n for n in range(self.large) for _ in range(5)] + [1] * (self.large - 5)
        rest = rng.choices(range(self.large, len(recommendations)), k=s.actions - len(large))
        chosen = sorted(large + rest)
        self.long_history = s.actions // 2
        progress = Progress("actions, with their updates, evidence, decisions and audit trail", s.actions)
        position = 0
        for n, index in enumerate(chosen):
            position = position + 1 if n and chosen[n - 1] == index else 0
            self._action(*recommendations[index], position=position, long=n + 1 == self.long_history)
            if n % 2000 == 1999:
                self.w.flush_all()
            progress.advance()
        self.w.flush_all()
        progress.finish()

    def _status(self, published: date) -> str:
        rng = self.rng
        age = (self.today - published).days / 365
        if rng.random() < min(0.95, age / 6):
            return "assured" if rng.random() < 0.875 else "closed_not_achieved"
        return rng.choices([s for s, _ in OPEN], weights=[w for _, w in OPEN])[0]

    def _action(self, rec: int, place: int, published: date, *, position: int, long: bool) -> None:
        rng, today = self.rng, self.today
        aid = self.next_id("actions")
        status = self._status(published)
        agencies = self.agencies_of_place[place]
        lead = rng.choices([a for a, _ in agencies], weights=[w for _, w in agencies])[0]
        created = published + timedelta(days=rng.randint(0, 60))
        closed = status in ("assured", "closed_not_achieved")
        if closed:
            completed = created + timedelta(days=rng.randint(60, 900))
            if completed >= today:  # work on a recent review finished lately, not all on one day
                completed = max(created, today - timedelta(days=rng.randint(1, 120)))
            target = completed + timedelta(days=rng.randint(-60, 120))
            last_update = completed
        else:
            completed = None
            target = today + timedelta(days=rng.randint(-400, 600))
            last_update = max(created, today - timedelta(days=min(int(rng.expovariate(1 / 45)), 700)))
        no_date = rng.random() < 0.02
        original = target - timedelta(days=rng.choice([0, 0, 0, 90, 180]))
        created_at = _at(min(created, last_update), rng)
        owner_user = self.user_ids["agency_lead"] if lead == 1 and rng.random() < 0.03 else None
        withdrawn = rng.random() < 0.005
        kept_target = None if no_date else target
        amber_from, red_from = rag_dates(
            status=ActionStatus(status), target_date=kept_target, last_update_on=last_update
        )
        self.w.add(
            "actions",
            {
                "id": aid,
                "recommendation_id": rec,
                "position": position,
                "description": fiction.action_text(rng),
                "expected_outcome": "Practice changes and an audit shows it.",
                "measure": "Dip-sample audit of cases",
                "lead_agency_id": None if rng.random() < 0.01 else lead,
                "owner": "Benchmark agency_lead" if owner_user else fiction.owner(rng),
                "owner_user_id": owner_user,
                "target_date": kept_target,
                "amber_from": amber_from,
                "red_from": red_from,
                "target_order": kept_target or date.max,
                "original_target_date": None if no_date else original,
                "target_text": "Ongoing" if no_date else None,
                "milestones": "Plan agreed\nStaff briefed\nAudit",
                "status": status,
                "outcome_statement": fiction.outcome_text(rng) if status in ("submitted", "assured") else "",
                "completed_on": completed,
                "submitted_at": _at(today - timedelta(days=rng.randint(0, 60)), rng) if status == "submitted" else None,
                "last_update_on": last_update,
                "created_at": created_at,
                "updated_at": _at(last_update, rng),
                "version": 1,
                "withdrawn_at": self.now if withdrawn else None,
                "withdrawn_reason": "Duplicated another action" if withdrawn else None,
            },
        )
        this = ("Action", aid)
        self.audit("action.created", created_at, this, "Action created", after={"status": "not_started"})
        updates = 250 if long else _some(UPDATES[status], rng)
        authors = self.leads.get(lead, [None])
        span = max(1, (last_update - created).days)
        for k in range(updates):
            day = last_update if k == updates - 1 else created + timedelta(days=rng.randint(0, span))
            at = _at(day, rng)
            author = rng.choice(authors)
            self.w.add(
                "progress_updates",
                {
                    "id": self.next_id("progress_updates"),
                    "action_id": aid,
                    "author_id": author,
                    "written_on": day,
                    "narrative": fiction.update_text(rng),
                    "created_at": at,
                },
            )
            # Updates that came in with an imported plan have the import's record, not one each.
            if long or rng.random() < 0.75:
                self.audit("action.progress_updated", at, this, "", actor_id=author, after={"last_update_on": str(day)})
        for _ in range(_some(EVIDENCE.get(status, 0.5), rng)):
            at = _at(min(last_update, today), rng)
            self.w.add(
                "evidence",
                {
                    "id": self.next_id("evidence"),
                    "action_id": aid,
                    "kind": rng.choice(["completion", "completion", "impact"]),
                    "description": "Audit of cases after the change",
                    "url": f"https://evidence.benchmark.example/{aid}",
                    "uploaded_at": at,
                },
            )
            self.audit("evidence.added", at, this, "Audit of cases after the change")
        self._decisions(aid, status, completed, last_update)
        if not closed and rng.random() < 0.04:
            self._target_date_change(aid, target, last_update)

    def _decisions(self, aid: int, status: str, completed: date | None, last_update: date) -> None:
        rng, this = self.rng, ("Action", aid)
        outcomes = {"assured": ["assured"], "returned": ["returned"], "closed_not_achieved": ["closed_not_achieved"]}
        planned = outcomes.get(status, [])
        if status == "assured" and rng.random() < 0.2:
            planned = ["returned", "assured"]
        day = completed or last_update
        for outcome in planned:
            day = day + timedelta(days=rng.randint(3, 40))
            if day > self.today:  # decided at one of the recent meetings, not all today
                day = self.today - timedelta(days=rng.randint(0, 90))
            at = _at(day, rng)
            if outcome != "closed_not_achieved":
                self.audit("action.submitted", at - timedelta(days=3), this, "", after={"status": "submitted"})
            self.w.add(
                "assurance_decisions",
                {
                    "id": self.next_id("assurance_decisions"),
                    "action_id": aid,
                    "outcome": outcome,
                    "comment": "Discussed at the subgroup" if outcome == "assured" else "Show the audit of cases",
                    "meeting_on": day,
                    "decided_by_id": self.user_ids["subgroup"],
                    "decided_at": at,
                },
            )
            self.audit(f"action.{outcome}", at, this, "", actor_id=self.user_ids["subgroup"], after={"status": outcome})

    def _target_date_change(self, aid: int, target: date, last_update: date) -> None:
        rng = self.rng
        state = rng.choice(["pending", "pending", "agreed", "refused"])
        asked = _at(last_update, rng)
        self.w.add(
            "target_date_changes",
            {
                "id": self.next_id("target_date_changes"),
                "action_id": aid,
                "previous_date": target,
                "proposed_date": target + timedelta(days=rng.choice([30, 90, 180])),
                "reason": "Staff vacancies delayed the training.",
                "state": state,
                "requested_at": asked,
                "decided_at": None if state == "pending" else asked + timedelta(days=20),
                "decision_comment": "",
            },
        )
        self.audit("target_date.requested", asked, ("Action", aid), "Staff vacancies delayed the training.")

    def sign_ins(self) -> None:
        """The rest of a busy audit trail: people signing in."""
        missing = self.s.audit_events - self.audit_count
        progress = Progress("sign-ins in the audit trail", max(missing, 0))
        users = list(range(1, self.ids["users"] + 1))
        for n in range(missing):
            user = self.rng.choice(users)
            when = self.now - timedelta(minutes=self.rng.randint(1, 5 * 365 * 24 * 60))
            self.audit("sign_in.succeeded", when, ("User", user), "", actor_id=user, after={"from": "10.0.0.1"})
            if n % 20_000 == 19_999:
                self.w.flush_all()
            progress.advance()
        self.w.flush_all()
        progress.finish()


def settle(url: str) -> None:
    """On PostgreSQL, vacuum what was loaded, as autovacuum does in time: until then no row of a bulk load is
    known to be visible to all, so every read from an index alone (a count among them) visits the table too,
    and pages measured on the fresh load would be measured against a floor that autovacuum later halves."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if make_url(url).get_backend_name() != "postgresql":
        return
    say("Vacuuming what was loaded (VACUUM ANALYZE)")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("VACUUM (ANALYZE)"))
    engine.dispose()


def generate(url: str, scale_name: str, *, seed: int = 12) -> dict[str, Any]:
    from sqlalchemy import create_engine, func, select

    from tracker.models import Review

    say(f"Migrating {url}")
    migrate(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        if connection.scalar(select(func.count(Review.id))):
            raise SystemExit("That database already holds reviews: generate into an empty one.")
    scale = SCALES[scale_name]
    with Writer(engine) as writer:
        generator = Generator(writer, scale, seed)
        generator.people_and_places()
        generator.meetings()
        generator.actions(generator.reviews())
        generator.sign_ins()
    engine.dispose()
    say("Counting the figures and working out RAG at each quarter end (flask figures)")
    flask(url, "figures")
    settle(url)
    counts = writer.counts
    say("Written: " + ", ".join(f"{table} {count:,}" for table, count in sorted(counts.items())))
    return {"scale": scale_name, "database": url, "counts": counts, "password": PASSWORD, "users": EMAILS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=list(SCALES), default="partnership")
    parser.add_argument("--database", help="a SQLAlchemy URL; an SQLite file in the temporary folder otherwise")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", action="store_true", help="print what was written as one JSON object")
    options = parser.parse_args()
    url = options.database or default_url(options.scale)
    summary = generate(url, options.scale, seed=options.seed)
    if options.json:
        print(json.dumps(summary))
        return
    print(f"{options.scale} scale written to {url}")
    for role, email in EMAILS.items():
        print(f"  {role:<12} {email}")
    print(f"  password     {PASSWORD}")


if __name__ == "__main__":
    main()
