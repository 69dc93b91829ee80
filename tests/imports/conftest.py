"""Fixtures for the import tests: a partnership's agencies and partnerships, and a private upload folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.factories import AgencyFactory, PartnershipFactory
from tracker.models import Agency, Partnership
from tracker.rules.vocabulary import PartnershipKind

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "imports" / "examples"
BAD_FILES = ROOT / "tests" / "importing" / "files"
# Files that give no review reference of their own, and the reference the tests give them.
NO_REFERENCE = {"dhr-action-plan-utf8-bom.csv": "DHR-2022-07"}


@pytest.fixture(autouse=True)
def import_dir(app: Flask, tmp_path: Path) -> Any:
    """Pending uploads go to the test's own folder, never into the repository's instance folder."""
    previous = app.config["IMPORT_DIR"]
    app.config["IMPORT_DIR"] = tmp_path / "pending-imports"
    yield app.config["IMPORT_DIR"]
    app.config["IMPORT_DIR"] = previous


@pytest.fixture
def northbridge(database: Any, users: Any) -> dict[str, Any]:
    """The partnerships the examples name, and the agencies they mostly name (not all: some are unknown)."""
    partnerships = {
        name: PartnershipFactory(name=name, kind=kind)
        for name, kind in [
            ("Safer Northbridge Partnership", PartnershipKind.CSP),
            ("Northbridge Safeguarding Adults Board", PartnershipKind.SAB),
            ("Northbridge Safeguarding Children Partnership", PartnershipKind.SCP),
            ("Riverside Community Safety Partnership", PartnershipKind.CSP),
        ]
    }
    agencies = {
        short: AgencyFactory(name=name, short_name=short, aliases=aliases)
        for name, short, aliases in [
            ("Northbridge City Council Adult Social Care", "ASC", "Adult Social Care"),
            ("Northbridge City Council Children's Social Care", "CSC", "Children's Social Care"),
            ("Northbridge City Council Housing Services", "Housing", "Housing Options"),
            ("Northbridge and Westdale Integrated Care Board", "ICB", "CCG"),
            ("Northbridge Teaching Hospitals NHS Foundation Trust", "NTH", ""),
        ]
    }
    # The signed-in users' fixture already holds the police, whose lead is the agency lead.
    agencies["Police"] = users["agency_lead"].agency
    return {"partnerships": partnerships, "agencies": agencies}


def example(name: str, folder: Path) -> Path:
    """A copy of an example in a scratch folder, so a test may change it."""
    target = folder / name
    shutil.copy(EXAMPLES / name, target)
    return target


def partnership_named(session: Any, name: str) -> Partnership:
    from sqlalchemy import select

    return session.scalar(select(Partnership).where(Partnership.name == name))


def agency_named(session: Any, name: str) -> Agency | None:
    from sqlalchemy import select

    return session.scalar(select(Agency).where(Agency.name == name))
