"""The checks the security suite makes, as plain functions: the suite uses them on the real app,
and the regression tests use them on an app broken on purpose, to show that they would notice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask

from tracker.access import policy

# Where a page may be loaded from: this site, the page's own nonce, inline images (GOV.UK's data: icons).
_SAFE_SOURCES = re.compile(r"^('self'|'none'|'nonce-[A-Za-z0-9_\-]+=*'|data:)$")
_STRICT_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


@dataclass(frozen=True)
class Route:
    rule: str
    endpoint: str
    methods: frozenset[str]
    view: Callable[..., Any]

    @property
    def arguments(self) -> list[str]:
        return re.findall(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", self.rule)


def routes(app: Flask) -> list[Route]:
    """Every route of the app, from its URL map: a route added tomorrow is checked tomorrow."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        methods = frozenset(rule.methods or ()) - {"HEAD", "OPTIONS"}
        found.append(Route(rule.rule, rule.endpoint, methods, app.view_functions[rule.endpoint]))
    return sorted(found, key=lambda r: (r.endpoint == "auth.sign_out", r.rule))


def undeclared_routes(app: Flask) -> list[str]:
    """Endpoints whose view declares no permission: deny by default answers them 403, but a
    route without a declared permission is a mistake the author must hear about."""
    return [r.endpoint for r in routes(app) if policy.declared_permission(r.view) is None]


class MissingSample(LookupError):
    pass


def fill(rule: str, samples: Mapping[str, object]) -> str:
    """The rule's URL with each argument taken from `samples`; MissingSample names a missing
    object. A free-text argument with no sample (an import's token) gets a value that names nothing."""

    def value(match: re.Match[str]) -> str:
        converter, name = match.group(1), match.group(2)
        if name in samples:
            return str(samples[name])
        if name.endswith("_id") or converter == "int":
            raise MissingSample(name)
        return "sample"

    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", value, rule)


def csp_directives(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def header_problems(headers: Mapping[str, str], *, https: bool) -> list[str]:
    """What is wrong with one response's security headers, in words; empty when nothing is."""
    problems = []
    csp = headers.get("Content-Security-Policy")
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        directives = csp_directives(csp)
        for name, sources in directives.items():
            for source in sources:
                if source in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"):
                    problems.append(f"CSP {name} allows {source}")
                elif not _SAFE_SOURCES.match(source):
                    problems.append(f"CSP {name} allows {source}, which is not this site")
        if directives.get("frame-ancestors") != ["'none'"]:
            problems.append("CSP lacks frame-ancestors 'none'")
        if "default-src" not in directives:
            problems.append("CSP lacks default-src")
        if "object-src" not in directives and directives.get("default-src") != ["'none'"]:
            problems.append("CSP lacks object-src")
    if headers.get("X-Content-Type-Options", "").lower() != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if headers.get("Referrer-Policy", "").lower() not in _STRICT_REFERRERS:
        problems.append(f"Referrer-Policy is {headers.get('Referrer-Policy')!r}, not a strict policy")
    hsts = headers.get("Strict-Transport-Security")
    if https and (not hsts or not re.search(r"max-age=(\d{7,})", hsts)):
        problems.append("no Strict-Transport-Security of at least 115 days over HTTPS")
    if not https and hsts:
        problems.append("Strict-Transport-Security sent over plain HTTP")
    return problems


def get_pages(app: Flask, samples: Mapping[str, object]) -> Iterator[tuple[Route, str | None]]:
    """Each GET route with its URL, or None for the URL when no sample fills its arguments."""
    for route in routes(app):
        if "GET" not in route.methods:
            continue
        try:
            yield route, fill(route.rule, samples)
        except MissingSample:
            yield route, None
