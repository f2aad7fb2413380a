"""The UI through HTTP: login with CSRF, cookie flags, escaping of hostile posts, highlighting, charts, report."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from tests.service.conftest import Api, queued_post, strike
from typer.testing import CliRunner

from redline.cli import app as cli
from redline.enforce import utcnow
from redline.report.transparency import write_report
from redline.service.charts import bars
from redline.service.highlight import Span, segments

HOSTILE = 'Soleimani <script>window.__xss=1</script> "><img src=x onerror=alert(1)> \u202eevil\u202c'


def _login(api: Api, name: str, role: str) -> str:
    page = api.client.get("/ui/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    r = api.client.post("/ui/login", data={"name": name, "key": api.keys[role], "csrf": token.group(1), "next": "/ui/review"},
                        follow_redirects=False)
    assert r.status_code == 303, r.text
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    home = api.client.get("/ui/review")
    csrf = re.search(r'name="csrf" value="([^"]+)"', home.text)
    assert csrf
    return csrf.group(1)


def test_pages_need_login_and_login_needs_csrf(api: Api) -> None:
    assert api.client.get("/ui/review", follow_redirects=False).headers["location"].startswith("/ui/login")
    api.client.get("/ui/login")
    r = api.client.post("/ui/login", data={"name": "alice", "key": api.keys["reviewer"], "csrf": "forged"})
    assert r.status_code == 403
    page = api.client.get("/ui/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    r = api.client.post("/ui/login", data={"name": "mallory", "key": api.keys["reviewer"], "csrf": token})
    assert r.status_code == 401


def test_review_form_requires_csrf_and_records_reviewer(api: Api) -> None:
    did = queued_post(api)
    csrf = _login(api, "alice", "reviewer")
    r = api.client.post(f"/ui/review/{did}", data={"stance": "glorification", "reason": "x", "csrf": "bad"})
    assert r.status_code == 403
    r = api.client.post(f"/ui/review/{did}", data={"stance": "glorification", "reason": "praise", "csrf": csrf},
                        follow_redirects=False)
    assert r.status_code == 303 and "violating" in r.headers["location"]
    account = api.client.get("/v1/accounts/author1", headers=api.h("integrator")).json()
    assert account["strikes_in_force"] == 1 and any(e["actor"] == "alice" for e in account["events"])


def test_hostile_post_is_escaped_on_every_page(api: Api) -> None:
    did = queued_post(api, "evil", "att<b>acker", HOSTILE)
    _login(api, "root", "admin")
    for path in ("/ui/review", f"/ui/decisions/{did}"):
        html = api.client.get(path).text
        assert "<script>window.__xss" not in html and "<img src=x" not in html
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
        assert "\u202e" not in html and "U+202E" in html
        assert "att&lt;b&gt;acker" in html


def test_account_page_shows_strike_and_statement(api: Api) -> None:
    strike(api)
    _login(api, "root", "admin")
    html = api.client.get("/ui/accounts/author1").text
    assert 'id="strikes-in-force">1<' in html and "Statement of reasons" in html and "warning" in html


def test_dashboard_and_policy_render_charts(api: Api) -> None:
    strike(api)
    _login(api, "root", "admin")
    html = api.client.get("/ui/").text
    assert html.count("<svg") == 4 and "Decisions per day by verdict" in html
    assert "redline-default" in api.client.get("/ui/policy").text or "Policy in force" in api.client.get("/ui/policy").text


def test_segments_follow_offsets_and_isolate_bidi_controls() -> None:
    text = "ab\u202eXYcd"
    segs = segments(text, [Span(1, 4, "mention", "m"), Span(4, 5, "cue", "c"), Span(3, 99, "cue", "out of range")])
    assert "".join(s.text for s in segs if not s.control) == "abXYcd"
    assert [s.text for s in segs if s.control] == ["[U+202E RIGHT-TO-LEFT OVERRIDE]"]
    assert [(s.text, s.kinds) for s in segs if not s.control] == [("a", []), ("b", ["mention"]), ("X", ["mention"]),
                                                                  ("Y", ["cue"]), ("cd", [])]


def test_chart_labels_are_escaped() -> None:
    svg = str(bars("<t>", {"<script>": 1.0}))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<svg" in svg


def test_transparency_report_counts_actions_and_reversals(api: Api, tmp_path: Path) -> None:
    did = strike(api)
    appeal = api.client.post("/v1/appeals", json={"decision_id": did, "reason": "r"}, headers=api.h("integrator")).json()
    api.client.post(f"/v1/appeals/{appeal['appeal_id']}/decision", json={"outcome": "reverse", "reason": "ok"},
                    headers=api.h("appeals"))
    now = utcnow()
    out = write_report(api.svc.store, now - timedelta(days=2), now + timedelta(days=1), tmp_path / "r.html")
    html = out.read_text()
    assert "Transparency report" in html and html.count("<svg") == 4
    assert re.search(r"decided by a human reviewer</td><td class=\"n\">1<", html)
    assert re.search(r"Strikes reversed</th><td class=\"n\">1<", html)
    assert "<script" not in html


def test_cli_apikey_and_report(home: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    made = runner.invoke(cli, ["apikey", "create", "--role", "reviewer", "--name", "dana"])
    assert made.exit_code == 0 and made.stdout.strip().startswith("rl_")
    listed = runner.invoke(cli, ["apikey", "list"])
    assert "dana" in listed.stdout and made.stdout.strip() not in listed.stdout
    day = utcnow().date().isoformat()
    rep = runner.invoke(cli, ["report", "--from", day, "--to", day, "-o", str(tmp_path / "t.html")])
    assert rep.exit_code == 0 and (tmp_path / "t.html").read_text().startswith("<!doctype html>")
