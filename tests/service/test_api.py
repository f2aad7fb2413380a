from __future__ import annotations

from tests.service.conftest import Api, queued_post, strike

from redline.service import jobs
from redline.service.tables import AuditRow


def test_health_and_readiness(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    ready = api.client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["entities"] > 0


def test_moderate_returns_decision_mentions_and_offsets(api: Api) -> None:
    text = "News: Qassem Soleimani was killed in Baghdad."
    body = api.client.post("/v1/moderate", json={"id": "n1", "author": "reporter", "text": text},
                           headers=api.h("integrator")).json()
    assert body["verdict"] in ("allow", "review", "violating")
    names = {m["entity_name"] for m in body["mentions"]}
    assert "Qassem Soleimani" in names
    for m in body["mentions"]:
        assert text[m["start"]:m["end"]] == m["surface"]
    assert body["decision"]["post_id"] == "n1"


def test_plain_post_is_allowed_and_not_recorded(api: Api) -> None:
    body = api.client.post("/v1/moderate", json={"id": "c1", "author": "x", "text": "my cat likes the sun"},
                           headers=api.h("integrator")).json()
    assert body["verdict"] == "allow" and body["decision_id"] is None and body["actions"] == []


def test_dry_run_records_nothing(api: Api) -> None:
    r = api.client.post("/v1/moderate?dry_run=true", json={"id": "d1", "author": "x", "text": "Soleimani"},
                        headers=api.h("integrator"))
    assert r.json()["dry_run"] is True and r.json()["decision_id"] is None
    assert api.client.get("/v1/decisions", headers=api.h("integrator")).json() == []


def test_errors_share_one_body(api: Api) -> None:
    cases = [
        (api.client.post("/v1/moderate", json={"id": "x"}), 401, "unauthorized"),
        (api.client.post("/v1/moderate", json={"id": "x"}, headers={"X-API-Key": "rl_nope"}), 401, "unauthorized"),
        (api.client.post("/v1/moderate", json={"id": "x"}, headers=api.h("integrator")), 422, "invalid_input"),
        (api.client.get("/v1/review", headers=api.h("integrator")), 403, "forbidden"),
        (api.client.get("/v1/decisions/dnope", headers=api.h("integrator")), 404, "not_found"),
        (api.client.get("/v1/accounts/nobody", headers=api.h("integrator")), 404, "not_found"),
    ]
    for resp, status, code in cases:
        assert resp.status_code == status, resp.text
        assert set(resp.json()) == {"error"} and resp.json()["error"]["code"] == code
        assert resp.json()["error"]["message"]


def test_media_must_be_bytes_or_public_url(api: Api) -> None:
    r = api.client.post("/v1/moderate", json={"id": "m", "author": "a", "media": [{"url": "/etc/passwd"}]},
                        headers=api.h("integrator"))
    assert r.status_code == 422
    r = api.client.post("/v1/moderate", json={"id": "m", "author": "a", "media": [{"data_base64": "!!"}]},
                        headers=api.h("integrator"))
    assert r.status_code == 422 and "data_base64" in r.json()["error"]["message"]
    r = api.client.post("/v1/moderate", json={"id": "m", "author": "a", "media": [{"data_base64": "abc"}]},
                        headers=api.h("integrator"))
    assert r.status_code == 200 and r.json()["failures"][0]["detector"] == "media"


def test_review_strike_appeal_reversal_journey(api: Api) -> None:
    did = strike(api)
    account = api.client.get("/v1/accounts/author1", headers=api.h("integrator")).json()
    assert account["strikes_in_force"] == 1
    assert account["statements"][0]["statement_of_reasons"]["automated_decision"] == "AUTOMATED_DECISION_PARTIALLY"
    assert any(e["actor"] == "alice" for e in account["events"])
    again = api.client.post(f"/v1/review/{did}", json={"stance": "neutral", "reason": "x"}, headers=api.h("reviewer"))
    assert again.status_code == 409
    filed = api.client.post("/v1/appeals", json={"decision_id": did, "reason": "I was quoting him to criticise"},
                            headers=api.h("integrator"))
    assert filed.status_code == 201
    appeal_id = filed.json()["appeal_id"]
    assert api.client.post("/v1/appeals", json={"decision_id": did, "reason": "again"},
                           headers=api.h("integrator")).status_code == 409
    assert api.client.post(f"/v1/appeals/{appeal_id}/decision", json={"outcome": "reverse", "reason": "r"},
                           headers=api.h("reviewer")).status_code == 403
    ruled = api.client.post(f"/v1/appeals/{appeal_id}/decision", json={"outcome": "reverse", "reason": "criticism"},
                            headers=api.h("appeals"))
    assert ruled.json()["outcome"] == "reversed"
    account = api.client.get("/v1/accounts/author1", headers=api.h("integrator")).json()
    assert account["strikes_in_force"] == 0
    assert api.client.get("/v1/appeals?status=decided", headers=api.h("appeals")).json()[0]["decided_by"] == "bob"
    audit = api.svc.store.read(lambda s: [(r.actor, r.action) for r in s.query(AuditRow).order_by(AuditRow.id)])
    assert ("alice", "review_decide") in audit and ("bob", "appeal_decide") in audit
    assert ("platform", "appeal_file") in audit


def test_bulk_job_is_processed_by_the_worker(api: Api) -> None:
    posts = [{"id": f"b{i}", "author": "bulk", "text": t} for i, t in
             enumerate(["hello world", "Soleimani was killed in 2020", "Quds Force news"])]
    r = api.client.post("/v1/jobs", json={"posts": posts}, headers=api.h("integrator"))
    assert r.status_code == 202 and r.json()["status"] == "pending"
    job_id = r.json()["job_id"]
    assert jobs.work_once(api.svc) == 3
    done = api.client.get(f"/v1/jobs/{job_id}", headers=api.h("integrator")).json()
    assert done["status"] == "done" and [x["post_id"] for x in done["results"]] == ["b0", "b1", "b2"]
    assert jobs.work_once(api.svc) == 0


def test_watchlist_entry_is_matched_after_adding(api: Api) -> None:
    entity = {"id": "test_org", "kind": "organization", "name": "Zorblax Brigade", "tier": 1,
              "aliases": [{"name": "Zorblaxi"}], "sources": ["https://example.org/list"]}
    assert api.client.post("/v1/watchlist", json=entity, headers=api.h("integrator")).status_code == 403
    assert api.client.post("/v1/watchlist", json=entity, headers=api.h("admin")).status_code == 201
    assert api.client.post("/v1/watchlist", json=entity, headers=api.h("admin")).status_code == 409
    got = api.client.get("/v1/watchlist?q=zorblax", headers=api.h("integrator")).json()
    assert got["total"] == 1
    body = api.client.post("/v1/moderate?dry_run=true", json={"id": "z", "author": "a", "text": "the Zorblax Brigade"},
                           headers=api.h("integrator")).json()
    assert "test_org" in {m["entity_id"] for m in body["mentions"]}


def test_banks_and_gallery(api: Api) -> None:
    entry = {"signal": "f" * 64, "signal_type": "pdq", "entity_id": "soleimani", "label": "poster"}
    assert api.client.post("/v1/banks/demo/entries", json=entry, headers=api.h("admin")).status_code == 201
    banks = api.client.get("/v1/banks", headers=api.h("reviewer")).json()
    assert banks == [{"name": "demo", "allow": False, "threshold": 31, "entries": 1}]
    assert api.client.get("/v1/banks/demo", headers=api.h("reviewer")).json()["entries"][0]["entity_id"] == "soleimani"
    assert api.client.get("/v1/banks/nope", headers=api.h("reviewer")).status_code == 404
    assert api.client.get("/v1/gallery", headers=api.h("reviewer")).json() == {"entities": {}, "total": 0}


def test_policy_and_metrics(api: Api) -> None:
    policy = api.client.get("/v1/policy", headers=api.h("reviewer")).json()
    assert policy["version"] and policy["ladder"][0]["penalty"] == "warning"
    queued_post(api)
    text = api.client.get("/metrics").text
    assert 'redline_http_requests_total{method="POST",route="/v1/moderate",status="200"}' in text
    assert "redline_decisions_total" in text


def test_openapi_document_lists_versioned_paths(api: Api) -> None:
    doc = api.client.get("/v1/openapi.json").json()
    assert "/v1/moderate" in doc["paths"] and "/v1/appeals/{appeal_id}/decision" in doc["paths"]
    assert all(p.startswith("/v1/") or p in ("/healthz", "/readyz") for p in doc["paths"])


def test_security_headers_everywhere(api: Api) -> None:
    for path in ("/healthz", "/ui/login", "/v1/nothing"):
        h = api.client.get(path).headers
        assert "script-src 'self'" in h["content-security-policy"] and "unsafe-inline" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
