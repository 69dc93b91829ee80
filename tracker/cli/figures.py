"""`flask figures`: count the kept RAG figures afresh and work out the trend's missing quarter ends."""

from __future__ import annotations

import click

from tracker.cli import unit_of_work
from tracker.cli.progress import TerminalProgress
from tracker.services import figures as kept_figures
from tracker.services import trend


@click.command("figures")
@click.option("--batch", default=50, show_default=True, help="Reviews worked out in each transaction.")
def figures(batch: int) -> None:
    """Count every review's RAG figures afresh, and work out each review's RAG at the past quarter ends
    it lacks. The tracker keeps both current as it is used; run this after loading data in bulk, and
    nightly, so that the trend on the summary and overview is ready as soon as a quarter ends. It also
    gathers the statistics the database's query planner uses (SQLite never gathers them itself)."""
    with TerminalProgress() as progress:
        progress.step("Counting every review's figures")
        with unit_of_work():
            kept_figures.count_afresh()
        with unit_of_work():
            missing = trend.missing_reviews()
        done = 0
        while True:
            progress.count(done, missing, "Reviews' RAG at each quarter end worked out")
            with unit_of_work():
                worked = trend.work_out_missing(batch=max(1, batch))
            done += worked
            if not worked or done > missing + batch:
                break
        # Last, so that the statistics describe the kept figures just counted: after a bulk load they had none,
        # and SQLite, guessing, read every review to find the busiest ten rather than the figures' own index.
        progress.step("Gathering the statistics the database chooses its indexes by")
        with unit_of_work():
            kept_figures.gather_planner_statistics()
    click.echo(f"Figures counted afresh; RAG at each quarter end worked out for {done:,} reviews.")
