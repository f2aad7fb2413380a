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


def keep_post(svc: Services, outcome: Outcome) -> None:
    """Store the post's text and mentions (once per version) so reviewers and appeal handlers can read it."""
    p = outcome.post
    row = {"post_id": p.id, "post_version": p.version, "author": p.author, "text": p.text, "lang": p.lang,
           "media_count": len(p.media), "mentions": [m.to_dict() for m in outcome.mentions],
           "received_at": utcnow()}

    def write(session: Session) -> None:
        ins = (postgresql.insert if svc.store.dialect == "postgresql" else sqlite.insert)(PostRow)
        session.execute(ins.on_conflict_do_nothing(), [row])
    svc.store.write(write)


def record(svc: Services, outcome: Outcome, dry_run: bool) -> dict[str, Any]:
    """Return the outcome record after enforcing it (unless dry-run): decision, mentions, actions, statement."""
    d = outcome.decision
    did, actions, duplicate, sor = None, [], False, None
    if needs_ledger(outcome, dry_run):
        keep_post(svc, outcome)
        result = svc.enforcer().enforce(d, outcome.post)
        did, actions, duplicate = result.decision_id, list(result.actions), result.duplicate
        if did is not None and "strike_added" in actions:
            sor = statement_for(svc.store, did)
        for a in actions if not duplicate else ():
            metrics.ACTIONS.labels(a).inc()
    metrics.DECISIONS.labels(d.verdict.value, "dry_run" if dry_run else "enforce").inc()
    return {
        "post_id": d.post_id, "post_version": d.post_version, "decision_id": did, "verdict": d.verdict.value,
        "rule": d.rule, "stance": d.stance.value if d.stance else None,
        "confidence": None if d.confidence is None else round(d.confidence, 4), "severity": d.severity,
        "explanation": d.explanation, "policy_version": d.policy_version,
        "mentions": [m.to_dict() for m in outcome.mentions], "actions": actions, "statement_of_reasons": sor,
        "dry_run": dry_run, "duplicate": duplicate, "decision": d.to_dict(),
        "failures": [{"detector": f.detector, "error": f.error} for f in outcome.failures],
    }


def moderate(svc: Services, post: Post, dry_run: bool) -> dict[str, Any]:
    """Return the outcome record of one post run through the engine and, unless dry-run, enforced."""
    return record(svc, svc.engine.moderate(post), dry_run)
