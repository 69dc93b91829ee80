"""The web import: upload, preview with every row and warning, choices for unknown agencies, confirm."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import headings
from tests.imports.conftest import BAD_FILES, EXAMPLES, NO_REFERENCE
from tracker.models import Action, Agency, AuditEvent, ImportRun, Review


def count(session: Any, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model))


def upload(browser: Any, path: Path, **fields: Any) -> Any:
    data = {
        "file": (io.BytesIO(path.read_bytes()), path.name),
        "reference": "",
        "review_type": "",
        "partnership": "",
        **fields,
    }
    return browser.post_form("/imports", data, content_type="multipart/form-data")


def token_of(response: Any) -> str:
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.fullmatch(r".*/imports/([a-f0-9]{32})", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def test_the_upload_page(client_for: Any) -> None:
    page = client_for("subgroup").get("/imports")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert headings(html) == ["Import an action plan or review report"]
    assert 'enctype="multipart/form-data"' in html and 'type="file"' in html


@pytest.mark.parametrize("role", ["board", "agency_lead", "other_lead"])
def test_only_the_subgroup_and_administrators_import(
    client_for: Any, role: str, northbridge: Any, database: Any
) -> None:
    subgroup = client_for("subgroup")
    token = token_of(upload(subgroup, EXAMPLES / "thematic-briefing.md"))
    browser = client_for(role)
    assert browser.get("/imports").status_code == 403
    assert upload(browser, EXAMPLES / "thematic-briefing.md").status_code == 403
    assert browser.get(f"/imports/{token}").status_code == 403
    assert browser.post_form(f"/imports/{token}", {}).status_code == 403
    assert count(database, Review) == 0


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_every_example_previews_and_imports(
    client_for: Any, northbridge: Any, database: Any, name: str, import_dir: Path
) -> None:
    browser = client_for("admin")
    fields = {}
    if name in NO_REFERENCE:
        fields = {
            "reference": NO_REFERENCE[name],
            "partnership": str(northbridge["partnerships"]["Safer Northbridge Partnership"].id),
        }
    token = token_of(upload(browser, EXAMPLES / name, **fields))
    preview = browser.get(f"/imports/{token}")
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    assert headings(html) == ["Check the import"]
    assert "Confirm and import" in html
    assert count(database, Review) == 0  # the preview writes nothing
    choices = {f"agency_{i}": "create" for i in range(html.count('name="agency_'))}
    confirmed = browser.post_form(f"/imports/{token}", choices)
    assert confirmed.status_code == 302, confirmed.get_data(as_text=True)
    database.expire_all()
    review = database.scalar(select(Review))
    assert review is not None
    assert confirmed.headers["Location"].endswith(f"/reviews/{review.id}")
    assert count(database, ImportRun) == 1
    assert list(import_dir.iterdir()) == []  # the pending upload is gone
    banner = browser.get(confirmed.headers["Location"]).get_data(as_text=True)
    assert f"{name} was imported." in banner


def test_the_preview_shows_rows_changes_and_warnings_next_to_them(
    client_for: Any, northbridge: Any, database: Any
) -> None:
    browser = client_for("subgroup")
    html = browser.get(f"/imports/{token_of(upload(browser, EXAMPLES / 'dhr-action-plan-home-office.xlsx'))}")
    text = html.get_data(as_text=True)
    assert "DHR-2021-03" in text and "New review" in text
    assert text.count('<h2 class="govuk-heading-m" id="recommendation-') == 4
    assert "Refresh the routine enquiry guidance" in text
    row = text[text.index("Commission training on coercive control") :]
    row = row[: row.index("</tr>")]
    assert "names more than one agency; Police is taken as the lead agency." in row
    assert "Agencies the tracker does not know" in text
    assert "Add ‘Safer Northbridge Partnership’ as a new agency" in text


def test_unknown_agencies_need_a_choice_then_map_to_an_existing_one(
    client_for: Any, northbridge: Any, database: Any
) -> None:
    browser = client_for("subgroup")
    token = token_of(upload(browser, EXAMPLES / "dhr-action-plan-home-office.xlsx"))
    refused = browser.post_form(f"/imports/{token}", {})
    assert refused.status_code == 200
    html = refused.get_data(as_text=True)
    assert "<title>Error: " in html
    assert "Choose whether to add Safer Northbridge Partnership as a new agency" in html
    assert count(database, Review) == 0
    housing = northbridge["agencies"]["Housing"]
    done = browser.post_form(f"/imports/{token}", {"agency_0": str(housing.id)})
    assert done.status_code == 302
    database.expire_all()
    assert count(database, Action) == 9
    assert database.scalar(select(func.count(Action.id)).where(Action.lead_agency_id == housing.id)) == 2
    assert "Safer Northbridge Partnership" in database.get(Agency, housing.id).alias_list


def test_importing_the_same_file_twice_says_no_changes(client_for: Any, northbridge: Any, database: Any) -> None:
    browser = client_for("subgroup")
    path = EXAMPLES / "sar-tracker.xlsx"
    first = token_of(upload(browser, path))
    choices = {f"agency_{i}": "create" for i in range(3)}
    assert browser.post_form(f"/imports/{first}", choices).status_code == 302
    second = token_of(upload(browser, path))
    preview = browser.get(f"/imports/{second}").get_data(as_text=True)
    assert "No changes: everything in sar-tracker.xlsx is already in the tracker." in preview
    assert "New</strong>" not in preview and "Changed</strong>" not in preview
    assert browser.post_form(f"/imports/{second}", {}).status_code == 302
    database.expire_all()
    assert count(database, Action) == 5 and count(database, ImportRun) == 2
    assert database.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.event == "import.applied")) == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-document.xlsx", "not a spreadsheet or document"),
        ("old-format.xls", "old Excel 97-2003 .xls"),
        ("password-protected.xlsx", "password-protected"),
        ("corrupt.xlsx", "damaged"),
        ("empty.xlsx", "The file is empty"),
        ("zip-bomb.xlsx", "would expand"),
        ("no-header.xlsx", "No header row"),
        ("no-recommendations.docx", "No recommendations were found"),
    ],
)
def test_bad_files_are_refused_on_the_upload_form(
    client_for: Any, database: Any, name: str, message: str, import_dir: Path
) -> None:
    response = upload(client_for("subgroup"), BAD_FILES / name)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<title>Error: " in html and "govuk-error-summary" in html
    assert message.lower() in html.lower()
    assert count(database, AuditEvent) == 0
    assert not import_dir.exists() or list(import_dir.iterdir()) == []


def test_an_oversize_file_is_refused(client_for: Any, app: Any, database: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("Recommendation,Action,Lead agency\n" + "1,Do it,Police\n" * 200, encoding="utf-8")
    limit = app.config["IMPORT_MAX_BYTES"]
    app.config["IMPORT_MAX_BYTES"] = 1024
    try:
        response = upload(client_for("subgroup"), big)
    finally:
        app.config["IMPORT_MAX_BYTES"] = limit
    assert response.status_code == 200 and "larger than the 1 KB limit" in response.get_data(as_text=True)


def test_no_file_and_no_reference_get_gov_uk_messages(client_for: Any, northbridge: Any) -> None:
    browser = client_for("subgroup")
    empty = browser.post_form("/imports", {}).get_data(as_text=True)
    assert "Select the file to import" in empty
    missing = upload(browser, EXAMPLES / "dhr-action-plan-utf8-bom.csv").get_data(as_text=True)
    assert "Enter the review reference, for example DHR-2021-03" in missing
    assert 'href="#reference"' in missing


@pytest.mark.parametrize("token", ["sample", "0" * 32, "A" * 32, "../" + "a" * 29])
def test_tokens_are_validated(client_for: Any, token: str) -> None:
    assert client_for("subgroup").get(f"/imports/{token}").status_code == 404


def test_another_users_upload_is_not_found(client_for: Any, northbridge: Any) -> None:
    token = token_of(upload(client_for("subgroup"), EXAMPLES / "thematic-briefing.md"))
    assert client_for("admin").get(f"/imports/{token}").status_code == 404
    assert client_for("admin").post_form(f"/imports/{token}", {}).status_code == 404


def test_a_withdrawn_review_shows_errors_and_no_confirm_button(
    client_for: Any, northbridge: Any, database: Any
) -> None:
    from tests.factories import ReviewFactory
    from tracker.clock import now

    ReviewFactory(reference="TR-2023-01", withdrawn_at=now(), withdrawn_reason="Entered twice")
    browser = client_for("subgroup")
    response = upload(browser, EXAMPLES / "thematic-briefing.md")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "has been withdrawn" in html


def test_the_recent_imports_are_listed(client_for: Any, northbridge: Any) -> None:
    browser = client_for("subgroup")
    token = token_of(upload(browser, EXAMPLES / "thematic-briefing.md"))
    browser.post_form(f"/imports/{token}", {})
    page = browser.get("/imports").get_data(as_text=True)
    assert "Recent imports" in page and "thematic-briefing.md" in page and "TR-2023-01" in page
