"""API keys with roles: issued once, stored as sha256, compared in constant time; the key's name is the actor."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redline.enforce import utcnow
from redline.errors import InputError, NotFoundError, StateError
from redline.service.tables import ApiKeyRow
from redline.store import Store

TOKEN_PREFIX = "rl_"


class Role(StrEnum):
    INTEGRATOR = "integrator"
    REVIEWER = "reviewer"
    APPEALS = "appeals"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """The authenticated caller: the key's name (recorded as actor) and its role."""

    name: str
    role: Role

    def can(self, *roles: Role) -> bool:
        """Return True when this actor holds one of `roles` (admin holds them all)."""
        return self.role is Role.ADMIN or self.role in roles


def token_hash(token: str) -> str:
    """Return the hex sha256 of a token, the only form in which keys are stored."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def create_key(store: Store, name: str, role: str) -> str:
    """Return a new random token for a key named `name` with `role` (shown once; only its hash is kept)."""
    try:
        chosen = Role(role)
    except ValueError:
        raise InputError(f"role {role!r}: expected one of {', '.join(r.value for r in Role)}") from None
    if not name.strip() or len(name) > 128 or name == "system":
        raise InputError(f"key name {name!r}: must be 1-128 characters and not 'system'")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)

    def write(session: Session) -> None:
        session.add(ApiKeyRow(name=name, role=chosen.value, token_sha256=token_hash(token), prefix=token[:10],
                              created_at=utcnow(), revoked_at=None))
    try:
        store.write(write)
    except IntegrityError:
        raise StateError(f"an API key named {name!r} already exists") from None
    return token


def revoke_key(store: Store, name: str) -> None:
    """Revoke the key named `name`, or raise NotFoundError."""
    def write(session: Session) -> None:
        row = session.scalar(select(ApiKeyRow).where(ApiKeyRow.name == name))
        if row is None:
            raise NotFoundError(f"no API key named {name!r}")
        row.revoked_at = utcnow()
    store.write(write)


def list_keys(store: Store) -> list[dict[str, object]]:
    """Return every key's name, role, prefix and dates (never the token or its hash)."""
    def read(session: Session) -> list[dict[str, object]]:
        return [{"name": r.name, "role": r.role, "prefix": r.prefix, "created_at": r.created_at.isoformat(),
                 "revoked": r.revoked_at is not None}
                for r in session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.id))]
    return store.read(read)


class KeyRing:
    """Verifies tokens against the stored hashes; valid keys are cached briefly to keep the hot path fast."""

    TTL_S = 15.0  # a key revoked in another worker stops working within this long

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, tuple[float, Actor]] = {}

    def verify(self, token: str, name: str | None = None) -> Actor | None:
        """Return the actor for a valid, unrevoked token (and matching `name` when given), else None."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 128:
            return None
        actor = self.verify_digest(token_hash(token))
        if actor is None or (name is not None and not hmac.compare_digest(actor.name.encode(), name.encode())):
            return None
        return actor

    def verify_digest(self, digest: str) -> Actor | None:
        """Return the actor of an unrevoked key with this token hash, else None."""
        hit = self._cache.get(digest)
        if hit is not None and time.monotonic() - hit[0] < self.TTL_S:
            actor: Actor | None = hit[1]
        else:
            actor = self._lookup(digest)
            if actor is None:
                self._cache.pop(digest, None)
            else:
                self._cache[digest] = (time.monotonic(), actor)
        return actor

    def _lookup(self, digest: str) -> Actor | None:
        def read(session: Session) -> Actor | None:
            for row in session.scalars(select(ApiKeyRow).where(ApiKeyRow.revoked_at.is_(None))):
                if hmac.compare_digest(row.token_sha256, digest):
                    return Actor(row.name, Role(row.role))
            return None
        return self.store.read(read)

    def forget(self) -> None:
        """Drop cached verdicts (after a key is created or revoked)."""
        self._cache.clear()
