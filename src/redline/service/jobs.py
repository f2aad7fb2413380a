"""Bulk jobs: posts stored as pending items, processed by a background worker, results kept with the job."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from redline.enforce import utcnow
from redline.errors import NotFoundError, RedlineError
from redline.model import Post
from redline.service import metrics
from redline.service.context import Services
from redline.service.moderation import moderate, moderate_many
from redline.service.schemas import PostIn
from redline.service.tables import JobItemRow, JobRow

log = logging.getLogger("redline.service.jobs")
CLAIM_S = 120  # an item claimed by a worker that died is picked up again after this long


def submit(svc: Services, posts: list[PostIn], dry_run: bool, actor: str) -> str:
    """Return the id of a new job holding `posts`, all pending."""
    job_id = "j" + uuid.uuid4().hex[:23]

    def write(session: Session) -> None:
        session.add(JobRow(id=job_id, actor=actor, dry_run=dry_run, created_at=svc.clock(), total=len(posts)))
        session.flush()
        rows = [{"job_id": job_id, "seq": i, "post": p.model_dump(), "done": False} for i, p in enumerate(posts)]
        for i in range(0, len(rows), 500):
            session.execute(insert(JobItemRow), rows[i:i + 500])
    svc.store.write(write)
    return job_id


def status(svc: Services, job_id: str, with_results: bool = True) -> dict[str, Any]:
    """Return a job's progress and, when asked, the results so far in submission order."""
    def read(session: Session) -> dict[str, Any]:
        job = session.get(JobRow, job_id)
        if job is None:
            raise NotFoundError(f"no job with id {job_id!r}")
        done = session.scalar(select(func.count()).where(JobItemRow.job_id == job_id, JobItemRow.done)) or 0
        out: dict[str, Any] = {"job_id": job.id, "total": job.total, "done": int(done), "dry_run": job.dry_run,
                               "status": "done" if done == job.total else "running" if done else "pending"}
        if with_results:
            q = select(JobItemRow).where(JobItemRow.job_id == job_id, JobItemRow.done).order_by(JobItemRow.seq)
            out["results"] = [r.result if r.result is not None else
                              {"post_id": r.post.get("id"), "error": r.error} for r in session.scalars(q)]
        return out
    return svc.store.read(read)


def _claim(svc: Services, limit: int) -> list[tuple[int, dict[str, Any], bool]]:
    """Return up to `limit` pending items, claimed by this worker for CLAIM_S seconds."""
    # A read first: the usual answer is "nothing pending", and it must not take the database's write lock.
    if not svc.store.read(lambda s: s.scalar(select(JobItemRow.id).where(~JobItemRow.done).limit(1))):
        return []
    def write(session: Session) -> list[tuple[int, dict[str, Any], bool]]:
        now = utcnow()  # claims use the real clock even when REDLINE_NOW fixes the ledger's
        q = (select(JobItemRow.id, JobItemRow.post, JobRow.dry_run).join(JobRow, JobRow.id == JobItemRow.job_id)
             .where(~JobItemRow.done, (JobItemRow.claimed_until.is_(None)) | (JobItemRow.claimed_until < now))
             .order_by(JobItemRow.id).limit(limit))
        if svc.store.dialect == "postgresql":
            q = q.with_for_update(skip_locked=True, of=JobItemRow)
        items = [(int(i), dict(p), bool(dr)) for i, p, dr in session.execute(q)]
        if items:
            session.execute(update(JobItemRow).where(JobItemRow.id.in_([i for i, _, _ in items]))
                            .values(claimed_until=now + timedelta(seconds=CLAIM_S)))
        return items
    return svc.store.write(write)


def work_once(svc: Services, limit: int = 50) -> int:
    """Process one batch of pending items (judged together, results written in one transaction); return how many."""
    items = _claim(svc, limit)
    outcomes: dict[int, tuple[dict[str, Any] | None, str | None]] = {}
    posts: list[tuple[int, Post, bool]] = []
    for item_id, raw, dry_run in items:
        try:
            posts.append((item_id, PostIn.model_validate(raw).to_post(), dry_run))
        except (ValidationError, RedlineError) as exc:  # one bad post is that item's error
            outcomes[item_id] = (None, str(exc))
    try:
        results = moderate_many(svc, [(post, dry) for _, post, dry in posts])
        outcomes.update({item_id: (r, None) for (item_id, _, _), r in zip(posts, results, strict=True)})
    except Exception:
        # Something in the batch failed: redo it one by one so each item gets its own result or error.
        for item_id, post, dry in posts:
            outcomes[item_id] = _one(svc, item_id, post, dry)
    for _result, error in outcomes.values():
        metrics.JOB_ITEMS.labels("error" if error else "ok").inc()

    def write(session: Session) -> None:
        for item_id, (result, error) in outcomes.items():
            session.execute(update(JobItemRow).where(JobItemRow.id == item_id)
                            .values(done=True, result=result, error=error, claimed_until=None))
    if outcomes:
        svc.store.write(write)
    return len(items)


def _one(svc: Services, item_id: int, post: Post, dry_run: bool) -> tuple[dict[str, Any] | None, str | None]:
    """Return (result, error) for one item moderated alone."""
    try:
        return moderate(svc, post, dry_run), None
    except RedlineError as exc:
        return None, str(exc)
    except Exception as exc:
        log.exception("job item %s failed", item_id)
        return None, f"internal error: {type(exc).__name__}"
