"""Inspect, import and export the watchlist of designated entities."""

from __future__ import annotations

import json

import typer

from redline.errors import NotFoundError
from redline.watchlist import load_default

app = typer.Typer(no_args_is_help=True)


@app.command("export")
def export() -> None:
    """Print the watchlist as a JSON array."""
    out = []
    for e in load_default():
        d = e.to_dict()
        out.append({"id": d["id"], "name": d["name"], "aliases": [a["name"] for a in d["aliases"]], "kind": d["kind"],
                    "tier": d["tier"], "designations": d["designations"]})
    typer.echo(json.dumps(out, ensure_ascii=False, indent=1))


@app.command("show")
def show(entity_id: str) -> None:
    """Print one entity as JSON."""
    e = load_default().get(entity_id)
    if e is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    typer.echo(json.dumps(e.to_dict(), ensure_ascii=False, indent=1))
