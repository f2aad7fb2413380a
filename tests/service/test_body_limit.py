"""A body over the limit is refused with 413 and the common error body, declared or streamed."""

from __future__ import annotations

import json

from tests.service.conftest import Api


def test_declared_oversized_body_is_refused(api: Api) -> None:
    big = json.dumps({"id": "x", "author": "a", "text": "x" * (65 * 1024 * 1024)})
    r = api.client.post("/v1/moderate", content=big, headers={**api.h("integrator"), "content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_large"


def test_streamed_oversized_body_is_refused(api: Api) -> None:
    def chunks():  # no Content-Length: the limit is enforced on the bytes as they arrive
        yield b'{"id": "x", "author": "a", "text": "'
        for _ in range(70):
            yield b"x" * (1024 * 1024)
        yield b'"}'
    r = api.client.post("/v1/moderate", content=chunks(), headers={**api.h("integrator"),
                                                                    "content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_large"


def test_a_normal_post_still_passes(api: Api) -> None:
    r = api.client.post("/v1/moderate?dry_run=true", json={"id": "ok", "author": "a", "text": "hello"},
                        headers=api.h("integrator"))
    assert r.status_code == 200
