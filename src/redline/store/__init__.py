"""SQLAlchemy models and Alembic migrations for the ledger; SQLite by default, PostgreSQL for deployments."""

from redline.store._models import AccountRow, AppealRow, Base, DecisionRow, EventRow
from redline.store._store import Store

__all__ = ["AccountRow", "AppealRow", "Base", "DecisionRow", "EventRow", "Store"]
