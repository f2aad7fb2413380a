"""`/v1/moderate` (one post, synchronously) and `/v1/jobs` (many posts, in the background)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.service import jobs
from redline.service.deps import Integrator, Svc
from redline.service.moderation import moderate
from redline.service.schemas import ERRORS, JobIn, JobOut, ModerationOut, PostIn

router = APIRouter(prefix="/v1", responses=ERRORS)


@router.post("/moderate", response_model=ModerationOut, tags=["moderation"])
async def moderate_post(post: PostIn, svc: Svc, actor: Integrator, request: Request,
                        dry_run: bool | None = Query(None, description="Decide without enforcing "
                                                                        "(default: the service's setting).")) -> Any:
    """Moderate one post now: return the decision, mentions, stance, actions taken and statement of reasons."""
    dry = svc.config.dry_run if dry_run is None else dry_run
    model_post = post.to_post()
    if model_post.media:
        result = await run_in_threadpool(moderate, svc, model_post, dry)
    else:
        # Text-only judging and its ledger write are short: run in the event loop (in a thread, each of the
        # write's many GIL hand-offs waits out the interpreter's switch interval behind the loop), batched
        # with the requests that arrived at the same time (see redline.service.batcher).
        result = await request.app.state.batcher.moderate(model_post, dry)
    if set(result["actions"]) - {"queued_for_review"} and not result["duplicate"]:  # webhook-worthy actions
        request.app.state.worker_nudge()
    return JSONResponse(result)


@router.post("/jobs", response_model=JobOut, status_code=202, tags=["moderation"])
async def submit_job(body: JobIn, svc: Svc, actor: Integrator, request: Request) -> Any:
    """Queue many posts for background moderation; return the job id to poll."""
    job_id = await run_in_threadpool(jobs.submit, svc, body.posts, body.dry_run, actor.name)
    await run_in_threadpool(svc.audit, actor, "job_submit", job_id, {"posts": len(body.posts),
                                                                   "dry_run": body.dry_run})
    request.app.state.worker_nudge()
    out = await run_in_threadpool(jobs.status, svc, job_id, False)
    return JSONResponse(out, status_code=202, headers={"Location": f"/v1/jobs/{job_id}"})


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["moderation"])
def get_job(job_id: str, svc: Svc, actor: Integrator,
            results: bool = Query(True, description="Include the results processed so far.")) -> Any:
    """Return a bulk job's progress and its results so far, in submission order."""
    return jobs.status(svc, job_id, results)
