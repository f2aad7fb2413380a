"""The HTTP service and the reviewer web UI: `create_app()` returns the FastAPI app (imported lazily)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redline.service.app import create_app
    from redline.service.config import ServiceConfig

__all__ = ["ServiceConfig", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI and the engine are imported on first use, so `redline report` stays light.
    if name == "create_app":
        from redline.service.app import create_app

        return create_app
    if name == "ServiceConfig":
        from redline.service.config import ServiceConfig

        return ServiceConfig
    raise AttributeError(name)
