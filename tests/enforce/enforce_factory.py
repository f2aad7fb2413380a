"""Build posts and the Decisions the judge and policy would give them, for enforcement tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from redline.model import Assessment, Decision, Mention, Method, Post, Stance
from redline.policy import Policy, decide

T0 = datetime(2026, 3, 1, 12, 0, 0)
ENTITY = Mention("q-test-1", "Test Leader", "Test Leader", 0, 11, Method.NAME, 0.97)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


def judged(policy: Policy, post_id: str, author: str, stance: Stance | None, confidence: float = 0.93,
           version: int = 1, account_type: str | None = None, score: float = 0.97) -> tuple[Decision, Post]:
    """Return (decision, post) as the policy decides for one mention judged with `stance` (None: no mention)."""
    post = Post(post_id, author, f"post {post_id} about Test Leader", version=version, account_type=account_type,
                lang="en", created_at="2026-02-28T10:00:00Z")
    if stance is None:
        return decide(post, [], policy), post
    mention = Mention(ENTITY.entity_id, ENTITY.entity_name, ENTITY.surface, 0, 11, Method.NAME, score)
    return decide(post, [Assessment(mention, stance, confidence)], policy, [mention], {ENTITY.entity_id: 1}), post
