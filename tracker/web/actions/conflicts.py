"""Two people saved the same action: show the second both versions and keep what they typed."""

from __future__ import annotations

from typing import Any

from flask import render_template

from tracker.services.actions import conflicts
from tracker.web.actions.forms import VersionedForm


def conflict_page(changed: conflicts.ActionChanged, form: Any, template: str, **context: Any) -> tuple[str, int]:
    """The save was refused: show both versions, and keep what the user typed with the new version number."""
    compare = form.comparison if isinstance(form, VersionedForm) else (lambda _action: [])
    conflict = conflicts.conflict_for(changed.action_id, compare)
    if isinstance(form, VersionedForm):
        form.load(conflict.action)
    context["action"] = conflict.action
    return render_template(template, form=form, conflict=conflict, **context), 409
