"""Changing the watchlist, hash banks and face gallery from the service (one writer at a time per file)."""

from __future__ import annotations

import base64
import binascii
import fcntl
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from redline import settings
from redline.errors import ConfigError, InputError, NotFoundError, StateError
from redline.media.bank import parse_entry
from redline.media.config import bank_store, gallery_path
from redline.model import Alias, Designation, Entity, EntityKind
from redline.service.schemas import BankEntryIn, EntityIn
from redline.watchlist import Watchlist, read_file, write_native

SERVICE_FILE = "service-added.yaml"


@contextmanager
def _locked(name: str) -> Iterator[None]:
    """Hold an exclusive lock shared by every service process on this data directory."""
    path = settings.home() / f".{name}.lock"
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def add_entity(active: Watchlist, body: EntityIn) -> Entity:
    """Return the entity after adding it to the service's user watchlist file (its id must be new)."""
    if body.id in active:
        raise StateError(f"entity id {body.id!r} is already on the watchlist")
    entity = Entity(body.id, EntityKind(body.kind), body.name, body.tier,
                    tuple(Alias(a.name, a.lang, a.script, a.kind, a.ambiguous) for a in body.aliases),
                    (Designation(body.designated_by, body.program),), sources=tuple(body.sources), notes=body.notes)
    path = settings.user_watchlist_dir() / SERVICE_FILE
    with _locked("watchlist"):
        existing = list(read_file(path)) if path.exists() else []
        if any(e.id == body.id for e in existing):
            raise StateError(f"entity id {body.id!r} is already on the watchlist")
        trial = path.with_name(f".{path.name}.check.yaml")
        write_native(trial, [*existing, entity], {"source": "redline service"})
        try:
            read_file(trial)  # the watchlist's own validation: a bad entry never reaches the live file
        except ConfigError as exc:
            trial.unlink()
            raise InputError(f"entity {body.id!r}: {exc}") from None
        trial.replace(path)
    return entity


def bank_list() -> list[dict[str, Any]]:
    """Return every bank's name, settings and size."""
    return [{"name": b.name, "allow": b.allow, "threshold": b.threshold, "entries": len(b.entries)}
            for b in bank_store().load_all()]


def bank_show(name: str, limit: int = 200, offset: int = 0) -> dict[str, Any]:
    """Return one bank with a page of its entries."""
    bank = bank_store().load(name)
    entries = [{"signal": e.signal, "signal_type": e.signal_type, "entity_id": e.entity_id, "label": e.label,
                "source": e.source, "quality": e.quality} for e in bank.entries[offset:offset + limit]]
    return {"name": bank.name, "allow": bank.allow, "threshold": bank.threshold, "total": len(bank.entries),
            "entries": entries}


def bank_add(name: str, body: BankEntryIn, active: Watchlist) -> dict[str, Any]:
    """Add one hash to a bank (created when missing); return the bank's new size."""
    if body.entity_id and body.entity_id not in active:
        raise NotFoundError(f"entity {body.entity_id!r} is not on the watchlist")
    labels = " ".join(p for p in (f"entity:{body.entity_id}" if body.entity_id else "",
                                  f"label:{body.label}" if body.label else "",
                                  f"source:{body.source}" if body.source else "") if p)
    entry = parse_entry(body.signal, body.signal_type, labels, f"bank {name}")
    store = bank_store()
    with _locked("banks"):
        bank = store.get_or_create(name)
        if any(e.signal == entry.signal and e.signal_type == entry.signal_type for e in bank.entries):
            raise StateError(f"bank {name!r} already holds {entry.signal_type} {entry.signal}")
        bank.entries.append(entry)
        store.save(bank)
    return {"name": name, "entries": len(bank.entries)}


def gallery_list() -> dict[str, Any]:
    """Return how many reference faces each designated person has in the gallery."""
    path: Path = gallery_path()
    refs = json.loads(path.read_text()).get("references", {}) if path.exists() else {}
    return {"entities": {eid: len(v) for eid, v in sorted(refs.items())}, "total": sum(len(v) for v in refs.values())}


def gallery_add(entity_id: str, data_base64: str, name: str, active: Watchlist) -> dict[str, Any]:
    """Enroll one reference photo (exactly one face) of a designated person; return their reference count."""
    from redline.media.decode import open_frames
    from redline.media.faces import Gallery

    if entity_id not in active:
        raise NotFoundError(f"{entity_id!r} is not on the watchlist: the gallery holds designated people only")
    try:
        data = base64.b64decode(data_base64, validate=True)
    except (binascii.Error, ValueError):
        raise InputError("data_base64: not valid base64") from None
    with _locked("gallery"):
        count = Gallery(gallery_path()).enroll(entity_id, open_frames(data)[0], name)
    return {"entity_id": entity_id, "references": count}
