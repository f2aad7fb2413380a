"""Hostile posts in a real browser: nothing they carry executes, and their text shows escaped."""

from __future__ import annotations

from typing import Any

import pytest
from tests.browser.conftest import SHOTS, Server, login

pytestmark = pytest.mark.browser

HOSTILE = [
    "Soleimani <script>window.__xss = 1</script>",
    'Soleimani <img src=x onerror="window.__xss = 2">',
    'Soleimani "><svg onload="window.__xss = 3"></svg><a href="javascript:window.__xss=4">x</a>',
    "Soleimani ' onmouseover='window.__xss = 5' x='",
    "Soleimani \u202egnp.exe\u202c praise \u2066hidden\u2069 <style>*{display:none}</style>",
]


def test_hostile_posts_do_not_execute(server: Server, browser: Any) -> None:
    ids = []
    for i, text in enumerate(HOSTILE):
        r = server.api("POST", "/v1/moderate", json={"id": f"x{i}", "author": f"<b>evil{i}</b>\u202e", "text": text})
        assert r.status_code == 200, r.text
        ids.append(r.json()["decision_id"])
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    login(page, server, "alice", "reviewer")
    pages = ["/ui/review", *(f"/ui/review/{d}" for d in ids if d), *(f"/ui/decisions/{d}" for d in ids if d),
             "/ui/accounts/" + "%3Cb%3Eevil0%3C%2Fb%3E%E2%80%AE"]
    for path in pages:
        page.goto(server.url + path)
        page.hover("body")
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("script:not([src])").count() == 0, path
        assert page.locator("img[src=x], svg[onload]").count() == 0, path
    page.goto(server.url + f"/ui/decisions/{ids[0]}")
    assert "<script>window.__xss = 1</script>" in page.locator("blockquote.post").inner_text()
    page.goto(server.url + f"/ui/decisions/{ids[4]}")
    assert "U+202E" in page.locator("blockquote.post").inner_text()
    page.screenshot(path=str(SHOTS / "10-hostile-post.png"), full_page=True)
    assert dialogs == []
