"""Inspect, import, validate and export the watchlist of designated entities."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from redline import settings
from redline.errors import NotFoundError
from redline.watchlist import load_active, load_default, load_files, write_native
from redline.watchlist.importers import IMPORTERS

app = typer.Typer(no_args_is_help=True)


class Source(StrEnum):
    OFAC = "ofac"
    UN = "un"
    OPENSANCTIONS = "opensanctions"


@app.command("export")
def export() -> None:
    """Print the active watchlist (bundled default plus user files) as a JSON array."""
    out = []
    for e in load_active():
        d = e.to_dict()
        out.append({"id": d["id"], "name": d["name"], "aliases": [a["name"] for a in d["aliases"]], "kind": d["kind"],
                    "tier": d["tier"], "designations": d["designations"]})
    typer.echo(json.dumps(out, ensure_ascii=False, indent=1))


@app.command("show")
def show(entity_id: str) -> None:
    """Print one entity of the active watchlist as JSON."""
    e = load_active().get(entity_id)
    if e is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    typer.echo(json.dumps(e.to_dict(), ensure_ascii=False, indent=1))


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="The list to import (OFAC sdn.csv, UN consolidated.xml, FtM JSON Lines)."),
    source: Source = typer.Option(..., "--source", help="Which format FILE is in."),
    program: list[str] = typer.Option([], "--program", help="Keep only records under this program (repeatable)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of the user watchlist dir."),
) -> None:
    """Convert an official list into a native watchlist file and print what it held."""
    result = IMPORTERS[source.value](file, program)
    target = output or settings.user_watchlist_dir() / f"{source.value}.yaml"
    write_native(target, result.entities, {"source": source.value, "file": file.name, "programs": program})
    typer.echo(f"{result.summary()}\nwrote {target}")


@app.command("validate")
def validate(file: Path = typer.Argument(..., help="A native watchlist file (YAML or JSON).")) -> None:
    """Check a native file; relations may point into the bundled default. Exit 2 with file:line on error."""
    watchlist = load_files([file], known_ids=(e.id for e in load_default()))
    typer.echo(f"{file}: {len(watchlist)} entities, valid")
