"""`flask --app tracker retention run`, `backup DIR` and `restore DIR`: letting go, and keeping a copy."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from tracker.cli import unit_of_work
from tracker.services import backup as backups
from tracker.services import retention as services
from tracker.services import transactions
from tracker.services.storage import EvidenceStore


@click.group(cls=AppGroup, help="Remove what the retention periods say is no longer kept.")
def retention() -> None:
    pass


@retention.command("run", help="Remove withdrawn evidence files and generated reports past their retention periods.")
@click.option("--dry-run", is_flag=True, help="Say what would be removed, and remove nothing.")
def run(dry_run: bool) -> None:
    config = current_app.config
    periods = services.Periods(
        evidence_days=config["EVIDENCE_RETENTION_DAYS"], report_days=config["REPORT_RETENTION_DAYS"]
    )
    store = EvidenceStore(Path(config["EVIDENCE_DIR"]))
    reports_dir = Path(config["REPORTS_DIR"])
    with unit_of_work():
        due = services.due(periods=periods, store=store, reports_dir=reports_dir)
        if dry_run:
            for removal in due:
                click.echo(f"Would remove {removal.says}: {removal.path}")
            click.echo(f"{len(due)} files would be removed. Nothing was changed.")
            transactions.rollback()
            return
        forgotten = services.mark(periods=periods)
    # The records say "removed" only once that has landed; then the files go.
    removed = services.remove_files(due)
    for removal in removed:
        click.echo(f"Removed {removal.says}: {removal.path}")
    click.echo(f"{len(removed)} files removed; {forgotten} failed sign-ins older than the throttling window forgotten.")


@click.command("backup", help="Write a consistent copy of the database and the evidence store into DIR.")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def backup(folder: Path) -> None:
    with unit_of_work():
        written = backups.back_up(
            backups.engine_for(current_app.config["SQLALCHEMY_DATABASE_URI"]),
            folder=folder,
            evidence_dir=Path(current_app.config["EVIDENCE_DIR"]),
        )
    for name in written.missing:
        click.echo(f"Warning: evidence file {name} was missing from the store or did not match its record", err=True)
    click.echo(f"Backed up the database and {written.evidence_files} evidence files to {written.folder}")


@click.command("restore", help="Restore a backup from DIR into an empty database and an empty evidence store.")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
def restore(folder: Path) -> None:
    with unit_of_work():
        files = backups.restore(
            backups.engine_for(current_app.config["SQLALCHEMY_DATABASE_URI"]),
            folder=folder,
            evidence_dir=Path(current_app.config["EVIDENCE_DIR"]),
        )
    click.echo(f"Restored the database and {files} evidence files from {folder}")
