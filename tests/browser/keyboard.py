"""Moving through pages with the keyboard alone, checking at every stop that focus can be seen."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import Visitor

# The element's look focused and unfocused: itself, its labels (GOV.UK radios draw focus on the
# label), and their ::before/::after. A visible focus indicator changes at least one of these.
_FOCUS_SHOWS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {shown: false, what: "nothing has focus"};
  const props = ["outline-style", "outline-width", "outline-color", "box-shadow", "background-color",
                 "color", "text-decoration-line", "text-decoration-thickness", "border-color", "border-width"];
  const parts = [el, ...(el.labels || [])];
  const look = () => parts.flatMap((part) => [null, "::before", "::after"].map((pseudo) => {
      const style = getComputedStyle(part, pseudo);
      return props.map((p) => style.getPropertyValue(p)).join("|");
  })).join("#");
  const focused = look();
  const box = el.getBoundingClientRect();
  const labelBox = el.labels && el.labels[0] ? el.labels[0].getBoundingClientRect() : box;
  el.blur();
  const unfocused = look();
  el.focus({preventScroll: true});
  return {
    shown: focused !== unfocused && (box.width * box.height > 0 || labelBox.width * labelBox.height > 0),
    what: el.outerHTML.slice(0, 140),
    refocused: document.activeElement === el,
  };
}"""


class FocusLost(AssertionError):
    pass


def focus_is_visible(visitor: Visitor) -> dict[str, Any]:
    return visitor.page.evaluate(_FOCUS_SHOWS)


def tab_to(visitor: Visitor, target: Any, *, limit: int = 120, backwards: bool = False) -> None:
    """Press Tab until `target` (a locator) has focus, checking the focus indicator at each stop."""
    target.wait_for(state="attached")
    for _ in range(limit):
        visitor.page.keyboard.press("Shift+Tab" if backwards else "Tab")
        state = focus_is_visible(visitor)
        if not state["shown"]:
            raise FocusLost(f"focus is not visible on {state['what']} ({visitor.path})")
        if target.evaluate("(el) => el === document.activeElement"):
            return
    raise FocusLost(f"Tab never reached {target} on {visitor.path}")


def activate(visitor: Visitor, key: str = "Enter") -> None:
    """Press a key on the focused link or button and wait for the page it leads to."""
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press(key)
    visitor.page.wait_for_load_state()


def type_into(visitor: Visitor, target: Any, text: str) -> None:
    tab_to(visitor, target)
    visitor.page.keyboard.type(text)


def press_for_the_file_chooser(page: Any) -> Any:
    """Space on the focused file input opens the file chooser. On a loaded machine headless Chromium now
    and then leaves the first press unanswered; a person would press again, and so does this, once."""
    try:
        with page.expect_file_chooser(timeout=5_000) as chooser:
            page.keyboard.press("Space")
    except PlaywrightTimeout:
        with page.expect_file_chooser(timeout=10_000) as chooser:
            page.keyboard.press("Space")
    return chooser.value
