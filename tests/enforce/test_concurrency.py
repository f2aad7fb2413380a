"""Eight concurrent writers on the same accounts: strike counts and penalties stay exact."""

from __future__ import annotations

import dataclasses
import threading

from sqlalchemy import select
from tests.enforce.enforce_factory import Clock, judged

from redline.enforce import Enforcer, Kind
from redline.model import Stance
from redline.policy import LadderStep, PenaltyKind, Policy
from redline.store import EventRow, Store

WRITERS, AUTHORS, POSTS_PER_WRITER = 8, 4, 24


def test_eight_writers_count_exactly(db_url: str, policy: Policy, clock: Clock) -> None:
    # A long ladder, so every strike's penalty records the strike number it saw.
    ladder = tuple(LadderStep(PenaltyKind.RESTRICT_POSTING, n) for n in range(1, 200))
    long = dataclasses.replace(policy, ladder=ladder)
    Store(db_url).close()  # migrate once up front; the writers below also migrate concurrently (a no-op)
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(w: int) -> None:
        store = Store(db_url)
        try:
            enforcer = Enforcer(store, long, clock)
            items = [judged(long, f"w{w}-p{i}", f"author{i % AUTHORS}", Stance.GLORIFICATION)
                     for i in range(POSTS_PER_WRITER)]
            # Every writer also enforces the same shared posts: each must count once.
            items += [judged(long, f"shared-{i}", f"author{i % AUTHORS}", Stance.SUPPORT) for i in range(8)]
            start.wait()
            for k in range(0, len(items), 4):
                list(enforcer.enforce_many(items[k:k + 4], batch_size=4))
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    store = Store(db_url)
    expected = WRITERS * POSTS_PER_WRITER // AUTHORS + 8 // AUTHORS
    for a in range(AUTHORS):
        author = f"author{a}"
        state = Enforcer(store, long, clock).account(author)
        assert state.strikes_in_force == expected
        numbers = store.read(lambda s, au=author: list(s.scalars(
            select(EventRow.data).where(EventRow.author == au, EventRow.kind == Kind.PENALTY_APPLIED.value)
            .order_by(EventRow.id))))
        assert [n["strike_number"] for n in numbers] == list(range(1, expected + 1))
        assert state.penalty is not None and state.penalty.days == expected
    store.close()
