"""The checks catch what they are for: each is run on an app broken on purpose."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask

from config import TestConfig
from tests.security.checks import header_problems, undeclared_routes
from tracker import create_app
from tracker.web import shell as web


class Settings(TestConfig):
    pass


def fresh_app() -> Flask:
    return create_app(Settings)


def test_a_route_without_a_permission_is_reported(app: Flask) -> None:
    broken = fresh_app()
    careless = Blueprint("careless", __name__)

    @careless.get("/forgotten")
    def forgotten() -> str:
        return "Every review in the partnership"

    broken.register_blueprint(careless)
    assert undeclared_routes(broken) == ["careless.forgotten"]
    assert undeclared_routes(app) == []
    # Deny by default: even before the test fails, nobody reaches it.
    response = broken.test_client().get("/forgotten", base_url="http://tracker.test")
    assert response.status_code == 403


def test_a_response_without_the_header_hook_is_reported() -> None:
    broken = fresh_app()
    broken.after_request_funcs[None].remove(web._security_headers)
    response = broken.test_client().get("/sign-in", base_url="http://tracker.test")
    assert response.status_code == 200
    problems = header_problems(response.headers, https=False)
    assert "no Content-Security-Policy" in problems
    assert "no X-Content-Type-Options: nosniff" in problems


def test_weakened_policies_are_reported(client: Any) -> None:
    good = dict(client.get("/sign-in").headers)
    assert header_problems(good, https=False) == []

    def weakened(**changes: str) -> list[str]:
        return header_problems({**good, **changes}, https=False)

    csp = good["Content-Security-Policy"]
    assert weakened(
        **{"Content-Security-Policy": csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")}
    )
    assert weakened(
        **{"Content-Security-Policy": csp.replace("style-src 'self'", "style-src 'self' https://cdn.example")}
    )
    assert weakened(**{"Content-Security-Policy": csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'")})
    assert weakened(**{"Referrer-Policy": "unsafe-url"})
    assert weakened(**{"Strict-Transport-Security": "max-age=31536000"})
    assert header_problems({k: v for k, v in good.items() if k != "X-Content-Type-Options"}, https=False)
    assert header_problems(good, https=True) == ["no Strict-Transport-Security of at least 115 days over HTTPS"]
