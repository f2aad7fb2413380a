"""FastAPI dependencies: the shared services and the authenticated, role-checked API caller."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from redline.service.auth import Actor, Role
from redline.service.context import Services

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer rl_...`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key, as an alternative header")


# Dependencies are `async def` on purpose: FastAPI runs a plain `def` dependency in the thread pool, and three
# thread hops per request cost more than the whole text-only moderation. None of them blocks for long.
async def services(request: Request) -> Services:
    """Return the process's shared services."""
    svc: Services = request.app.state.services
    return svc


async def _caller(request: Request, bearer: HTTPAuthorizationCredentials | None = Depends(_bearer),
            key: str | None = Depends(_header)) -> Actor:
    token = bearer.credentials if bearer is not None else key
    if not token:
        raise HTTPException(401, "an API key is required (Authorization: Bearer ... or X-API-Key)",
                            headers={"WWW-Authenticate": "Bearer"})
    svc: Services = request.app.state.services
    actor = svc.keys.verify(token)
    if actor is None:
        raise HTTPException(401, "the API key is unknown or revoked", headers={"WWW-Authenticate": "Bearer"})
    return actor


def require(*roles: Role) -> Callable[..., Awaitable[Actor]]:
    """Return a dependency that admits API callers holding one of `roles` (admin always)."""
    async def check(actor: Actor = Depends(_caller)) -> Actor:
        if not actor.can(*roles):
            wanted = ", ".join(r.value for r in (*roles, Role.ADMIN))
            raise HTTPException(403, f"key {actor.name!r} has role {actor.role.value}; this needs one of: {wanted}")
        return actor
    return check


Svc = Annotated[Services, Depends(services)]
AnyRole = Annotated[Actor, Depends(require(Role.INTEGRATOR, Role.REVIEWER, Role.APPEALS))]
Integrator = Annotated[Actor, Depends(require(Role.INTEGRATOR))]
Reviewer = Annotated[Actor, Depends(require(Role.REVIEWER))]
AppealsRole = Annotated[Actor, Depends(require(Role.APPEALS))]
FilesAppeals = Annotated[Actor, Depends(require(Role.INTEGRATOR, Role.APPEALS))]
Admin = Annotated[Actor, Depends(require())]
