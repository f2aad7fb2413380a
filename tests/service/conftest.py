from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redline.service.app import create_app
from redline.service.auth import create_key
from redline.service.config import ServiceConfig
from redline.service.context import Services


@dataclass
class Api:
    client: TestClient
    svc: Services
    keys: dict[str, str]

    def h(self, role: str) -> dict[str, str]:
        """Return the auth header of the key with this role."""
        return {"Authorization": f"Bearer {self.keys[role]}"}


REVIEW_EVERYTHING = Path(__file__).with_name("review_everything.yaml")


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path))
    monkeypatch.delenv("REDLINE_DATABASE_URL", raising=False)
    monkeypatch.delenv("REDLINE_NOW", raising=False)
    monkeypatch.delenv("REDLINE_WEBHOOK_URL", raising=False)
    # Every post naming a designated entity waits for a reviewer, so the journeys do not depend on
    # how the judge reads the test sentences (the judge has its own tests).
    monkeypatch.setenv("REDLINE_POLICY", str(REVIEW_EVERYTHING))
    return tmp_path


@pytest.fixture()
def api(home: Path) -> Iterator[Api]:
    app = create_app(ServiceConfig.from_env(background=False))
    svc: Services = app.state.services
    keys = {role: create_key(svc.store, name, role) for name, role in
            [("platform", "integrator"), ("alice", "reviewer"), ("bob", "appeals"), ("root", "admin")]}
    keys["reviewer2"] = create_key(svc.store, "carol", "reviewer")
    with TestClient(app) as client:
        yield Api(client, svc, keys)


def queued_post(api: Api, post_id: str = "p1", author: str = "author1",
                text: str = "Qassem Soleimani led the Quds Force.") -> str:
    """Moderate a post naming a designated person and return its decision id (it must be recorded)."""
    r = api.client.post("/v1/moderate", json={"id": post_id, "author": author, "text": text}, headers=api.h("integrator"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["decision_id"], body
    return str(body["decision_id"])


def strike(api: Api, post_id: str = "p1", author: str = "author1", text: str = "Soleimani is our hero, join the Quds Force") -> str:
    """Put a post through review and have a reviewer find it violating; return the decision id."""
    did = queued_post(api, post_id, author, text)
    queue = [i["decision_id"] for i in api.client.get("/v1/review", headers=api.h("reviewer")).json()]
    if did in queue:
        r = api.client.post(f"/v1/review/{did}", json={"stance": "glorification", "reason": "praises him"},
                            headers=api.h("reviewer"))
        assert r.status_code == 200, r.text
    return did
