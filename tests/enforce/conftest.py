from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests._pg import db_url, postgres_url
from tests.enforce.enforce_factory import Clock

from redline.enforce import Enforcer
from redline.policy import Policy, load_policy
from redline.store import Store

__all__ = ["db_url", "postgres_url"]


@pytest.fixture
def policy() -> Policy:
    return load_policy(use_env=False)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def enforcer(store: Store, policy: Policy, clock: Clock) -> Enforcer:
    return Enforcer(store, policy, clock)
