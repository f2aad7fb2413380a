"""The command line: thin shells over the engine and the stage packages."""

from __future__ import annotations

import sys

import typer

from redline.cli import _registry
from redline.errors import ConfigError, DependencyError, InputError, NotFoundError, RedlineError, StateError

app = typer.Typer(help="Redline: find designated names and pictures, judge their use, enforce fairly.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
_registry.register_all(app)

EXIT_CODES: dict[type[RedlineError], int] = {
    ConfigError: 2, InputError: 2, NotFoundError: 2, StateError: 2, DependencyError: 3,
}


def main() -> None:
    """Run the CLI, mapping Redline errors to a one-line message and an exit code."""
    try:
        app()
    except RedlineError as exc:
        code = next((c for t, c in EXIT_CODES.items() if isinstance(exc, t)), 1)
        print(f"redline: error: {exc}", file=sys.stderr)
        sys.exit(code)
