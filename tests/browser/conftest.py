"""The tracker served on 127.0.0.1 from a fresh database, and Debian's Chromium driven by Playwright.

The server runs in a process of its own: the suite's autouse `database` fixture swaps the
shared `db.session` for a rolled-back one, and a server thread in this process would use it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from tests.browser.pages import AXE, SCREENSHOTS, WATCH_CSP, error_summary_has_focus, page_problems, screenshot

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a demo password for the browser tests"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EMAILS = {
    "admin": "admin@northbridge.example",
    "subgroup": "subgroup@northbridge.example",
    "board": "board@northbridge.example",
    "agency_lead": "police.lead@northbridge.example",
}


def chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = None
    if chromium() is None:
        reason = "Chromium is not installed (apt-get install -y chromium): the browser tests need /usr/bin/chromium"
    elif os.environ.get("TEST_DATABASE_URL"):
        # The served tracker always has its own SQLite database, so a second pass would repeat
        # the first unchanged; `make test` runs them in its SQLite pass.
        reason = "browser tests run in the SQLite pass of make test only (the served tracker has its own database)"
    if reason:
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(pytest.mark.skip(reason=reason))


@dataclass
class LiveServer:
    url: str
    database_url: str
    folder: Path
    process: subprocess.Popen[str]
    log_file: Any = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Read the served database directly, apart from the app (for sample objects and checks)."""
        engine = create_engine(self.database_url)
        try:
            with Session(engine) as session:
                yield session
        finally:
            engine.dispose()

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""


def start_server(folder: Path) -> LiveServer:
    database_url = f"sqlite:///{folder / 'live.db'}"
    env = {
        **os.environ,
        "TRACKER_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "browser-tests-not-secret",
        "EVIDENCE_DIR": str(folder / "evidence"),
        "REPORTS_DIR": str(folder / "reports"),
        "IMPORT_DIR": str(folder / "imports"),
        "TRACKER_DEMO_PASSWORD": PASSWORD,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("TEST_DATABASE_URL", None)
    env.pop("SERVER_NAME", None)
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.browser.live_server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("serving on"):
        process.wait(timeout=10)
        process.stdout.close()
        log.close()
        pytest.fail(f"the tracker did not start:\n{(folder / 'server.log').read_text(errors='replace')[-4000:]}")
    return LiveServer(f"http://127.0.0.1:{int(line.split()[-1])}", database_url, folder, process, log)


def stop_server(server: LiveServer) -> None:
    server.process.send_signal(signal.SIGINT)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    if server.process.stdout:
        server.process.stdout.close()
    if server.log_file:
        server.log_file.close()


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """Start a tracker on a fresh database: `server = serve()`. All are stopped at the end."""
    started: list[LiveServer] = []
    folders: list[tempfile.TemporaryDirectory[str]] = []

    def make() -> LiveServer:
        folder = tempfile.TemporaryDirectory(prefix="tracker-live-")
        folders.append(folder)
        server = start_server(Path(folder.name))
        started.append(server)
        return server

    yield make
    for server in started:
        stop_server(server)
    for folder in folders:
        folder.cleanup()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci` (make test does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Visitor:
    """One person's browser tab on the served tracker, checking every page it reaches."""

    page: Any
    server: LiveServer
    folder: str
    problems: list[str] = field(default_factory=list)
    shots: int = 0
    keep_screenshots: bool = True

    def goto(self, path: str) -> Any:
        return self.page.goto(self.server.url + path)

    @property
    def path(self) -> str:
        return self.page.url.removeprefix(self.server.url)

    def sign_in(self, role_or_email: str, password: str = PASSWORD) -> None:
        self.goto("/sign-in")
        self.page.get_by_label("Email address", exact=True).fill(EMAILS.get(role_or_email, role_or_email))
        self.page.get_by_label("Password", exact=True).fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_load_state()
        assert "/sign-in" not in self.page.url, f"could not sign in as {role_or_email}"

    def check(self, name: str, *, signed_in: bool = True, errors: bool = False) -> None:
        """The page as it stands passes every check; its screenshot is kept under test-output/."""
        self.page.wait_for_load_state()
        problems = page_problems(self.page, signed_in=signed_in)
        problems += [f"script error: {error}" for error in self.problems]
        if errors:
            problems += self.error_focus_problems()
        if self.keep_screenshots:
            self.shots += 1
            screenshot(self.page, self.folder, f"{self.shots:02d}-{name}")
        assert problems == [], f"{name} ({self.path}):\n  " + "\n  ".join(problems)

    def error_focus_problems(self) -> list[str]:
        if not self.page.locator(".govuk-error-summary").count():
            return ["no error summary"]
        # Waiting is a courtesy to slow pages: whether focus arrived is judged just below.
        with contextlib.suppress(Exception):
            self.page.wait_for_function(
                "() => document.activeElement && document.activeElement.closest('.govuk-error-summary')",
                timeout=2000,
            )
        return [] if error_summary_has_focus(self.page) else ["the error summary did not take focus"]


@pytest.fixture
def visit(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """`visitor = visit(server)`: a fresh browser context (no cookies) on that server."""
    contexts = []

    def make(server: LiveServer, folder: str | None = None, *, screenshots: bool = True) -> Visitor:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        context.add_init_script(WATCH_CSP)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        visitor = Visitor(page, server, folder or request.node.name, keep_screenshots=screenshots)
        if screenshots:
            shutil.rmtree(SCREENSHOTS / visitor.folder, ignore_errors=True)
        visitor.problems = errors
        return visitor

    yield make
    for context in contexts:
        context.close()
