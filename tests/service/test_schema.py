"""Schemathesis against the OpenAPI document: generated requests never crash the service or break the schema."""

from __future__ import annotations

import os
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth

from redline.service.app import create_app
from redline.service.auth import create_key
from redline.service.config import ServiceConfig

# The app is built once for the module, in its own data directory (schemathesis needs it at collection time).
_HOME = tempfile.mkdtemp(prefix="redline-schema-")
os.environ.setdefault("REDLINE_SCHEMA_HOME", _HOME)
_old = os.environ.get("REDLINE_HOME")
os.environ["REDLINE_HOME"] = _HOME
APP = create_app(ServiceConfig.from_env(database_url=f"sqlite:///{_HOME}/s.db", background=False))
ADMIN = create_key(APP.state.services.store, "fuzzer", "admin")
if _old is None:
    del os.environ["REDLINE_HOME"]
else:
    os.environ["REDLINE_HOME"] = _old

schema = schemathesis.openapi.from_asgi("/v1/openapi.json", APP).include(
    path_regex=r"^/v1/(moderate|decisions|decisions/\{decision_id\}|appeals|review|policy)$")


@pytest.fixture(autouse=True)
def _home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_HOME", _HOME)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    headers = {k: v for k, v in (case.headers or {}).items() if k.lower() not in ("authorization", "x-api-key")}
    case.headers = {**headers, "Authorization": f"Bearer {ADMIN}"}
    response = case.call()
    assert response.status_code < 500, response.text
    body = response.json()
    if response.status_code >= 400:
        assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])
    # Authentication itself is covered by test_api; the fuzzer's own auth probes would replay our valid key.
    case.validate_response(response, excluded_checks=[ignored_auth])
