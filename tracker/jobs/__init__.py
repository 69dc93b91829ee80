"""Long work off the request (docs/architecture.md, "Jobs"): assurance reports and large imports, and the
kept figures counted afresh on a new day (`upkeep`).

A page asks for a job with `submit`, which records it and, once the request has committed, hands
it to RQ on Redis (`REDIS_URL`; `flask --app tracker worker` runs it) or to the app's own
background threads. Whichever runs it, `runner.run` takes it through its states in an app context
and a session of its own; `kinds` says what each kind of job does.
"""

from flask import Flask

from tracker.jobs import launch, upkeep
from tracker.jobs.kinds import IMPORT, REPORT, import_params, report_params
from tracker.jobs.launch import submit, this_app
from tracker.jobs.runner import patience
from tracker.jobs.worker import work


def init_app(app: Flask) -> None:
    launch.init_app(app)
    upkeep.init_app(app)


__all__ = ["IMPORT", "REPORT", "import_params", "init_app", "patience", "report_params", "submit", "this_app", "work"]
