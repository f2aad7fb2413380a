"""The FastAPI application: API routers under /v1, the reviewer UI under /ui, health, readiness, metrics."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

import redline
from redline.service import api_catalog, api_ledger, api_moderate, errors, ui
from redline.service.batcher import Batcher
from redline.service.bodylimit import BodyLimit
from redline.service.config import ServiceConfig
from redline.service.context import Services
from redline.service.metrics import MetricsMiddleware, metrics_endpoint
from redline.service.security import SecurityHeaders
from redline.service.worker import Worker

DESCRIPTION = """Redline's HTTP API. Authenticate with an API key (`Authorization: Bearer rl_...`);
keys have a role: integrator (moderate, jobs, file appeals), reviewer (review queue), appeals (decide
appeals), admin (everything, plus watchlist, banks and gallery changes). Every error body is
`{"error": {"code": ..., "message": ...}}`."""


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    """Return the service app; its background worker starts with the app's lifespan (unless disabled)."""
    cfg = config or ServiceConfig.from_env()
    svc = Services(cfg)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Build the pipeline (watchlist automaton, judge model) before the first request, then move
        # everything built so far out of the garbage collector's reach: a full collection walking the
        # model's millions of vocabulary objects stalled requests for ~100 ms (the p99 tail).
        await run_in_threadpool(lambda: svc.engine)
        gc.collect()
        gc.freeze()
        gc.set_threshold(50_000, 20, 20)  # fewer, cheaper collections under request churn
        worker = Worker(svc) if cfg.background else None
        if worker is not None:
            worker.start()
            app.state.worker_nudge = worker.nudge
        try:
            yield
        finally:
            if worker is not None:
                await run_in_threadpool(worker.stop)
            svc.close()

    app = FastAPI(title="Redline", version=getattr(redline, "__version__", "0.1.0"), description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url="/v1/openapi.json")
    app.state.services = svc
    app.state.batcher = Batcher(svc)
    app.state.worker_nudge = lambda: None
    errors.install(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(BodyLimit)
    for router in (api_moderate.router, api_ledger.router, api_catalog.router):
        app.include_router(router)
    ui.install(app, svc)
    static = resources.files("redline.service") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)

    @app.get("/healthz", tags=["operations"])
    def healthz() -> dict[str, str]:
        """Return ok while the process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"])
    def readyz() -> Any:
        """Return ok when the database answers and the engine is loaded, else 503."""
        try:
            svc.store.read(lambda s: s.execute(text("SELECT 1")).scalar())
            entities = len(svc.watchlist)
        except Exception as exc:  # readiness reports any failure as "not ready", with its kind only
            return errors.error_response(503, "not_ready", f"not ready: {type(exc).__name__}")
        return JSONResponse({"status": "ready", "entities": entities, "policy_version": svc.policy.version})

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=303)

    return app
