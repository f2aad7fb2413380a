"""Errors mapped to HTTP once: every failure is `{"error": {"code", "message"}}` with a fitting status."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from redline.errors import ConfigError, DependencyError, InputError, NotFoundError, RedlineError, StateError

log = logging.getLogger("redline.service")

# (error class, HTTP status, code); the first matching class wins, so subclasses come first.
STATUS: list[tuple[type[RedlineError], int, str]] = [
    (InputError, 422, "invalid_input"),
    (ConfigError, 400, "invalid_config"),
    (NotFoundError, 404, "not_found"),
    (StateError, 409, "conflict"),
    (DependencyError, 503, "dependency_unavailable"),
]
_VERBS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_input",
              429: "too_many_requests", 503: "unavailable"}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """Return the error body every endpoint uses."""
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """Return a JSON error response with the common body."""
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def status_of(exc: RedlineError) -> tuple[int, str]:
    """Return the HTTP status and error code for a Redline error."""
    return next(((s, c) for t, s, c in STATUS if isinstance(exc, t)), (500, "internal_error"))


async def _redline(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RedlineError)
    status, code = status_of(exc)
    return error_response(status, code, str(exc))


def _allowed(request: Request) -> str:
    """Return every method the OpenAPI document lists for the request's path (Starlette names only one route's)."""
    methods: set[str] = set()
    for template, ops in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), request.url.path):
            methods |= {m.upper() for m in ops if m.upper() in _VERBS}
    return ", ".join(sorted(methods))


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405 and (allowed := _allowed(request)):
        headers["Allow"] = allowed
    return error_response(exc.status_code, HTTP_CODES.get(exc.status_code, "error"), message, headers=headers or None)


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return error_response(422, "invalid_input", "; ".join(parts) or "invalid request")


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    # The message of an unexpected error can carry internals: log it, never return it.
    log.exception("unhandled error", exc_info=exc)
    return error_response(500, "internal_error", "internal error; the service logged the details")


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the common body."""
    app.add_exception_handler(RedlineError, _redline)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(Exception, _unexpected)
