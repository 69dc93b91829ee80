"""Command-line entry points: `flask --app tracker ...`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask import Flask

from tracker.rules import DomainError
from tracker.services import transactions


def register(app: Flask) -> None:
    from tracker.cli.demo import demo
    from tracker.cli.figures import figures
    from tracker.cli.importer import import_command
    from tracker.cli.keeping import backup, restore, retention
    from tracker.cli.learning import learning
    from tracker.cli.remind import remind
    from tracker.cli.report import report
    from tracker.cli.users import users
    from tracker.cli.worker import worker

    app.cli.add_command(users)
    app.cli.add_command(demo)
    app.cli.add_command(import_command)
    app.cli.add_command(report)
    app.cli.add_command(retention)
    app.cli.add_command(backup)
    app.cli.add_command(restore)
    app.cli.add_command(learning)
    app.cli.add_command(worker)
    app.cli.add_command(remind)
    app.cli.add_command(figures)


@contextmanager
def unit_of_work() -> Iterator[None]:
    """Commit when the block succeeds; otherwise roll back, say why in the user's words, exit 1."""
    transactions.will_write(True)  # on SQLite, take the write lock at the start: the app may be running
    try:
        yield
        transactions.commit()
    except DomainError as refusal:
        transactions.rollback()
        click.echo(f"Error: {refusal.message}", err=True)
        sys.exit(1)
    except BaseException:
        transactions.rollback()
        raise


def read_password(prompt: str = "Password") -> str:
    """From the terminal with confirmation, or the first line of standard input: never an argument."""
    if sys.stdin.isatty():
        return click.prompt(prompt, hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")
