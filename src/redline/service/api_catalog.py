"""`/v1/watchlist`, `/v1/banks`, `/v1/gallery`, `/v1/policy` and `/v1/outbox`: what the engine matches against."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query

from redline.errors import NotFoundError
from redline.service import catalog, webhooks
from redline.service.deps import Admin, AnyRole, Svc
from redline.service.policy_view import policy_dict
from redline.service.schemas import ERRORS, BankEntryIn, EntityIn, GalleryIn

router = APIRouter(prefix="/v1", responses=ERRORS)
BankName = Path(pattern=r"^[A-Za-z0-9_.-]{1,64}$")


@router.get("/watchlist", tags=["watchlist"])
def list_entities(svc: Svc, actor: AnyRole, q: str | None = Query(None, max_length=200),
                  limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Return a page of the active watchlist (optionally only names containing `q`)."""
    needle = q.casefold() if q else None
    found = [e for e in svc.watchlist
             if needle is None or any(needle in n.casefold() for n in e.all_names())]
    return {"total": len(found), "entities": [e.to_dict() for e in found[offset:offset + limit]]}


@router.get("/watchlist/{entity_id}", tags=["watchlist"])
def get_entity(entity_id: str, svc: Svc, actor: AnyRole) -> dict[str, Any]:
    """Return one entity of the active watchlist."""
    entity = svc.watchlist.get(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return entity.to_dict()


@router.post("/watchlist", status_code=201, tags=["watchlist"])
def add_entity(body: EntityIn, svc: Svc, actor: Admin) -> dict[str, Any]:
    """Add a designated person or organization to the user watchlist (it is matched from now on)."""
    entity = catalog.add_entity(svc.watchlist, body)
    svc.reload()
    svc.audit(actor, "watchlist_add", entity.id, {"name": entity.name})
    return entity.to_dict()


@router.get("/banks", tags=["media"])
def list_banks(svc: Svc, actor: AnyRole) -> list[dict[str, Any]]:
    """Return the hash banks with their settings and sizes."""
    return catalog.bank_list()


@router.get("/banks/{name}", tags=["media"])
def get_bank(svc: Svc, actor: AnyRole, name: str = BankName, limit: int = Query(200, ge=1, le=5000),
             offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Return one bank and a page of its entries."""
    return catalog.bank_show(name, limit, offset)


@router.post("/banks/{name}/entries", status_code=201, tags=["media"])
def add_bank_entry(body: BankEntryIn, svc: Svc, actor: Admin, name: str = BankName) -> dict[str, Any]:
    """Add a PDQ or MD5 hash to a bank (created when missing)."""
    out = catalog.bank_add(name, body, svc.watchlist)
    svc.reload()
    svc.audit(actor, "bank_add", name, {"signal": body.signal, "entity_id": body.entity_id})
    return out


@router.get("/gallery", tags=["media"])
def list_gallery(svc: Svc, actor: AnyRole) -> dict[str, Any]:
    """Return how many reference faces each designated person has."""
    return catalog.gallery_list()


@router.post("/gallery/{entity_id}", status_code=201, tags=["media"])
def add_gallery_photo(entity_id: str, body: GalleryIn, svc: Svc, actor: Admin) -> dict[str, Any]:
    """Enroll a reference photo of a designated person (needs the `faces` extra)."""
    out = catalog.gallery_add(entity_id, body.data_base64, body.name, svc.watchlist)
    svc.reload()
    svc.audit(actor, "gallery_add", entity_id, {"references": out["references"]})
    return out


@router.get("/policy", tags=["policy"])
def get_policy(svc: Svc, actor: AnyRole) -> dict[str, Any]:
    """Return the policy in force: version, tiers, thresholds, the strike ladder, severe rules, exemptions."""
    return policy_dict(svc.policy)


@router.get("/outbox", tags=["webhooks"])
def get_outbox(svc: Svc, actor: Admin, limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    """Return webhook delivery counts and the latest notifications."""
    return webhooks.outbox_summary(svc, limit)
