"""The web app's routes: one HTML shell for the client paths, static modules, and server routes left alone."""

import pytest

from tests.support.graphql import Gateway


@pytest.mark.parametrize("path", ["/", "/feed", "/stories/abc", "/peer-groups/g1/meetings/m1", "/search"])
def test_client_paths_get_the_shell_with_a_strict_policy(api: Gateway, path: str) -> None:
    response = api.http.get(path)
    assert response.status_code == 200
    assert '<script type="module" src="/static/app.js">' in response.text
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]


def test_static_modules_are_served_and_unknown_paths_are_not_pages(api: Gateway) -> None:
    assert api.http.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert api.http.get("/no-such-page").status_code == 404
    assert api.http.get("/static/../app.py").status_code == 404


def test_the_calendar_route_is_not_shadowed_by_the_client_paths(api: Gateway) -> None:
    response = api.http.get("/peer-groups/some-group/meetings.ics")
    assert response.status_code == 401
    assert "text/html" not in response.headers["content-type"]
