"""`flask --app tracker learning ...`: the matcher measured on labelled pairs, the clusters, and the index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from tracker.cli import unit_of_work
from tracker.services.learning import index, recurring
from tracker.services.learning.scoring import read_pairs, score_file

learning = AppGroup("learning", help="Learning across reviews: recurring recommendations and the matcher.")


@learning.command("score")
@click.argument("pairs", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: pairs, precision, recall.")
def score(pairs: Path, as_json: bool) -> None:
    """Precision and recall of the matcher on PAIRS, JSON Lines of {"a": text, "b": text, "same": true|false}."""
    try:
        labelled = read_pairs(pairs)
    except ValueError as problem:
        click.echo(f"Error: {problem}", err=True)
        sys.exit(1)
    result = score_file(labelled)
    if as_json:
        click.echo(json.dumps({"pairs": result.pairs, "precision": result.precision, "recall": result.recall}))
        return
    click.echo(f"{result.pairs} pairs: precision {result.precision:.3f}, recall {result.recall:.3f}")
    click.echo(
        f"({result.true_positives} found rightly, {result.false_positives} wrongly, {result.false_negatives} missed)"
    )


@learning.command("refresh")
def refresh() -> None:
    """Rebuild the matcher's index of every live recommendation, and the clusters of recurring learning."""
    with unit_of_work():
        read = index.refresh_all()
    click.echo(f"{read} recommendations read; {recurring.cluster_count(None)} clusters of recurring learning.")


@learning.command("recurring")
@click.option("--json", "as_json", is_flag=True, help="Print the clusters as one JSON array.")
def recurring_command(as_json: bool) -> None:
    """The clusters of recurring learning across reviews, largest first."""
    with unit_of_work():
        found, _ = recurring.clusters(None, page=1, size=10_000, shown=None)
        if as_json:
            click.echo(json.dumps([recurring.cluster_summary(c) for c in found], ensure_ascii=False))
            return
        if not found:
            click.echo("No recurring learning found. Run `flask --app tracker learning refresh` after an import.")
        for cluster in found:
            click.echo(f"{len(cluster.references)} reviews: {cluster.summary}")
            click.echo(f"  Earlier actions assured: {cluster.earlier_assured}")
            for member in cluster.members:
                where = f"{member.review.reference} recommendation {member.recommendation.number} ({member.year})"
                click.echo(f"  - {where}: {member.outcome.text}")
