"""Webhooks to a real HTTP receiver on 127.0.0.1: signed, retried, never dropped or duplicated by a restart."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from tests.service.conftest import Api, strike

from redline.enforce import utcnow
from redline.service import webhooks
from redline.service.app import create_app
from redline.service.auth import create_key
from redline.service.config import ServiceConfig
from redline.service.context import Services
from redline.service.tables import OutboxRow


class Receiver:
    """The platform's endpoint: records every request; answers 500 to the first `fail_first` requests."""

    def __init__(self, fail_first: int = 0) -> None:
        self.requests: list[tuple[dict[str, str], bytes, int]] = []
        self.fail_left = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = 500 if receiver.fail_left > 0 else 200
                receiver.fail_left -= 1
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def accepted_keys(self) -> list[str]:
        return [h["idempotency-key"] for h, _, status in self.requests if status == 200]


@pytest.fixture()
def receiver() -> Iterator[Receiver]:
    r = Receiver(fail_first=1)
    yield r
    r.server.shutdown()


def _app() -> tuple[TestClient, Services]:
    app = create_app(ServiceConfig.from_env(background=False))
    return TestClient(app), app.state.services


def test_actions_are_signed_retried_and_delivered_once_across_restarts(home: Path, receiver: Receiver,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("REDLINE_WEBHOOK_SECRET", "s3cret")
    client, svc = _app()
    keys = {role: create_key(svc.store, name, role) for name, role in
            [("platform", "integrator"), ("alice", "reviewer"), ("bob", "appeals")]}
    with client:
        api = Api(client, svc, keys)
        did = strike(api)
        appeal = client.post("/v1/appeals", json={"decision_id": did, "reason": "context"}, headers=api.h("integrator"))
        client.post(f"/v1/appeals/{appeal.json()['appeal_id']}/decision", json={"outcome": "reverse", "reason": "ok"},
                    headers=api.h("appeals"))
        assert webhooks.feed(svc) >= 2
        assert webhooks.feed(svc) == 0  # feeding again adds nothing
        with httpx.Client() as http:
            webhooks.dispatch(svc, http)  # the receiver fails the first one: it stays in the outbox
    # "Restart": a new app and services over the same database and outbox.
    client2, svc2 = _app()
    with client2, httpx.Client() as http:
        assert webhooks.feed(svc2) == 0
        svc2.store.write(lambda s: s.execute(update(OutboxRow).values(next_attempt_at=utcnow())))  # make the retry due now instead of in a second
        webhooks.dispatch(svc2, http)
        webhooks.dispatch(svc2, http)
        summary = webhooks.outbox_summary(svc2)
    assert summary["pending"] == 0
    accepted = receiver.accepted_keys()
    assert len(accepted) == len(set(accepted)) == summary["delivered"]
    assert len(receiver.requests) == len(accepted) + 1  # exactly one failed attempt, retried once
    types = []
    for headers, body, _ in receiver.requests:
        assert webhooks.verify("s3cret", headers["x-redline-timestamp"], body, headers["x-redline-signature"])
        assert not webhooks.verify("other", headers["x-redline-timestamp"], body, headers["x-redline-signature"])
        payload = json.loads(body)
        assert payload["id"] == headers["idempotency-key"] and payload["author"] == "author1"
        types.append(payload["type"])
    assert "warn" in types and "restore" in types
