"""UI pages to look things up: dashboard, accounts, watchlist, banks and gallery, the policy in force."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from redline.errors import NotFoundError, RedlineError
from redline.service import catalog, charts, ledger, stats
from redline.service.auth import Role
from redline.service.context import Services
from redline.service.policy_view import policy_dict
from redline.service.schemas import EntityIn
from redline.service.ui import check_csrf, render, session_of

router = APIRouter(prefix="/ui", include_in_schema=False)


def _svc(request: Request) -> Services:
    svc: Services = request.app.state.services
    return svc


def dashboard_charts(st: stats.Stats) -> dict[str, Any]:
    """Return the dashboard's charts (SVG markup) and headline numbers for a period's stats."""
    days = st.days()
    verdicts = {v: [float(st.verdicts_by_day[d][v]) if d in st.verdicts_by_day else 0.0 for d in days]
                for v in ("violating", "review", "allow")}
    backlog, level = [], 0.0
    for d in days:
        level += st.reviews_requested.get(d, 0) - st.reviews_decided.get(d, 0)
        backlog.append(max(level, 0.0))
    overturn = [(c["reversed"] / (c["reversed"] + c["upheld"])) if (c := st.appeal_outcomes_by_day.get(d)) and
                (c["reversed"] + c["upheld"]) else 0.0 for d in days]
    return {
        "per_day": charts.stacked_bars("Decisions per day by verdict", days, verdicts),
        "stances": charts.bars("Stances of recorded decisions", dict(st.stances.most_common())),
        "backlog": charts.lines("Review queue: requested, decided, backlog", days, {
            "requested": [float(st.reviews_requested.get(d, 0)) for d in days],
            "decided": [float(st.reviews_decided.get(d, 0)) for d in days], "backlog": backlog}),
        "overturn": charts.bars("Appeal overturn rate per day", {d: r for d, r in zip(days, overturn, strict=True)},
                                percent=True),
        "appeals": charts.bars("Appeals decided", {"upheld": float(st.appeal_outcomes["upheld"]),
                                                   "reversed": float(st.appeal_outcomes["reversed"])}),
    }


@router.get("/")
def dashboard(request: Request, days: int = Query(30, ge=1, le=366)) -> Response:
    """Decisions per day by verdict, stances, review backlog, appeal overturn rate."""
    session_of(request)
    svc = _svc(request)
    until = svc.clock().replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    st = stats.collect(svc.store, until - timedelta(days=days), until)
    return render(request, "dashboard.html", st=st, charts=dashboard_charts(st), days=days)


@router.get("/accounts")
def account_search(request: Request, author: str = Query("", max_length=512)) -> Response:
    """Jump to an author's account page."""
    session_of(request)
    if author:
        return RedirectResponse(f"/ui/accounts/{quote(author, safe='')}", status_code=303)
    return render(request, "account.html", account=None, statements=[], decisions=[], author="")


@router.get("/accounts/{author}")
def account_page(request: Request, author: str) -> Response:
    """An author's strike timeline, current penalty and statements of reasons."""
    session_of(request)
    svc = _svc(request)
    try:
        account = svc.enforcer().account(author).to_dict()
    except NotFoundError:
        return render(request, "account.html", status=404, account=None, statements=[], decisions=[],
                      author=author)
    return render(request, "account.html", account=account, author=author,
                  statements=ledger.author_statements(svc.store, author),
                  decisions=ledger.list_decisions(svc.store, author=author, limit=100))


@router.get("/watchlist")
def watchlist_page(request: Request, q: str = Query("", max_length=200), offset: int = Query(0, ge=0),
                   done: str = "", error: str = "") -> Response:
    """Search the active watchlist; admins can add an entity."""
    session_of(request)
    svc = _svc(request)
    needle = q.casefold()
    found = [e for e in svc.watchlist if not needle or any(needle in n.casefold() for n in e.all_names())]
    return render(request, "watchlist.html", entities=found[offset:offset + 100], total=len(found), q=q,
                  offset=offset, done=done, error=error)


@router.post("/watchlist")
def watchlist_add(request: Request, entity_id: str = Form(..., max_length=128), name: str = Form(..., max_length=256),
                  kind: str = Form("organization", max_length=16), tier: int = Form(1),
                  aliases: str = Form("", max_length=5000), source: str = Form("", max_length=2048),
                  csrf: str = Form("")) -> Response:
    """Add an entity to the user watchlist (admins only)."""
    session, actor = session_of(request, Role.ADMIN)
    check_csrf(session, csrf)
    svc = _svc(request)
    try:
        body = EntityIn.model_validate({"id": entity_id, "kind": kind, "name": name, "tier": tier, "sources": [source],
                                        "aliases": [{"name": a.strip()} for a in aliases.splitlines() if a.strip()]})
        entity = catalog.add_entity(svc.watchlist, body)
    except (RedlineError, ValidationError) as exc:
        return RedirectResponse(f"/ui/watchlist?error={quote(str(exc)[:300])}", status_code=303)
    svc.reload()
    svc.audit(actor, "watchlist_add", entity.id, {"name": entity.name})
    return RedirectResponse(f"/ui/watchlist?q={quote(entity.name)}&done={quote('added ' + entity.id)}",
                            status_code=303)


@router.get("/banks")
def banks_page(request: Request) -> Response:
    """The hash banks and the face gallery."""
    session_of(request)
    return render(request, "banks.html", banks=catalog.bank_list(), gallery=catalog.gallery_list(), bank=None)


@router.get("/banks/{name}")
def bank_page(request: Request, name: str, offset: int = Query(0, ge=0)) -> Response:
    """One bank's entries."""
    session_of(request)
    return render(request, "banks.html", banks=catalog.bank_list(), gallery=catalog.gallery_list(),
                  bank=catalog.bank_show(name, 200, offset))


@router.get("/policy")
def policy_page(request: Request) -> Response:
    """The policy in force."""
    session_of(request)
    return render(request, "policy.html", policy=policy_dict(_svc(request).policy))
