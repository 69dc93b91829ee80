"""`flask --app tracker import PATH`: load action plans and review reports from files or a folder.

A folder means every file directly in it (not in sub-folders), in name order, skipping hidden files
and Office lock files. Each file is its own transaction: a file with errors writes nothing, the
others still land, and the command exits 1 if any file failed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.cli.progress import TerminalProgress
from tracker.parsing.result import Message
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType
from tracker.services import catalogue, transactions
from tracker.services.imports import staging, suggestions
from tracker.services.imports.apply import apply
from tracker.services.imports.compare import ImportOptions, build_preview
from tracker.services.imports.preview import ImportPreview, RecommendationPreview


@click.command(
    "import",
    help="Import action plans and review reports (.xlsx, .csv, .docx, .pdf, .txt, .md). "
    "PATH is a file, or a folder whose files are each imported in turn (sub-folders are not read).",
)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--review", "reference", help="The review's reference, when the file gives none or another one.")
@click.option(
    "--type",
    "review_type",
    type=click.Choice([t.value for t in ReviewType], case_sensitive=False),
    help="The type of review, when the file does not make it clear.",
)
@click.option("--partnership", "partnership_name", help="The commissioning partnership's name, for a new review.")
@click.option("--dry-run", is_flag=True, help="Check the files and say what would change, without saving anything.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file on standard output.")
@click.option("--create-agencies", is_flag=True, help="Add agencies the tracker does not know, instead of refusing.")
@click.option(
    "--accept-suggested-themes",
    is_flag=True,
    help="Add the themes the tracker suggests for each recommendation (from its wording and from earlier "
    "recommendations that say the same thing), and list the earlier ones.",
)
@with_appcontext
def import_command(
    path: Path,
    reference: str | None,
    review_type: str | None,
    partnership_name: str | None,
    dry_run: bool,
    as_json: bool,
    create_agencies: bool,
    accept_suggested_themes: bool,
) -> None:
    if path.is_dir() and reference:
        raise click.UsageError(
            "--review cannot be used with a folder: each file names its own review. "
            "Import the file on its own to give it a reference."
        )
    options = ImportOptions(
        review_reference=reference,
        review_type=review_type.upper() if review_type else None,
        partnership_id=_partnership_id(partnership_name),
        create_agencies=create_agencies,
    )
    files = _files(path)
    if not files:
        click.echo(f"Error: there are no files to import in {path}.", err=True)
        raise SystemExit(1)
    failed = 0
    with TerminalProgress(enabled=not as_json) as progress:
        for number, file in enumerate(files, start=1):
            counter = f" ({number} of {len(files)})" if len(files) > 1 else ""
            progress.step(f"Reading {file.name}{counter}")
            if not _import_one(
                file, options, dry_run=dry_run, as_json=as_json, themes=accept_suggested_themes, progress=progress
            ):
                failed += 1
    if len(files) > 1:
        done = "checked" if dry_run else "imported"
        click.echo(f"{len(files) - failed} of {len(files)} files {done}; {failed} with errors.", err=as_json)
    if failed:
        raise SystemExit(1)


def _partnership_id(name: str | None) -> int | None:
    if not name:
        return None
    found = catalogue.find_partnership_by_name(name)
    if found is None:
        raise click.BadParameter(
            f"There is no partnership called '{name}'. Check the name, or add the partnership in Administration first.",
            param_hint="--partnership",
        )
    return found.id


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        (p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))), key=lambda p: p.name.lower()
    )


def _import_one(
    file: Path,
    options: ImportOptions,
    *,
    dry_run: bool,
    as_json: bool,
    themes: bool = False,
    progress: TerminalProgress | None = None,
) -> bool:
    """Check, and unless a dry run apply, one file in its own transaction; True when it had no errors."""
    progress = progress or TerminalProgress(enabled=False)
    try:
        result, sha256 = staging.read(file, max_bytes=current_app.config["IMPORT_MAX_BYTES"])
        progress.step(f"Comparing {result.action_count:,} actions with the tracker")
        preview = build_preview(result, options=options, sha256=sha256)
        if themes:
            progress.step("Suggesting themes from earlier recommendations")
            suggestions.suggest(preview, user=None, accept=True)
        warnings, errors = messages(preview)
        if not errors and not dry_run:
            rows = len(preview.recommendations) + len(preview.actions)
            progress.step(f"Saving {rows:,} recommendations and actions")
            try:
                apply(preview, actor=None)
            except DomainError as refusal:
                errors.append(Message("File", refusal.message))
        if errors or dry_run:
            transactions.rollback()
        else:
            transactions.commit()
            staging.read_into_the_matcher(
                lambda done, total: progress.count(done, total, "recommendations read into the matcher")
            )
    except BaseException:
        transactions.rollback()
        raise
    progress.clear()
    if as_json:
        click.echo(json.dumps(_json(preview, warnings, errors, learning=themes), ensure_ascii=False))
    else:
        _tell(preview, warnings, errors, dry_run=dry_run)
    return not errors


_OPTIONS = {"reference": "--review", "review_type": "--type", "partnership": "--partnership"}


def messages(preview: ImportPreview) -> tuple[list[Message], list[Message]]:
    """The parser's warnings in file order, then the preview's; errors, with the unknown agencies among them."""
    parsed = preview.result.warnings
    warnings = [*parsed, *(w for w in preview.all_warnings if w not in parsed)]
    refusals = set(preview.field_errors.values())
    errors = [e for e in preview.errors if e.message not in refusals]
    errors += [Message("Review", f"{message} (use {_OPTIONS[name]})") for name, message in preview.field_errors.items()]
    for unknown in preview.unresolved_agencies:
        where = unknown.places[0] + (f" and {len(unknown.places) - 1} more rows" if len(unknown.places) > 1 else "")
        errors.append(
            Message(
                unknown.places[0],
                f"Unknown lead agency '{unknown.name}' in {where}: add it in Administration or use --create-agencies",
            )
        )
    return warnings, errors


def _json(
    preview: ImportPreview, warnings: list[Message], errors: list[Message], *, learning: bool = False
) -> dict[str, Any]:
    data = preview.result.to_json_dict()
    data["warnings"] = [w.to_json_dict() for w in warnings]
    data["errors"] = [e.to_json_dict() for e in errors]
    if not learning:
        return data
    # With --accept-suggested-themes: the themes added to each recommendation, and where it was made before.
    data["learning"] = [
        {
            "number": rec.parsed.number,
            "themes_added": [t.name for t in rec.suggested_themes],
            "earlier": [{"review": e.review.reference, "number": e.recommendation.number} for e in rec.earlier],
        }
        for rec in preview.recommendations
        if rec.suggested_themes or rec.earlier
    ]
    return data


def _tell(preview: ImportPreview, warnings: list[Message], errors: list[Message], *, dry_run: bool) -> None:
    result = preview.result
    click.echo(
        f"{result.file} ({result.format})"
        + (f": review {preview.review.reference}" if preview.review.reference else "")
    )
    for message in warnings:
        click.echo(f"  Warning: {message.where}: {message.message}")
    for row in preview.uncertain_rows:
        what = f"Recommendation {row.parsed.number}" if isinstance(row, RecommendationPreview) else "Action"
        click.echo(f"  Check: {what} ({row.parsed.where}): {row.parsed.uncertain}")
    if errors:
        for message in errors:
            where = "" if message.where in ("File", "Review") else f"{message.where}: "
            click.echo(f"  Error: {where}{message.message}", err=True)
        click.echo(f"  Nothing was saved from {result.file}.", err=True)
        return
    for rec in preview.recommendations:
        if rec.existing is None and rec.suggested_themes:
            names = ", ".join(t.name for t in rec.suggested_themes)
            click.echo(f"  Recommendation {rec.parsed.number}: suggested themes added: {names}")
        for earlier in rec.earlier:
            click.echo(f"  Recommendation {rec.parsed.number} was made before: {earlier.sentence}")
        for change in rec.changes:
            click.echo(f"  Recommendation {rec.parsed.number} changed: {change}")
        for n, action in enumerate(rec.actions, start=1):
            for change in action.changes:
                click.echo(f"  Recommendation {rec.parsed.number}, action {n} changed: {change}")
    prefix = "Dry run, nothing was saved. It would do this: " if dry_run else ""
    click.echo(f"  {prefix}{preview.describe()}")
