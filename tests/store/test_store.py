"""The store: migrations on open, WAL on SQLite, and append-only, idempotent tables in the database itself."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import delete, insert, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from redline.errors import ConfigError
from redline.store import DecisionRow, EventRow, Store

NOW = datetime(2026, 1, 1)


def decision(did: str, post_id: str = "p1", rule: str = "tier1_glorification") -> dict[str, object]:
    return {"id": did, "post_id": post_id, "post_version": 1, "rule": rule, "author": "a", "verdict": "violating",
            "stance": "glorification", "confidence": 0.9, "severity": "standard", "policy_version": "v",
            "explanation": "why", "assessments": [], "content_types": [], "content_date": None,
            "content_language": None, "account_type": None, "created_at": NOW}


def event(key: str | None) -> dict[str, object]:
    return {"author": "a", "kind": "strike_added", "decision_id": None, "appeal_id": None, "actor": "system",
            "at": NOW, "policy_version": "v", "reason": "r", "data": {"n": 1}, "dedup_key": key}


def test_open_migrates_to_head_and_reopens(db_url: str) -> None:
    Store(db_url).close()
    store = Store(db_url)
    version = store.read(lambda s: s.scalar(text("SELECT version_num FROM alembic_version")))
    assert version == "0001"
    store.close()


def test_sqlite_uses_wal(tmp_path: object) -> None:
    store = Store(f"sqlite:///{tmp_path}/w.db")
    assert store.read(lambda s: s.scalar(text("PRAGMA journal_mode"))) == "wal"


def test_idempotency_key_is_a_database_constraint(db_url: str) -> None:
    store = Store(db_url)
    store.write(lambda s: s.execute(insert(DecisionRow), [decision("d1")]))
    with pytest.raises(IntegrityError):  # same (post id, post version, rule) under another id
        store.write(lambda s: s.execute(insert(DecisionRow), [decision("d2")]))
    store.write(lambda s: s.execute(insert(EventRow), [event("strike:d1"), event(None), event(None)]))
    with pytest.raises(IntegrityError):
        store.write(lambda s: s.execute(insert(EventRow), [event("strike:d1")]))


@pytest.mark.parametrize("statement", [
    lambda: update(EventRow).values(reason="rewritten"),
    lambda: delete(EventRow),
    lambda: update(DecisionRow).values(verdict="allow"),
    lambda: delete(DecisionRow),
])
def test_ledger_is_append_only(db_url: str, statement: object) -> None:
    store = Store(db_url)
    store.write(lambda s: s.execute(insert(DecisionRow), [decision("d1")]))
    store.write(lambda s: s.execute(insert(EventRow), [event("k")]))
    with pytest.raises(DBAPIError, match="append-only"):
        store.write(lambda s: s.execute(statement()))  # type: ignore[operator]


def test_bad_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="database URL"):
        Store("nosuchdb://x")
