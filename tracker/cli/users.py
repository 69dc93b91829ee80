from __future__ import annotations

import click
from flask.cli import AppGroup

from tracker.cli import read_password, unit_of_work
from tracker.rules import DomainError
from tracker.rules.vocabulary import Role
from tracker.services import erasure, memberships
from tracker.services import people as services


@click.group(cls=AppGroup, help="Manage the people who sign in.")
def users() -> None:
    pass


@users.command("create", help="Add a user. The password is read from a prompt, or from standard input.")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--agency", "agency_name", help="The agency of an agency lead: its name or short name.")
@click.option(
    "--partnership",
    "partnership_names",
    multiple=True,
    help="A partnership the user belongs to, by name; repeat for several. Subgroup and board members see these only.",
)
def create(email: str, name: str, role: str, agency_name: str | None, partnership_names: tuple[str, ...]) -> None:
    with unit_of_work():
        agency = None
        if agency_name:
            agency = services.find_agency(agency_name)
            if agency is None:
                raise DomainError(
                    f"There is no agency called {agency_name!r}. Check the name, or add the agency first."
                )
        partnerships = [memberships.named(given) for given in partnership_names]
        password = read_password()
        user = services.create_user(email=email, name=name, role=role, password=password, agency=agency, actor=None)
        memberships.set_partnerships(user, partnerships, actor=None)
    click.echo(f"Created {user.email} ({Role(user.role).label}).")
    if not partnerships and Role(role) in (Role.SUBGROUP, Role.BOARD):
        click.echo("They belong to no partnership yet, so they see no reviews: add one with --partnership.")


@users.command("set-password", help="Set a user's password, ending their sessions. Read from a prompt or stdin.")
@click.argument("email")
def set_password(email: str) -> None:
    with unit_of_work():
        user = services.find_user(email)
        if user is None:
            raise DomainError(f"There is no user with the email address {email}")
        services.set_password(user, read_password("New password"), actor=None)
    click.echo(f"Password changed for {user.email}.")


@users.command("list", help="List the users, their roles and agencies.")
def list_users() -> None:
    for user in sorted(services.everyone(), key=lambda u: (u.role, u.email)):
        agency = f", {user.agency.name}" if user.agency else ""
        state = "" if user.active else " (deactivated)"
        partnerships = "; ".join(p.name for p in user.partnerships)
        click.echo(
            f"{user.email}\t{Role(user.role).label}{agency}{state}" + (f"\t{partnerships}" if partnerships else "")
        )


@users.command("erase", help="Erase a person's name and email everywhere; their work stays, by 'a former user #N'.")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase(email: str, yes: bool) -> None:
    with unit_of_work():
        user = services.find_user(email)
        if user is None:
            raise DomainError(f"There is no user with the email address {email}")
        if not yes and not click.confirm(f"Erase {user.name} ({user.email})? This cannot be undone", default=False):
            raise DomainError("Nothing was erased")
        erased = erasure.erase(user, actor=None)
    click.echo(
        f"Erased: their work is now by {erased.label}; {erased.audit_events} audit events "
        f"and {erased.action_owners} action owners anonymised. Backups made before today still hold their data."
    )
