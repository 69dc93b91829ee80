"""GOV.UK checkboxes written in Python, as the template global `checkboxes`: the filter panels' groups of choices.

Every page of the action lists draws seven such groups, some sixty boxes; drawn by a macro (itself written out
from `govukCheckboxes` to spare that macro's cost for each box), they cost each page 0.2 to 0.3 ms more than
they do here. `group` takes `govukCheckboxes`' parameters, read the way the template read them: `idPrefix`, `name`,
`fieldset.legend` (text and classes), an optional `hint` (text), `classes` and `items` (each a value, its text and
whether it is checked). `tests/test_components.py` compares the markup with `govukCheckboxes`' own, token by
token."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from tracker.web.tags import text


def checkboxes(group: Mapping[str, Any]) -> Markup:
    prefix, name = group["idPrefix"], text(group["name"])
    legend = group["fieldset"]["legend"]
    legend_classes, legend_text = text(legend.get("classes", "")), text(legend["text"])
    hint = group.get("hint")
    hint_id = text(f"{prefix}-hint")
    described = f' aria-describedby="{hint_id}"' if hint else ""
    hint_line = f'\n    <div id="{hint_id}" class="govuk-hint">{text(hint["text"])}</div>' if hint else ""
    boxes = []
    for number, item in enumerate(group["items"], start=1):
        box_id = text(prefix if number == 1 else f"{prefix}-{number}")
        checked = " checked" if item.get("checked") else ""
        boxes.append(
            f'\n      <div class="govuk-checkboxes__item">\n'
            f'        <input class="govuk-checkboxes__input" id="{box_id}" name="{name}" type="checkbox"'
            f' value="{text(item["value"])}"{checked}>\n'
            f'        <label class="govuk-label govuk-checkboxes__label" for="{box_id}">'
            f"{text(item['text'])}</label>\n"
            f"      </div>"
        )
    return Markup(  # noqa: S704  (every value in it is escaped)
        f'<div class="govuk-form-group">\n'
        f'  <fieldset class="govuk-fieldset"{described}>\n'
        f'    <legend class="govuk-fieldset__legend {legend_classes}">{legend_text}</legend>'
        f"{hint_line}\n"
        f'    <div class="govuk-checkboxes {text(group.get("classes", ""))}" data-module="govuk-checkboxes">'
        f"{''.join(boxes)}\n    </div>\n  </fieldset>\n</div>"
    )
