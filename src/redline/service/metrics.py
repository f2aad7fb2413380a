"""Prometheus metrics: request counts and latency per route (a pure ASGI middleware), decisions, outbox."""

from __future__ import annotations

import os
import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUESTS = Counter("redline_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("redline_http_request_seconds", "HTTP request latency", ["method", "route"],
                    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0))
DECISIONS = Counter("redline_decisions_total", "Posts moderated, by verdict and mode", ["verdict", "mode"])
ACTIONS = Counter("redline_actions_total", "Enforcement actions taken", ["action"])
WEBHOOKS = Counter("redline_webhook_deliveries_total", "Webhook delivery attempts", ["result"])
OUTBOX_PENDING = Gauge("redline_outbox_pending", "Webhook notifications not yet delivered",
                       multiprocess_mode="max")
JOB_ITEMS = Counter("redline_job_items_total", "Bulk job items processed", ["result"])


def _route(scope: Scope) -> str:
    """Return the route template (e.g. /v1/decisions/{decision_id}) that routing left in the scope."""
    matched = scope.get("route")
    if matched is not None and hasattr(matched, "path"):
        return str(matched.path)
    return "/static" if scope.get("path", "").startswith("/static/") else "unmatched"


class MetricsMiddleware:
    """Counts requests and observes their latency, labelled by route template and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = [500]

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = _route(scope)
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - start)
            REQUESTS.labels(scope["method"], route, str(status[0])).inc()


def metrics_endpoint(_: Request) -> Response:
    """Return the metrics in the Prometheus text format (all workers' when multiprocess mode is on)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
