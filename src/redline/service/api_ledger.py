"""`/v1/decisions`, `/v1/accounts`, `/v1/review` and `/v1/appeals`: the ledger read and changed by people."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request

from redline.enforce import appeal_decide, appeal_file, review_decide, review_queue
from redline.service import ledger
from redline.service.deps import AnyRole, AppealsRole, FilesAppeals, Reviewer, Svc
from redline.service.schemas import ERRORS, AppealDecisionIn, AppealIn, ReviewIn

router = APIRouter(prefix="/v1", responses=ERRORS)


@router.get("/decisions", tags=["ledger"])
def list_decisions(svc: Svc, actor: AnyRole, author: str | None = Query(None, max_length=512),
                   verdict: Literal["allow", "review", "violating"] | None = None,
                   limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)
                   ) -> list[dict[str, Any]]:
    """Return recorded decisions, newest first."""
    return ledger.list_decisions(svc.store, author, verdict, limit, offset)


@router.get("/decisions/{decision_id}", tags=["ledger"])
def get_decision(decision_id: str, svc: Svc, actor: AnyRole) -> dict[str, Any]:
    """Return one decision with its events, statement of reasons and appeal."""
    return ledger.decision_detail(svc.store, decision_id)


@router.get("/accounts/{author}", tags=["ledger"])
def get_account(author: str, svc: Svc, actor: AnyRole) -> dict[str, Any]:
    """Return an author's state (strikes in force, penalty, closed), history and statements of reasons."""
    state = svc.enforcer().account(author).to_dict()
    return {**state, "statements": ledger.author_statements(svc.store, author)}


@router.get("/review", tags=["review"])
def list_review(svc: Svc, actor: Reviewer, limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
    """Return the decisions waiting for a reviewer, oldest first."""
    return [i.to_dict() for i in review_queue(svc.store, limit)]


@router.post("/review/{decision_id}", tags=["review"])
def decide_review(decision_id: str, body: ReviewIn, svc: Svc, actor: Reviewer, request: Request) -> dict[str, Any]:
    """Decide a queued item with a stance and a reason; a violating stance enforces a strike."""
    result = review_decide(svc.store, svc.policy, svc.clock, decision_id, body.stance, body.reason, actor.name)
    svc.audit(actor, "review_decide", decision_id, {"stance": body.stance, "final": result.final})
    request.app.state.worker_nudge()
    return result.to_dict()


@router.get("/appeals", tags=["appeals"])
def list_appeals(svc: Svc, actor: AnyRole, status: Literal["open", "decided"] | None = None,
                 limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
    """Return appeals, oldest first."""
    return ledger.list_appeals(svc.store, status, limit)


@router.post("/appeals", status_code=201, tags=["appeals"])
def file_appeal(body: AppealIn, svc: Svc, actor: FilesAppeals) -> dict[str, Any]:
    """File the author's appeal against a decision that took action (one per decision)."""
    appeal_id = appeal_file(svc.store, svc.clock, body.decision_id, body.reason)
    svc.audit(actor, "appeal_file", body.decision_id, {"appeal_id": appeal_id})
    return {"appeal_id": appeal_id, "decision_id": body.decision_id, "status": "open"}


@router.post("/appeals/{appeal_id}/decision", tags=["appeals"])
def decide_appeal(appeal_id: int, body: AppealDecisionIn, svc: Svc, actor: AppealsRole,
                  request: Request) -> dict[str, Any]:
    """Uphold or reverse an appeal; a reversal removes the strike and may restore the account."""
    result = appeal_decide(svc.store, svc.policy, svc.clock, appeal_id, body.outcome == "uphold", actor.name,
                           body.reason)
    svc.audit(actor, "appeal_decide", str(appeal_id), {"outcome": result.outcome})
    request.app.state.worker_nudge()
    return result.to_dict()
