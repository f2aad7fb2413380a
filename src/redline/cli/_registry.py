"""Where each area's commands are attached to the main app (one module per area)."""

from __future__ import annotations

import importlib

import typer

# (module, sub-command group or None for top-level commands)
AREAS: list[tuple[str, str | None]] = [
    ("redline.cli.scan", None),
    ("redline.cli.watchlist", "watchlist"),
    ("redline.cli.media", "media"),
    ("redline.cli.bank", "bank"),
    ("redline.cli.gallery", "gallery"),
    ("redline.cli.enforce", None),
    ("redline.cli.judge", "judge"),
    ("redline.cli.evaluate", None),
    ("redline.cli.serve", None),
    ("redline.cli.apikey", "apikey"),
]


def register_all(app: typer.Typer) -> None:
    """Attach every area's commands to `app`."""
    for module_name, group in AREAS:
        module = importlib.import_module(module_name)
        if group is None:
            module.register(app)
        else:
            app.add_typer(module.app, name=group, help=module.__doc__)
