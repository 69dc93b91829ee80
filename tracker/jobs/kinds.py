"""What each kind of job does: produce an assurance report, or import a large plan.

Each reads in one transaction and writes in another, short one, so that a long report or check holds
no lock while it reads; what it writes lands whole, with the job's "done", or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tracker.access import policy
from tracker.access.policy import Permission
from tracker.jobs.runner import Context, Work
from tracker.models import Job, User
from tracker.rules import DomainError
from tracker.services import reports, transactions
from tracker.services.imports import staging, suggestions
from tracker.services.imports.pending import PendingUploads
from tracker.services.imports.preview import CREATE, AgencyChoice, ImportPreview
from tracker.workbooks import DEFAULT_MARKING, Printed, ReportFilters

REPORT = "report"
IMPORT = "import"


def printed(config: Mapping[str, Any]) -> Printed:
    """The protective marking every page carries, and the tracker's address for links to its pages."""
    return Printed(marking=config.get("REPORT_MARKING") or DEFAULT_MARKING, base_url=config.get("BASE_URL") or None)


def _requester(job: Job, permission: Permission) -> User:
    """The person who asked, if they still may: an account closed or changed meanwhile stops the job."""
    user = job.requested_by
    if user is None or not policy.allows(user, permission):
        raise DomainError("The account that asked for this may no longer do it, so it was not done.")
    return user


def report_params(filters: ReportFilters, *, commentary: str = "", standard: bool = False) -> dict[str, Any]:
    return {"filters": filters.to_json(), "commentary": commentary, "standard": standard}


def produce_report(context: Context) -> dict[str, Any]:
    params = context.job.params
    standard = bool(params.get("standard"))
    actor = _requester(context.job, Permission.READ_SUMMARY if standard else Permission.RUN_REPORTS)
    transactions.will_write(False)
    saved = reports.build_assurance_report(
        actor=actor,
        filters=ReportFilters.from_json(params.get("filters") or {}),
        reports_dir=Path(context.config["REPORTS_DIR"]),
        commentary=str(params.get("commentary") or ""),
        printed=printed(context.config),
        progress=context.progress,
    )
    context.undo.append(saved.discard)
    transactions.end_reading_before_slow_work()
    report = reports.record_assurance_report(saved, actor=actor)
    return {"report_id": report.id, "actions": saved.built.actions}


def import_params(token: str, agency_choices: Mapping[str, AgencyChoice], accepted: set[int]) -> dict[str, Any]:
    return {"token": token, "agency_choices": dict(agency_choices), "accept_themes": sorted(accepted)}


GONE = (
    "The uploaded file is no longer waiting to be imported: it has been imported already, or it waited "
    "longer than a day. Upload it again."
)


def import_plan(context: Context) -> dict[str, Any]:
    params = context.job.params
    actor = _requester(context.job, Permission.RUN_IMPORTS)
    store = PendingUploads(Path(context.config["IMPORT_DIR"]))
    token = str(params.get("token") or "")
    pending = store.load(token)
    if pending is None or pending.user_id != actor.id:
        raise DomainError(GONE)
    choices: dict[str, AgencyChoice] = {
        str(name): (CREATE if choice == CREATE else int(choice))
        for name, choice in (params.get("agency_choices") or {}).items()
    }
    accepted = {int(i) for i in params.get("accept_themes") or ()}
    max_bytes = int(context.config["IMPORT_MAX_BYTES"])

    def check() -> ImportPreview:
        preview = staging.preview_upload(pending, max_bytes=max_bytes, agency_choices=choices)
        suggestions.suggest(preview, user=actor, accept=accepted)
        if preview.errors:
            raise DomainError(preview.errors[0].message)
        return preview

    # Checked first while only reading, so that a file that cannot be imported never waits for the write lock.
    context.progress(0, 2, f"Reading and checking {pending.file_name}")
    transactions.will_write(False)
    preview = check()
    rows = len(preview.recommendations) + len(preview.actions)
    transactions.end_reading_before_slow_work()
    context.progress(1, 2, f"Saving {rows:,} recommendations and actions")
    preview = check()
    run = staging.confirm(preview, actor=actor)
    context.afterwards.append(lambda: store.discard(token))
    context.afterwards.append(staging.read_into_the_matcher)
    return {
        "import_run_id": run.id,
        "review_id": run.review_id,
        "file_name": pending.file_name,
        "summary": preview.describe(),
    }


WORK: dict[str, Work] = {REPORT: produce_report, IMPORT: import_plan}
