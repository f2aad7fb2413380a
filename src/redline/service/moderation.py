"""Moderating one post for the API and the bulk worker: engine, then (unless dry-run) enforcement."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from redline.enforce import (
    UNRECORDED_RULES,  # decisions the ledger ignores: skip its write lock
    utcnow,
)
from redline.engine import Outcome
from redline.model import Post
from redline.service import metrics
from redline.service.context import Services
from redline.service.ledger import statement_for
from redline.service.tables import PostRow


def needs_ledger(outcome: Outcome, dry_run: bool) -> bool:
    """Return True when recording this outcome writes to the ledger (so it belongs off the event loop)."""
    return not dry_run and outcome.decision.rule not in UNRECORDED_RULES


def keep_posts(svc: Services, outcomes: list[Outcome]) -> None:
    """Store the posts' text and mentions (once per version) so reviewers and appeal handlers can read them."""
    if not outcomes:
        return
    now = utcnow()
    rows = [{"post_id": o.post.id, "post_version": o.post.version, "author": o.post.author, "text": o.post.text,
             "lang": o.post.lang, "media_count": len(o.post.media), "mentions": [m.to_dict() for m in o.mentions],
             "received_at": now} for o in outcomes]

    def write(session: Session) -> None:
        ins = (postgresql.insert if svc.store.dialect == "postgresql" else sqlite.insert)(PostRow)
        session.execute(ins.on_conflict_do_nothing(), rows)
    svc.store.write(write)


def record_many(svc: Services, items: list[tuple[Outcome, bool]]) -> list[dict[str, Any]]:
    """Return the outcome records after enforcing them (unless dry-run), with one ledger transaction per call."""
    todo = [o for o, dry in items if needs_ledger(o, dry)]
    keep_posts(svc, todo)
    results = dict(zip((id(o) for o in todo),
                       svc.enforcer().enforce_many([(o.decision, o.post) for o in todo], batch_size=max(1, len(todo))),
                       strict=True))
    out = []
    for outcome, dry_run in items:
        d = outcome.decision
        did, actions, duplicate, sor = None, [], False, None
        result = results.get(id(outcome))
        if result is not None:
            did, actions, duplicate = result.decision_id, list(result.actions), result.duplicate
            if did is not None and "strike_added" in actions:
                sor = statement_for(svc.store, did)
            for a in actions if not duplicate else ():
                metrics.ACTIONS.labels(a).inc()
        metrics.DECISIONS.labels(d.verdict.value, "dry_run" if dry_run else "enforce").inc()
        out.append({
            "post_id": d.post_id, "post_version": d.post_version, "decision_id": did, "verdict": d.verdict.value,
            "rule": d.rule, "stance": d.stance.value if d.stance else None,
            "confidence": None if d.confidence is None else round(d.confidence, 4), "severity": d.severity,
            "explanation": d.explanation, "policy_version": d.policy_version,
            "mentions": [m.to_dict() for m in outcome.mentions], "actions": actions, "statement_of_reasons": sor,
            "dry_run": dry_run, "duplicate": duplicate, "decision": d.to_dict(),
            "failures": [{"detector": f.detector, "error": f.error} for f in outcome.failures],
        })
    return out


def record(svc: Services, outcome: Outcome, dry_run: bool) -> dict[str, Any]:
    """Return the outcome record after enforcing it (unless dry-run): decision, mentions, actions, statement."""
    return record_many(svc, [(outcome, dry_run)])[0]


def moderate(svc: Services, post: Post, dry_run: bool) -> dict[str, Any]:
    """Return the outcome record of one post run through the engine and, unless dry-run, enforced."""
    return record(svc, svc.engine.moderate(post), dry_run)


def moderate_many(svc: Services, items: list[tuple[Post, bool]]) -> list[dict[str, Any]]:
    """Return the outcome records of many posts: judged in one batch, enforced in one transaction."""
    outcomes = svc.engine.moderate_many([post for post, _ in items])
    return record_many(svc, [(o, dry) for o, (_, dry) in zip(outcomes, items, strict=True)])
