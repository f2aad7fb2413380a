"""A reviewer decides a queued item in a real browser; the account shows the strike; an appeal reverses it."""

from __future__ import annotations

from typing import Any

import pytest
from tests.browser.conftest import SHOTS, Server, login

pytestmark = pytest.mark.browser


def test_review_strike_appeal_journey(server: Server, browser: Any) -> None:
    r = server.api("POST", "/v1/moderate", json={"id": "post-1", "author": "author1",
                                                 "text": "Soleimani is our hero, join the Quds Force today"})
    assert r.status_code == 200 and r.json()["verdict"] in ("review", "violating"), r.text
    if r.json()["verdict"] == "violating":
        pytest.skip("the engine acted automatically on this post: nothing is queued for a reviewer")
    page = browser.new_page()
    login(page, server, "alice", "reviewer")
    page.goto(server.url + "/ui/review")
    assert page.locator("mark.hl-mention").count() >= 1
    page.fill("#reason", "Calls him a hero and recruits for the Quds Force")
    page.screenshot(path=str(SHOTS / "01-review-queue.png"), full_page=True)
    page.locator("body").click()  # leave the text box, then use the keyboard shortcut for glorification
    page.keyboard.press("g")
    page.wait_for_url("**/ui/review?done=*")
    assert "violating" in page.locator(".flash.ok").inner_text()

    page.goto(server.url + "/ui/accounts/author1")
    assert page.locator("#strikes-in-force").inner_text() == "1"
    assert "warning" in page.locator(".timeline").inner_text()
    page.screenshot(path=str(SHOTS / "02-account-strike.png"), full_page=True)

    appeals = browser.new_page()
    login(appeals, server, "bob", "appeals")
    appeals.goto(server.url + "/ui/accounts/author1")
    appeals.fill("form.inline input[name=reason]", "I was quoting a news headline")
    appeals.click("form.inline button[type=submit]")
    appeals.wait_for_url("**/ui/appeals?done=*")
    appeals.fill(".appeal textarea[name=reason]", "The post reports; it does not praise")
    appeals.screenshot(path=str(SHOTS / "03-appeal.png"), full_page=True)
    appeals.click(".appeal button[value=reverse]")
    appeals.wait_for_url("**/ui/appeals?done=*")
    assert "reversed" in appeals.locator(".flash.ok").inner_text()

    appeals.goto(server.url + "/ui/accounts/author1")
    assert appeals.locator("#strikes-in-force").inner_text() == "0"
    assert "strike reversed" in appeals.locator(".timeline").inner_text()
    assert appeals.locator(".appeal-status").inner_text() == "reversed"
    appeals.screenshot(path=str(SHOTS / "04-account-restored.png"), full_page=True)
    appeals.goto(server.url + "/ui/")
    assert appeals.locator("svg.chart").count() == 4
    appeals.screenshot(path=str(SHOTS / "05-dashboard.png"), full_page=True)
