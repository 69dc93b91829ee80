from __future__ import annotations

import os

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.cli import unit_of_work
from tracker.services.demo import loader as demo_data
from tracker.services.storage import EvidenceStore


@click.command(help="Load the fictional Northbridge partnership into an empty database.")
@with_appcontext
@click.option("--if-empty", is_flag=True, help="Do nothing, successfully, when the database already holds data.")
def demo(if_empty: bool) -> None:
    if demo_data.has_data():
        if if_empty:
            click.echo("The database already holds data: the demo data was not loaded again.")
            return
        click.echo("Error: the database already holds data: demo data is only loaded into an empty database.", err=True)
        raise SystemExit(1)
    password = os.environ.get("TRACKER_DEMO_PASSWORD") or None
    store = EvidenceStore(current_app.config["EVIDENCE_DIR"])
    with unit_of_work():
        users, password = demo_data.load(password=password, store=store)
    click.echo("Demo data loaded. Sign in as:")
    for user in users:
        agency = f" ({user.agency.name})" if user.agency else ""
        click.echo(f"  {user.email:40} {user.role.label}{agency}")
    if os.environ.get("TRACKER_DEMO_PASSWORD"):
        click.echo("Password: the value of TRACKER_DEMO_PASSWORD.")
    else:
        click.echo(f"Password for every demo user: {password}")
