"""What every page must be, checked in the browser: axe-core's WCAG 2.2 AA rules, the GOV.UK page
shell (one h1, a title naming the page and the service, a skip link, landmarks, labelled fields),
and no script or style refused by the Content-Security-Policy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SERVICE = "Review learning tracker"
SCREENSHOTS = ROOT / "test-output" / "screenshots"

# Collected in every page from its first script on: init scripts run outside the page's CSP.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"} ${event.sample || ""}`);
});
"""

_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(1).join(" ")),
  }));
}"""

_SHELL = """() => {
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
      && getComputedStyle(el).visibility !== "hidden";
  const fields = [...document.querySelectorAll("input, select, textarea")].filter((el) =>
      !["hidden", "submit", "button", "image", "reset"].includes((el.type || "").toLowerCase()));
  const unlabelled = fields.filter((el) => {
      // GOV.UK radios and checkboxes hide the native input behind their label: judge them by the label.
      if (!visible(el) && !(el.labels && [...el.labels].some(visible))) return false;
      const named = (el.labels && el.labels.length && [...el.labels].some((l) => l.textContent.trim()))
          || (el.getAttribute("aria-label") || "").trim()
          || (el.getAttribute("aria-labelledby") || "").split(/\\s+/).some((id) => {
              const ref = id && document.getElementById(id); return ref && ref.textContent.trim(); });
      return !named;
  }).map((el) => el.outerHTML.slice(0, 160));
  const skip = document.querySelector("a.govuk-skip-link, a[href='#main-content']");
  return {
    h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()),
    title: document.title,
    skip: skip ? skip.getAttribute("href") : null,
    mainId: document.querySelector("main") ? document.querySelector("main").id : null,
    landmarks: {
      header: !!document.querySelector("header, [role=banner]"),
      main: document.querySelectorAll("main, [role=main]").length,
      footer: !!document.querySelector("footer, [role=contentinfo]"),
      nav: !!document.querySelector("nav, [role=navigation]"),
    },
    unlabelled,
    lang: document.documentElement.lang,
  };
}"""


def inject_axe(page: Any) -> None:
    """Evaluated through the browser's debugging protocol, which the page's CSP does not govern:
    the pages keep their strict policy while they are scanned."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))


def axe_violations(page: Any) -> list[str]:
    inject_axe(page)
    found = page.evaluate(_AXE_RUN, AXE_TAGS)
    return [f"axe {v['id']} ({v['help']}): {node}" for v in found for node in v["nodes"]]


def shell_problems(page: Any, *, signed_in: bool = True) -> list[str]:
    shell = page.evaluate(_SHELL)
    problems = []
    if len(shell["h1"]) != 1:
        problems.append(f"{len(shell['h1'])} h1 elements: {shell['h1']}")
    title = shell["title"]
    suffix = f" – {SERVICE}"
    name = title[: -len(suffix)].removeprefix("Error: ").strip() if title.endswith(suffix) else ""
    if not title.endswith(suffix) or not name:
        problems.append(f"title {title!r} does not name the page before {suffix!r}")
    if shell["skip"] != "#main-content" or shell["mainId"] != "main-content":
        problems.append("no skip link to #main-content")
    missing = [k for k, v in shell["landmarks"].items() if not v and (k != "nav" or signed_in)]
    if missing:
        problems.append(f"landmarks missing: {missing}")
    if shell["landmarks"]["main"] != 1:
        problems.append(f"{shell['landmarks']['main']} main landmarks")
    if shell["lang"] != "en":
        problems.append(f"html lang is {shell['lang']!r}")
    problems += [f"unlabelled field: {html}" for html in shell["unlabelled"]]
    return problems


def csp_violations(page: Any) -> list[str]:
    return [f"CSP: {v}" for v in page.evaluate("() => window.__cspViolations || []")]


def page_problems(page: Any, *, signed_in: bool = True) -> list[str]:
    """Everything wrong with the page as it stands, in words; empty when nothing is."""
    # Read the CSP violations before axe runs, so that only the page's own loading is judged.
    found = csp_violations(page)
    found += shell_problems(page, signed_in=signed_in)
    found += axe_violations(page)
    return found


def screenshot(page: Any, folder: str, name: str) -> Path:
    path = SCREENSHOTS / folder / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def error_summary_has_focus(page: Any) -> bool:
    """GOV.UK Frontend moves focus to the error summary when the page loads with errors."""
    return bool(
        page.evaluate("() => !!document.activeElement && !!document.activeElement.closest('.govuk-error-summary')")
    )
