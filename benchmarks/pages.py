"""How long each page takes at a given size of data, beside a floor page served the same way, in one run.

    .venv/bin/python benchmarks/pages.py --scale partnership
    .venv/bin/python benchmarks/pages.py --scale national --database postgresql+psycopg://postgres@127.0.0.1/mine --json

The tracker and the floor (`benchmarks/floor.py`: one 50-row query with its COUNT on the same actions
table) are each served by gunicorn on 127.0.0.1 with one worker, over the same database. The database
is generated first (`benchmarks/generate.py`) when it holds no reviews, and migrated otherwise; without
--database it is the SQLite file generate.py writes for the scale, kept for the next run.

Each page is signed in as its role and requested a few times to warm up; then every page is requested once a
round, round after round, each time just after a request of the floor page, so that each page and the floor
see the same machine through the run, whatever its pace from minute to minute. It prints each page's
median (p50) and 95th percentile (p95) in milliseconds, their ratios to the floor's, the HTML's size,
and the number of SQL queries the page runs (counted in a separate in-process request). The targets:
p50 within 3x the floor, p95 within 5x, and no page over 300 KB of HTML.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import generate  # noqa: E402
from benchmarks.progress import Progress  # noqa: E402

P50_TARGET, P95_TARGET, HTML_TARGET = 3.0, 5.0, 300 * 1024
_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
_PAGE_LINK = re.compile(r'<a[^>]*class="govuk-link govuk-pagination__link"[^>]*href="([^"]+)"')
_PAGE_NUMBER = re.compile(r"page=(\d+)")


@dataclass
class Page:
    name: str
    role: str
    path: str
    times: list[float] = field(default_factory=list)
    html_bytes: int = 0
    queries: int | None = None


class Browser:
    """One signed-in person: cookies kept, redirects not followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with self.opener.open(self.base + path, timeout=600) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as answered:
            return answered.code, answered.read()

    def sign_in(self, email: str) -> None:
        _, page = self.get("/sign-in")
        token = _TOKEN.search(page.decode())
        body = urllib.parse.urlencode(
            {"csrf_token": token.group(1) if token else "", "email": email, "password": generate.PASSWORD}
        ).encode()
        with self.opener.open(self.base + "/sign-in", data=body, timeout=60) as response:
            response.read()
        status, _ = self.get("/")
        if status != 200:
            raise SystemExit(f"Could not sign in as {email}: the home page answered {status}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(app: str, env: dict[str, str], log: Path) -> Iterator[str]:
    port = _free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "1",
                "--timeout",
                "600",
                "--bind",
                f"127.0.0.1:{port}",
                app,
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(base + "/", timeout=600).read()  # noqa: S310  (our own loopback server)
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def landmarks(url: str) -> dict[str, int]:
    """The records worth opening: the largest review, a recommendation of many actions, the longest history."""
    from sqlalchemy import create_engine, func, select

    from tracker.models import Action, ProgressUpdate, Recommendation, User
    from tracker.models.live import live_actions

    engine = create_engine(url)
    with engine.connect() as connection:
        by_review = (
            live_actions()
            .with_only_columns(Recommendation.review_id, func.count(Action.id))
            .group_by(Recommendation.review_id)
        )
        by_recommendation = (
            live_actions()
            .with_only_columns(Action.recommendation_id, func.count(Action.id))
            .group_by(Action.recommendation_id)
        )
        updates = select(ProgressUpdate.action_id, func.count(ProgressUpdate.id)).group_by(ProgressUpdate.action_id)
        found = {
            "review": connection.execute(by_review.order_by(func.count(Action.id).desc()).limit(1)).one()[0],
            "recommendation": connection.execute(
                by_recommendation.order_by(func.count(Action.id).desc()).limit(1)
            ).one()[0],
            "action": connection.execute(updates.order_by(func.count(ProgressUpdate.id).desc()).limit(1)).one()[0],
            "agency": connection.scalar(select(User.agency_id).where(User.email == generate.EMAILS["agency_lead"])),
        }
    engine.dispose()
    return found


def pages_for(marks: dict[str, int]) -> list[Page]:
    return [
        Page("agency lead home", "agency_lead", "/"),
        Page("subgroup home", "subgroup", "/"),
        Page("board home", "board", "/"),
        Page("administrator home", "admin", "/"),
        Page("overview", "subgroup", "/overview"),
        Page("board summary", "board", "/summary"),
        Page("/actions, first page", "subgroup", "/actions"),
        Page("/actions by agency", "subgroup", f"/actions?agency={marks['agency']}"),
        Page("/actions by RAG (red)", "subgroup", "/actions?rag=red"),
        Page("/actions by text", "subgroup", "/actions?q=MARAC"),
        Page("/actions, a deep page (linked)", "subgroup", ""),
        Page("/actions, the last page", "subgroup", ""),
        Page("/reviews", "subgroup", "/reviews"),
        Page("a large review", "subgroup", f"/reviews/{marks['review']}"),
        Page("a recommendation", "subgroup", f"/recommendations/{marks['recommendation']}"),
        Page("an action with a long history", "subgroup", f"/actions/{marks['action']}"),
        Page("/actions by target date", "subgroup", "/actions?sort=target_date"),
        Page("/actions by target date, latest first", "subgroup", "/actions?sort=-target_date"),
        Page("/actions by lead agency", "subgroup", "/actions?sort=agency"),
        Page("agency's drifting, by last update", "agency_lead", "/agency-actions?drifting=1&sort=updated"),
    ]


def _page_links(html: str) -> list[str]:
    return [urllib.parse.unquote(link).replace("&amp;", "&") for link in _PAGE_LINK.findall(html)]


def deep_and_last(browser: Browser, first_page: str) -> tuple[str, str]:
    """From the first page's pagination, the last page; and from the last page's, the page before it, by the
    link a person follows there (in RAG order it carries the row it continues from)."""
    numbered = [(int(m.group(1)), link) for link in _page_links(first_page) if (m := _PAGE_NUMBER.search(link))]
    if not numbered:
        return "/actions", "/actions"
    _, last = max(numbered)
    _, html = browser.get(last)
    before = [link for link in _page_links(html.decode()) if "before=" in link]
    if before:
        return before[0], last
    last_number = max(numbered)[0]
    return _PAGE_NUMBER.sub(f"page={max(1, last_number - 1)}", last), last


def count_queries(env: dict[str, str], pages: list[Page]) -> None:
    """Each page once more, in this process, counting the SQL statements it sends."""
    from flask import Flask
    from sqlalchemy import event

    os.environ.update(env)
    from tracker import create_app
    from tracker.db import db

    app: Flask = create_app()
    with app.app_context():
        engine = db.engine
    counted = {"n": 0}

    @event.listens_for(engine, "before_cursor_execute")
    def _count(*_: Any) -> None:
        counted["n"] += 1

    clients: dict[str, Any] = {}
    for page in pages:
        client = clients.get(page.role)
        if client is None:
            client = clients[page.role] = app.test_client()
            token = _TOKEN.search(client.get("/sign-in").get_data(as_text=True))
            client.post(
                "/sign-in",
                data={
                    "csrf_token": token.group(1) if token else "",
                    "email": generate.EMAILS[page.role],
                    "password": generate.PASSWORD,
                },
            )
            client.get("/")
        counted["n"] = 0
        client.get(page.path)
        page.queries = counted["n"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def app_environment(url: str, folder: Path) -> dict[str, str]:
    """The environment the tracker is run in over a benchmark's database, its files kept under `folder`."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "TRACKER_ENV": "development",
        "SECRET_KEY": "benchmark-not-secret",
        "EVIDENCE_DIR": str(folder / "evidence"),
        "REPORTS_DIR": str(folder / "reports"),
        "IMPORT_DIR": str(folder / "imports"),
    }
    env.pop("TEST_DATABASE_URL", None)
    return env


def run(scale: str, url: str, repeat: int, warm: int, budget: float) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    generate.ensure(url, scale)
    marks = landmarks(url)
    pages = pages_for(marks)
    folder = Path(tempfile.mkdtemp(prefix="tracker-pages-"))
    env = app_environment(url, folder)
    floor_times: list[float] = []
    with (
        served("tracker.wsgi:app", env, folder / "tracker.log") as base,
        served("benchmarks.floor:frozen_floor()", env, folder / "floor.log") as floor_base,
    ):
        floor = Browser(floor_base)
        browsers: dict[str, Browser] = {}
        for role in generate.EMAILS:
            browsers[role] = Browser(base)
            browsers[role].sign_in(generate.EMAILS[role])
        _, first = browsers["subgroup"].get("/actions")
        deep, last = deep_and_last(browsers["subgroup"], first.decode())
        pages[10].path, pages[11].path = deep, last
        for page in pages:
            browser = browsers[page.role]
            for _ in range(warm):
                floor.get("/")
                status, body = browser.get(page.path)
                if status != 200:
                    raise SystemExit(f"{page.name} ({page.path}) answered {status}")
            page.html_bytes = len(body)
        # Every page once a round, each just after the floor: measured page after page, a page that met a slower
        # minute of the machine was set against the floor of the whole run.
        progress = Progress("rounds of every page", repeat)
        started = time.monotonic()
        for measured in range(repeat):
            if measured >= 3 and time.monotonic() - started > budget * len(pages):
                break
            for page in pages:
                began = time.perf_counter()
                floor.get("/")
                floor_times.append(time.perf_counter() - began)
                began = time.perf_counter()
                browsers[page.role].get(page.path)
                page.times.append(time.perf_counter() - began)
            progress.advance()
        progress.finish()
    count_queries(env, pages)
    floor50, floor95 = percentile(floor_times, 0.5), percentile(floor_times, 0.95)
    return {
        "scale": scale,
        "database": make_url(url).get_backend_name(),
        "floor": {"p50_ms": round(floor50 * 1000, 1), "p95_ms": round(floor95 * 1000, 1)},
        "pages": [
            {
                "name": page.name,
                "path": page.path,
                "p50_ms": round(percentile(page.times, 0.5) * 1000, 1),
                "p95_ms": round(percentile(page.times, 0.95) * 1000, 1),
                "p50_ratio": round(percentile(page.times, 0.5) / floor50, 2),
                "p95_ratio": round(percentile(page.times, 0.95) / floor95, 2),
                "html_bytes": page.html_bytes,
                "queries": page.queries,
            }
            for page in pages
        ],
    }


def report(result: dict[str, Any]) -> None:
    floor = result["floor"]
    print(f"{result['scale']} scale on {result['database']}: floor p50 {floor['p50_ms']} ms, p95 {floor['p95_ms']} ms")
    print(f"{'page':<32} {'p50 ms':>8} {'x':>6} {'p95 ms':>8} {'x':>6} {'HTML KB':>8} {'queries':>7}  targets")
    missed = 0
    for page in result["pages"]:
        met = page["p50_ratio"] <= P50_TARGET and page["p95_ratio"] <= P95_TARGET and page["html_bytes"] <= HTML_TARGET
        missed += not met
        print(
            f"{page['name']:<32} {page['p50_ms']:>8.1f} {page['p50_ratio']:>6.2f} {page['p95_ms']:>8.1f} "
            f"{page['p95_ratio']:>6.2f} {page['html_bytes'] / 1024:>8.1f} {page['queries']!s:>7}  "
            f"{'met' if met else 'MISSED'}"
        )
    print(f"{len(result['pages']) - missed} of {len(result['pages'])} pages within p50 {P50_TARGET:g}x, "
          f"p95 {P95_TARGET:g}x and {HTML_TARGET // 1024} KB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=list(generate.SCALES), default="partnership")
    parser.add_argument(
        "--database", help="a SQLAlchemy URL; the scale's SQLite file in the temporary folder otherwise"
    )
    parser.add_argument("--repeat", type=int, default=40, help="rounds of every page measured (default 40)")
    parser.add_argument("--warm", type=int, default=3, help="requests of each page before measuring (default 3)")
    parser.add_argument(
        "--budget", type=float, default=60, help="seconds for each page after which the rounds stop (at least 3)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    options = parser.parse_args()
    url = options.database or generate.default_url(options.scale)
    result = run(options.scale, url, options.repeat, options.warm, options.budget)
    if options.json:
        print(json.dumps(result))
    else:
        report(result)


if __name__ == "__main__":
    main()
