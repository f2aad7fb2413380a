"""The reviewer web UI's frame: Jinja2 (autoescape on), login and logout, the session and CSRF checks."""

from __future__ import annotations

import secrets
from importlib import resources
from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from redline.service.auth import Actor, Role
from redline.service.context import Services
from redline.service.security import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_TTL_S,
    Session,
    decode_session,
    encode_session,
    same_token,
)

_env = Environment(loader=FileSystemLoader(str(resources.files("redline.service") / "templates")),
                   autoescape=select_autoescape(default=True, default_for_string=True), auto_reload=False)


class LoginRequired(Exception):
    """The page needs a signed-in person."""


class Forbidden(Exception):
    """The signed-in person's role may not do this."""


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """Return a rendered template; every value is escaped by Jinja2's autoescape."""
    session = getattr(request.state, "session", None)
    html = _env.get_template(name).render(request_path=request.url.path, session=session, **ctx)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def session_of(request: Request, *roles: Role) -> tuple[Session, Actor]:
    """Return the signed-in session and actor (key still valid), or raise LoginRequired / Forbidden."""
    svc: Services = request.app.state.services
    session = decode_session(svc.config.session_secret, request.cookies.get(SESSION_COOKIE))
    actor = svc.keys.verify_digest(session.key_digest) if session else None
    if session is None or actor is None:
        raise LoginRequired()
    request.state.session = session
    if roles and not actor.can(*roles):
        raise Forbidden(f"{actor.name} has role {actor.role.value}; this needs "
                        f"{' or '.join(r.value for r in (*roles, Role.ADMIN))}")
    return session, actor


def check_csrf(session: Session, token: str | None) -> None:
    """Raise Forbidden unless the form carried the session's CSRF token."""
    if not same_token(session.csrf, token):
        raise Forbidden("the form's CSRF token is missing or wrong; reload the page and try again")


def install(app: FastAPI, svc: Services) -> None:
    """Attach the login pages, the UI's error handlers and every UI page router."""
    from redline.service import ui_pages, ui_review

    async def to_login(request: Request, _: Exception) -> Response:
        return RedirectResponse(f"/ui/login?next={request.url.path}", status_code=303)

    async def forbidden(request: Request, exc: Exception) -> Response:
        return render(request, "error.html", status=403, title="Not allowed", message=str(exc))

    app.add_exception_handler(LoginRequired, to_login)
    app.add_exception_handler(Forbidden, forbidden)

    @app.get("/ui/login", include_in_schema=False)
    def login_page(request: Request, next: str = "/ui/", error: str = "") -> Response:
        token = secrets.token_urlsafe(24)
        resp = render(request, "login.html", csrf=token, next=_safe_next(next), error=error)
        resp.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/ui/login",
                        secure=svc.config.cookie_secure, max_age=3600)
        return resp

    @app.post("/ui/login", include_in_schema=False)
    def login(request: Request, name: str = Form(..., max_length=128), key: str = Form(..., max_length=256),
              csrf: str = Form(""), next: str = Form("/ui/")) -> Response:
        expected = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
        if not expected or not same_token(expected, csrf):
            raise Forbidden("the login form expired; reload the page and try again")
        actor = svc.keys.verify(key, name=name)
        if actor is None:
            return render(request, "login.html", status=401, csrf=csrf, next=_safe_next(next),
                          error="Unknown name or key.")
        resp = RedirectResponse(_safe_next(next), status_code=303)
        from redline.service.auth import token_hash

        resp.set_cookie(SESSION_COOKIE, encode_session(svc.config.session_secret, actor.name, actor.role.value,
                                                       token_hash(key)),
                        httponly=True, samesite="strict", secure=svc.config.cookie_secure, path="/",
                        max_age=SESSION_TTL_S)
        resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/ui/login")
        return resp

    @app.post("/ui/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")) -> Response:
        session, _ = session_of(request)
        check_csrf(session, csrf)
        resp = RedirectResponse("/ui/login", status_code=303)
        resp.delete_cookie(SESSION_COOKIE, path="/")
        return resp

    app.include_router(ui_review.router)
    app.include_router(ui_pages.router)


def _safe_next(target: str) -> str:
    """Return `target` when it is a path inside the UI, else the dashboard (no open redirects)."""
    ok = target.startswith("/ui/") and not target.startswith("//") and "\\" not in target and len(target) < 512
    return target if ok else "/ui/"
