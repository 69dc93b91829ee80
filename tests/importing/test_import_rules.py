"""Dates, agency names, and the text rules the parsers share."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tracker.parsing.agencies import match_agency, normalise_agency_name, split_agencies
from tracker.parsing.dates import read_completion, read_date
from tracker.parsing.text import clean, split_lead, split_number, split_numbered_items


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("12/05/2021", date(2021, 5, 12), None),
        ("12.05.21", date(2021, 5, 12), None),
        ("12 May 2021", date(2021, 5, 12), None),
        ("12th May 2021", date(2021, 5, 12), None),
        ("2021-05-12", date(2021, 5, 12), None),
        (datetime(2021, 5, 12, 0, 0), date(2021, 5, 12), None),
        ("March 2021", date(2021, 3, 31), "March 2021"),
        ("Mar-21", date(2021, 3, 31), "Mar-21"),
        ("Feb 2024", date(2024, 2, 29), "Feb 2024"),
        ("Q1 2021/22", date(2021, 6, 30), "Q1 2021/22"),
        ("Q2 2021/22", date(2021, 9, 30), "Q2 2021/22"),
        ("Q3 2021/22", date(2021, 12, 31), "Q3 2021/22"),
        ("Q4 2021/22", date(2022, 3, 31), "Q4 2021/22"),
        ("Q4 2021-2022", date(2022, 3, 31), "Q4 2021-2022"),
        ("By end of June 2022", date(2022, 6, 30), "By end of June 2022"),
        ("By 12/05/2021", date(2021, 5, 12), "By 12/05/2021"),
    ],
)
def test_dates_read(text, value, kept) -> None:
    reading = read_date(text)
    assert (reading.value, reading.text, reading.problem) == (value, kept, None)


@pytest.mark.parametrize("text", ["Ongoing", "TBC", "TBA", "N/A", "asap", "Immediate", "tbc."])
def test_words_that_are_not_dates(text) -> None:
    reading = read_date(text)
    assert (reading.value, reading.text) == (None, text)
    assert reading.problem == f"Target date '{text}' is not a date; the action has no target date."


def test_impossible_and_unreadable_dates() -> None:
    assert (
        read_date("31/02/2021").problem == "Target date '31/02/2021' is not a real date; the action has no target date."
    )
    assert read_date("soon").problem == "Target date 'soon' could not be read as a date; the action has no target date."
    assert read_date(None).value is None and read_date("  ").problem is None


@pytest.mark.parametrize(
    ("cell", "done", "on", "progress"),
    [
        (
            "Completed 12/05/2021. Training delivered to 40 staff",
            True,
            date(2021, 5, 12),
            "Training delivered to 40 staff",
        ),
        ("Y", True, None, None),
        ("Yes", True, None, None),
        ("N", False, None, None),
        ("Partially - 3 of 5 sessions held", False, None, "Partially - 3 of 5 sessions held"),
        ("Letter sent 3 March 2022", True, date(2022, 3, 3), "Letter sent"),
        (datetime(2021, 10, 1), True, date(2021, 10, 1), None),
        ("Policy drafted", False, None, "Policy drafted"),
    ],
)
def test_completion_cells(cell, done, on, progress) -> None:
    c = read_completion(cell)
    assert (c.done, c.on, c.progress) == (done, on, progress)


def test_normalise_agency_names_keeps_departments_apart() -> None:
    assert normalise_agency_name("The Northbridge NHS Foundation Trust") == "northbridge"
    assert normalise_agency_name("Northbridge Council Adult Social Care") == "northbridge adult social care"
    assert normalise_agency_name("Northbridge Council Children's Social Care") == "northbridge children social care"
    assert normalise_agency_name("Police & Crime Commissioner") == "police crime commissioner"


CANDIDATES = [
    (1, "Northbridge Council Adult Social Care", "ASC", ["Adult Services"]),
    (2, "Northbridge Council Children's Social Care", "CSC", []),
    (3, "Northshire Police", None, ["Northshire Constabulary"]),
    (4, "Northbridge Teaching Hospitals NHS Foundation Trust", "NTH", None),
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ASC", 1),
        ("adult social care", 1),
        ("Adult Services", 1),
        ("Childrens Social Care", 2),
        ("Northshire Constabulary", 3),
        ("Police", 3),
        ("Northbridge Teaching Hospitals", 4),
        ("Social care", None),  # ambiguous: adult or children's
        ("Fire and Rescue", None),
        ("", None),
    ],
)
def test_match_agency(typed, expected) -> None:
    assert match_agency(typed, CANDIDATES) == expected


def test_split_agencies_first_is_lead() -> None:
    assert split_agencies("Police / Health") == ["Police", "Health"]
    assert split_agencies("Police, ASC and Housing") == ["Police", "ASC", "Housing"]
    # "and" inside one name is not a list.
    assert split_agencies("Police and Crime Commissioner") == ["Police and Crime Commissioner"]
    assert split_agencies("") == []


def test_split_numbered_items() -> None:
    assert split_numbered_items("1. Review the policy.\n2. Deliver training\n   to all staff.\n3) Audit") == [
        "Review the policy.",
        "Deliver training to all staff.",
        "Audit",
    ]
    assert split_numbered_items("a) do this b) do that c) other") == ["do this", "do that", "other"]
    assert split_numbered_items("• one\n• two") == ["one", "two"]
    assert split_numbered_items("Just one action (see section a) of the plan)") == [
        "Just one action (see section a) of the plan)"
    ]


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("1. Text", "1", "Text"),
        ("1) Text", "1", "Text"),
        ("Recommendation 1: Text", "1", "Text"),
        ("Recommendation 2 – Text", "2", "Text"),
        ("R1 Text", "1", "Text"),
        ("R1. Text", "1", "Text"),
        ("4a) Text", "4a", "Text"),
        ("(3) Text", "3", "Text"),
        ("Rather good", None, "Rather good"),
        ("2021 was a year", None, "2021 was a year"),
    ],
)
def test_split_number(text, number, rest) -> None:
    assert split_number(text) == (number, rest)


def test_split_lead_skips_abbreviations() -> None:
    assert split_lead("Staff should use tools, e.g. DASH. They did not.") == (
        "Staff should use tools, e.g. DASH.",
        "They did not.",
    )
    assert split_lead("No full stop") == ("No full stop", "")


def test_clean_drops_stray_marks() -> None:
    assert clean("**Bold**\u00a0text\u00ad here\t") == "Bold text here"
    assert clean("• bullet") == "bullet"
    assert clean("- dash item") == "dash item"


@pytest.mark.parametrize(
    ("lines", "partnership"),
    [
        (["Safer Northbridge Partnership – DHR 'Ann' Action Plan"], "Safer Northbridge Partnership"),
        (
            ["Domestic Homicide Review – 'Jane' – Eastshire Community Safety Partnership"],
            "Eastshire Community Safety Partnership",
        ),
        # A sentence about "the Board" names no partnership, even after a "Recommendations" heading.
        (["8. Recommendations", "The Board should consider the following recommendations."], None),
    ],
)
def test_the_partnership_comes_from_one_line_and_is_a_name(lines: list[str], partnership: str | None) -> None:
    from tracker.parsing.review import review_from_titles

    assert review_from_titles(lines, "plan.xlsx").partnership == partnership


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("21.10.1 The Board should", "21.10.1", "The Board should"),
        ("3.4.1. Agencies should", "3.4.1", "Agencies should"),
        ("4(b) Schools should", "4(b)", "Schools should"),
        ("Rec 3: The ICB should", "3", "The ICB should"),
        ("iv) Housing should", "iv", "Housing should"),
        ("Recommendation 3", "3", ""),
        ("12 May 2021 was the date", None, None),
        ("Recommendations were made", None, None),
    ],
)
def test_numbers_are_kept_as_written(text: str, label: str | None, rest: str | None) -> None:
    from tracker.parsing.numbering import read_number

    number = read_number(text)
    assert (number.label, number.rest) == (label, rest) if number else label is None


@pytest.mark.parametrize(
    ("cell", "agency", "owner"),
    [
        ("A. Person / B. Person", None, "A. Person / B. Person"),
        ("Northshire Police", "Northshire Police", None),
        ("Northshire Police (DI Patel)", "Northshire Police", "DI Patel"),
        ("Housing Options Manager", None, "Housing Options Manager"),
        ("Her Majesty's Government", "Her Majesty's Government", None),
        ("Probation Service", "Probation Service", None),
    ],
)
def test_people_are_owners_and_organisations_are_agencies(cell: str, agency: str | None, owner: str | None) -> None:
    from tracker.parsing.people import read_lead

    lead = read_lead(cell, column="Lead", prefer="agency")
    assert (lead.agency, lead.owner) == (agency, owner)
    if owner and not agency:
        assert lead.notes == [
            f"'{cell}' taken as the owner: it names {'a post' if 'Manager' in cell else 'people'}, not an organisation."
        ]


def test_a_known_agency_is_an_organisation_whatever_its_words() -> None:
    from tracker.parsing.people import ORGANISATION, PERSON, kind_of, known_names

    assert kind_of("Turning Point") == PERSON
    assert kind_of("Turning Point", known_names(["Turning Point"])) == ORGANISATION
