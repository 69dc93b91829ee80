"""`flask --app tracker worker`: run background jobs (assurance reports, large imports) from Redis."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from tracker import jobs


@click.command(
    "worker",
    help="Run background jobs (assurance reports, large imports) from the Redis queue at REDIS_URL. "
    "Start as many as the load needs, on any machine that shares the database and the folders.",
)
@click.option("--burst", is_flag=True, help="Stop once the queue is empty, instead of waiting for more jobs.")
@with_appcontext
def worker(burst: bool) -> None:
    app = jobs.this_app()
    if not app.config.get("REDIS_URL"):
        click.echo(
            "Error: REDIS_URL is not set. Without it the app runs its jobs itself, and no worker is needed.",
            err=True,
        )
        sys.exit(1)
    jobs.work(app, burst=burst)
