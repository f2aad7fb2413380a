"""UI pages where people decide: the review queue, a decision's page, the appeals queue."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from redline.enforce import appeal_decide, appeal_file, review_decide, review_queue
from redline.errors import RedlineError
from redline.service import ledger
from redline.service.auth import Role
from redline.service.context import Services
from redline.service.highlight import segments, spans_of
from redline.service.ui import check_csrf, render, session_of

router = APIRouter(prefix="/ui", include_in_schema=False)
STANCE_KEYS = [("glorification", "g"), ("support", "s"), ("representation", "r"), ("reporting", "p"),
               ("neutral", "n"), ("condemnation", "c"), ("counter_speech", "x")]


def _svc(request: Request) -> Services:
    svc: Services = request.app.state.services
    return svc


def item_view(svc: Services, did: str) -> dict[str, Any]:
    """Return a decision with its post text cut into highlighted segments (for the review and decision pages)."""
    detail = ledger.decision_detail(svc.store, did)
    post = ledger.post_of(svc.store, detail["post_id"], detail["post_version"])
    text = post["text"] if post else ""
    mentions = post["mentions"] if post else [a.get("mention", {}) for a in detail["assessments"]]
    return {**detail, "post": post, "mentions": mentions,
            "segments": segments(text, spans_of(mentions, detail["assessments"]))}


@router.get("/review")
def review_list(request: Request, done: str = "", error: str = "") -> Response:
    """The queue: the oldest item in full, the rest listed."""
    session_of(request, Role.REVIEWER)
    svc = _svc(request)
    items = review_queue(svc.store, 200)
    current = item_view(svc, items[0].decision_id) if items else None
    return render(request, "review.html", items=items, item=current, stance_keys=STANCE_KEYS, done=done,
                  error=error)


@router.get("/review/{decision_id}")
def review_item(request: Request, decision_id: str) -> Response:
    """One queued item in full."""
    session_of(request, Role.REVIEWER)
    svc = _svc(request)
    items = review_queue(svc.store, 200)
    return render(request, "review.html", items=items, item=item_view(svc, decision_id), stance_keys=STANCE_KEYS,
                  done="", error="")


@router.post("/review/{decision_id}")
async def review_submit(request: Request, decision_id: str, stance: str = Form(..., max_length=32),
                        reason: str = Form("", max_length=2000), csrf: str = Form("")) -> Response:
    """Apply a reviewer's one-click decision, then show the next item."""
    session, actor = session_of(request, Role.REVIEWER)
    check_csrf(session, csrf)
    svc = _svc(request)
    try:
        result = await run_in_threadpool(review_decide, svc.store, svc.policy, svc.clock, decision_id, stance,
                                         reason, actor.name)
    except RedlineError as exc:
        return RedirectResponse(f"/ui/review?error={quote(str(exc))}", status_code=303)
    await run_in_threadpool(svc.audit, actor, "review_decide", decision_id, {"stance": stance})
    request.app.state.worker_nudge()
    note = f"{decision_id}: {result.verdict}" + ("" if result.final else " (awaiting a second reviewer)")
    return RedirectResponse(f"/ui/review?done={quote(note)}", status_code=303)


@router.get("/decisions/{decision_id}")
def decision_page(request: Request, decision_id: str) -> Response:
    """A decision: the post highlighted, its events, statement of reasons and appeal."""
    session_of(request)
    return render(request, "decision.html", item=item_view(_svc(request), decision_id))


@router.get("/appeals")
def appeals_page(request: Request, done: str = "", error: str = "") -> Response:
    """Open appeals with their decisions, and the ones decided lately."""
    session_of(request, Role.APPEALS)
    svc = _svc(request)
    appeals = ledger.list_appeals(svc.store, None, 1000)
    open_ = [{**a, "item": item_view(svc, a["decision_id"])} for a in appeals if a["status"] == "open"][:50]
    decided = [a for a in appeals if a["status"] == "decided"][-50:][::-1]
    return render(request, "appeals.html", open_appeals=open_, decided=decided, done=done, error=error)


@router.post("/appeals/{appeal_id}")
async def appeal_submit(request: Request, appeal_id: int, outcome: str = Form(..., max_length=16),
                        reason: str = Form("", max_length=2000), csrf: str = Form("")) -> Response:
    """Uphold or reverse an appeal."""
    session, actor = session_of(request, Role.APPEALS)
    check_csrf(session, csrf)
    svc = _svc(request)
    try:
        result = await run_in_threadpool(appeal_decide, svc.store, svc.policy, svc.clock, appeal_id,
                                         outcome == "uphold", actor.name, reason)
    except RedlineError as exc:
        return RedirectResponse(f"/ui/appeals?error={quote(str(exc))}", status_code=303)
    await run_in_threadpool(svc.audit, actor, "appeal_decide", str(appeal_id), {"outcome": result.outcome})
    request.app.state.worker_nudge()
    return RedirectResponse(f"/ui/appeals?done={quote(f'appeal {appeal_id}: {result.outcome}')}", status_code=303)


@router.post("/appeals")
async def appeal_new(request: Request, decision_id: str = Form(..., max_length=40),
                     reason: str = Form("", max_length=5000), csrf: str = Form("")) -> Response:
    """File an appeal on the author's behalf (e.g. received by mail), recorded with the handler's name."""
    session, actor = session_of(request, Role.APPEALS)
    check_csrf(session, csrf)
    svc = _svc(request)
    try:
        appeal_id = await run_in_threadpool(appeal_file, svc.store, svc.clock, decision_id, reason)
    except RedlineError as exc:
        return RedirectResponse(f"/ui/appeals?error={quote(str(exc))}", status_code=303)
    await run_in_threadpool(svc.audit, actor, "appeal_file", decision_id, {"appeal_id": appeal_id})
    return RedirectResponse(f"/ui/appeals?done={quote(f'appeal {appeal_id} filed')}", status_code=303)
