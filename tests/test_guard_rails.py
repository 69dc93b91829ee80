"""The rules about where code lives, read from the source: each fails the build when a change breaks it.

The layers themselves (no page or command touches the session; rules, models, readers and
workbooks free of Flask) are import-linter contracts in pyproject.toml, run by `make test`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker import clock
from tracker.models import Action
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus, StatusWrittenOutsideLifeCycle

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / "tracker"
LIFECYCLE = TRACKER / "rules" / "lifecycle.py"
LIVE = TRACKER / "models" / "live.py"
# The file readers build plain results (a parsed action has a status too) and cannot import a model.
READERS = TRACKER / "parsing"
MAX_LINES = 400


def sources(root: Path) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(root.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _writes_status(node: ast.AST) -> bool:
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Attribute) and t.attr == "status" for t in targets)
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name == "Action" and any(k.arg == "status" for k in node.keywords):
            return True
        if name == "setattr" and len(node.args) >= 2:
            key = node.args[1]
            # A name chosen at run time could be "status": only the life cycle may write attributes that way.
            return not isinstance(key, ast.Constant) or key.value == "status"
    return False


def test_a_status_is_written_only_by_the_life_cycle() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in sources(TRACKER)
        if path != LIFECYCLE and READERS not in path.parents
        for node in ast.walk(tree)
        if _writes_status(node) and not _is_known_safe_setattr(path, node)
    ]
    assert offenders == [], "Change an action's status through tracker.rules.lifecycle (move or place): " + ", ".join(
        offenders
    )


# setattr calls that build things other than models, each checked by hand.
_SAFE_SETATTR = {
    ("tracker/web/imports/forms.py", "Form"),  # a form class with one field per unknown agency
    ("tracker/workbooks/cells.py", "prototype"),  # an openpyxl cell style
    ("tracker/access/policy.py", "view"),  # the permission mark on a view function
}


def _is_known_safe_setattr(path: Path, node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"):
        return False
    target = node.args[0]
    name = target.id if isinstance(target, ast.Name) else ""
    return (str(path.relative_to(ROOT)), name) in _SAFE_SETATTR


def test_the_model_refuses_a_status_written_any_other_way() -> None:
    action = Action()
    with pytest.raises(StatusWrittenOutsideLifeCycle):
        action.status = ActionStatus.ASSURED
    with pytest.raises(StatusWrittenOutsideLifeCycle):
        Action(status=ActionStatus.ASSURED)
    lifecycle.place(action, ActionStatus.SUBMITTED, at=clock.now())
    assert action.status == ActionStatus.SUBMITTED and action.submitted_at is not None


def test_not_withdrawn_is_written_once() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(TRACKER.rglob("*.py"))
        if path != LIVE
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "withdrawn_at.is_(None)" in line or "withdrawn_at.is_not(None)" in line
    ]
    assert offenders == [], "Use tracker.models.live (live_actions(), live(...)): " + ", ".join(offenders)


def test_no_module_passes_four_hundred_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in sorted(TRACKER.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"Split these by concern: {long}"


# Flask, Flask-SQLAlchemy and Flask-Login are used through their public names only, so that an
# upgrade cannot break the suite from underneath. Werkzeug documents `_get_current_object`.
_FRAMEWORKS = ("flask", "flask_sqlalchemy", "flask_login")
_DOCUMENTED = {"_get_current_object"}


def test_the_tests_use_only_public_framework_apis() -> None:
    offenders = []
    for path, tree in sources(ROOT / "tests"):
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _FRAMEWORKS:
                module_private = any(part.startswith("_") for part in (node.module or "").split("."))
                names_private = [a.name for a in node.names if a.name.startswith("_")]
                if module_private or names_private:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr not in _DOCUMENTED
                and isinstance(node.value, ast.Name)
                and node.value.id in {"db", "app", "flask", "login_manager", "current_user", "session", "g"}
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} ({node.value.id}.{node.attr})")
    assert offenders == [], "Private framework APIs in the tests: " + ", ".join(offenders)
