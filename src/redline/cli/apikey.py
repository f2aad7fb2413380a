"""Create, list and revoke the service's API keys (the token is printed once; only its hash is kept)."""

from __future__ import annotations

import json

import typer

from redline.service.auth import create_key, list_keys, revoke_key
from redline.store import Store

app = typer.Typer(no_args_is_help=True)
DB = typer.Option(None, "--db", help="Database URL (default: $REDLINE_DATABASE_URL or $REDLINE_HOME/redline.db).")


def _store(db: str | None) -> Store:
    from redline.service.tables import create_tables

    store = Store(db)
    create_tables(store)
    return store


@app.command("create")
def create(role: str = typer.Option(..., "--role", help="integrator, reviewer, appeals or admin."),
           name: str = typer.Option(..., "--name", help="Who holds the key; recorded as the actor of each change."),
           db: str | None = DB) -> None:
    """Create a key and print its token once."""
    typer.echo(create_key(_store(db), name, role))


@app.command("list")
def list_(db: str | None = DB) -> None:
    """Print every key's name, role and prefix as JSON (never the token)."""
    typer.echo(json.dumps(list_keys(_store(db)), indent=1))


@app.command("revoke")
def revoke(name: str, db: str | None = DB) -> None:
    """Revoke a key: it stops working within seconds in every service process."""
    revoke_key(_store(db), name)
    typer.echo(f"revoked {name}")
