"""Open a ledger database (SQLite in WAL mode or PostgreSQL), migrate it, and run retried transactions."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from redline import settings
from redline.errors import ConfigError, DependencyError

T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# PostgreSQL: serialization failure, deadlock; both mean "run the transaction again".
_RETRY_SQLSTATES = {"40001", "40P01"}


class Store:
    """A migrated ledger database; `write(fn)` runs fn(session) in one transaction, retrying on conflicts."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = url or settings.database_url()
        try:
            self.engine = _make_engine(self.url)
        except (ArgumentError, ImportError) as exc:
            raise ConfigError(f"database URL {self.url!r}: {exc}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        """Return the database dialect name ('sqlite' or 'postgresql')."""
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (serialized between concurrent openers)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(7461013)"))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise DependencyError(f"cannot open database {self.engine.url!r}: {exc.orig}") from exc

    def write(self, fn: Callable[[Session], T], attempts: int = 8) -> T:
        """Return fn(session) run in one committed transaction, retried on deadlock or serialization failure."""
        for attempt in range(attempts):
            try:
                with self._sessions() as session, session.begin():
                    return fn(session)
            except DBAPIError as exc:
                if attempt + 1 == attempts or not _retryable(exc):
                    raise
                time.sleep(random.uniform(0.005, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")

    def read(self, fn: Callable[[Session], T]) -> T:
        """Return fn(session) run in a transaction that is rolled back."""
        with self._sessions() as session:
            return fn(session)  # closing the session rolls the transaction back

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def _retryable(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "sqlstate", None)
    return code in _RETRY_SQLSTATES or "database is locked" in str(exc.orig)


def _make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url[len("sqlite:///"):]).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when a transaction starts (so BEGIN IMMEDIATE below works).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Take the write lock up front: two deferred transactions upgrading to writers would deadlock.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
