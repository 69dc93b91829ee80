"""`flask --app tracker report ...`: assurance workbooks and action plans from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from tracker.cli import unit_of_work
from tracker.cli.progress import TerminalProgress
from tracker.rules import DomainError
from tracker.services import reports as services
from tracker.workbooks import DEFAULT_MARKING, Printed


@click.group(cls=AppGroup, help="Produce assurance reports and action plans as Excel workbooks.")
def report() -> None:
    pass


def _reports_dir() -> Path:
    return Path(current_app.config["REPORTS_DIR"])


def _printed() -> Printed:
    config = current_app.config
    return Printed(marking=config.get("REPORT_MARKING") or DEFAULT_MARKING, base_url=config.get("BASE_URL") or None)


def _copy_to(saved: Path, out: Path | None) -> Path:
    if out is None:
        return saved
    if out.is_dir():
        out = out / saved.name
    if not out.parent.is_dir():
        raise DomainError(f"The folder {out.parent} does not exist")
    shutil.copyfile(saved, out)
    return out


@report.command("assurance", help="Produce the assurance workbook; with no filters, every action not withdrawn.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=True), help="Also write the workbook here.")
@click.option(
    "--since", help="Count changes since this date (YYYY-MM-DD); by default, since the date of the last meeting."
)
@click.option("--review", "reviews", multiple=True, metavar="REF", help="Only this review (repeatable).")
@click.option("--agency", "agencies", multiple=True, metavar="NAME", help="Only this lead agency (repeatable).")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this type of review, e.g. DHR (repeatable).")
@click.option("--partnership", help="Only this partnership's reviews.")
@click.option(
    "--include-closed/--open-only",
    default=True,
    show_default=True,
    help="Include assured and closed actions, or open ones only.",
)
@click.option("--commentary", default="", help="The chair's commentary, for the Highlights sheet.")
def assurance(
    out: Path | None,
    since: str | None,
    reviews: tuple[str, ...],
    agencies: tuple[str, ...],
    types: tuple[str, ...],
    partnership: str | None,
    include_closed: bool,
    commentary: str,
) -> None:
    with unit_of_work():
        if out is not None and not out.is_dir() and not out.parent.is_dir():
            raise DomainError(f"The folder {out.parent} does not exist")
        filters = services.resolve_filters(
            partnership=partnership,
            review_refs=reviews,
            agency_names=agencies,
            type_names=types,
            since=since,
            include_closed=include_closed,
        )
        with TerminalProgress() as progress:
            generated = services.generate_assurance_report(
                actor=None,
                filters=filters,
                reports_dir=_reports_dir(),
                commentary=commentary,
                printed=_printed(),
                progress=progress,
            )
        written = _copy_to(_reports_dir() / generated.file_name, out)
    click.echo(str(written))


@report.command("action-plan", help="Write one review's action plan in the Home Office template.")
@click.argument("reference")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=True), help="Also write the workbook here.")
def action_plan(reference: str, out: Path | None) -> None:
    with unit_of_work():
        if out is not None and not out.is_dir() and not out.parent.is_dir():
            raise DomainError(f"The folder {out.parent} does not exist")
        review = services.find_review(reference)
        with TerminalProgress() as progress:
            progress.step(f"Writing the action plan of {review.reference}")
            generated = services.generate_action_plan(
                actor=None, review=review, reports_dir=_reports_dir(), printed=_printed()
            )
        written = _copy_to(_reports_dir() / generated.file_name, out)
    click.echo(str(written))
