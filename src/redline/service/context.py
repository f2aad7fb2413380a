"""What every request shares: the engine, the ledger store, the policy, the key ring, the clock."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy.orm import Session

from redline import settings
from redline.enforce import Clock, Enforcer, env_clock
from redline.engine import Engine
from redline.policy import Policy, load_policy
from redline.service.auth import Actor, KeyRing
from redline.service.config import ServiceConfig
from redline.service.tables import AuditRow, create_tables
from redline.store import Store
from redline.watchlist import Watchlist


def _stamp() -> tuple[float, ...]:
    """Return the modification times that, when changed, mean the engine must be rebuilt."""
    from redline.media.config import gallery_path

    home = settings.home()
    paths = [settings.user_watchlist_dir(), home / "banks", gallery_path()]
    paths += list(settings.user_watchlist_dir().glob("*"))
    return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in paths)


class Services:
    """The long-lived objects of one service process; the engine is rebuilt when watchlists or banks change."""

    RECHECK_S = 2.0

    def __init__(self, config: ServiceConfig) -> None:
        self._enforcer: Enforcer | None = None
        self.config = config
        self.store = Store(config.database_url)
        create_tables(self.store)
        self.policy: Policy = load_policy()
        self.clock: Clock = env_clock()
        self.keys = KeyRing(self.store)
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._stamp: tuple[float, ...] = ()
        self._checked = 0.0

    @property
    def engine(self) -> Engine:
        """Return the engine over the active watchlist and the current banks (rebuilt when they change)."""
        now = time.monotonic()
        if self._engine is not None and now - self._checked < self.RECHECK_S:
            return self._engine
        with self._lock:
            self._checked = now
            stamp = _stamp()
            if self._engine is None or stamp != self._stamp:
                self._engine, self._stamp = self._build(), stamp
        return self._engine

    def _build(self) -> Engine:
        from redline.defaults import default_engine

        return default_engine(self.policy)

    def reload(self) -> None:
        """Rebuild the engine on next use (after this process changed a watchlist, bank or the gallery)."""
        self._checked = 0.0

    @property
    def watchlist(self) -> Watchlist:
        """Return the active watchlist the engine uses."""
        return self.engine.watchlist

    def enforcer(self) -> Enforcer:
        """Return the process's enforcer for automatic decisions (actor `system`: statements say fully automated).

        One instance, so its per-author ledger cache carries from request to request; it stays exact
        because each batch reads every event newer than the cached one under the author's lock.
        """
        if self._enforcer is None:
            self._enforcer = Enforcer(self.store, self.policy, self.clock)
        return self._enforcer

    def audit(self, actor: Actor, action: str, target: str, detail: dict[str, Any] | None = None) -> None:
        """Record that `actor` did `action` on `target` through the service."""
        def write(session: Session) -> None:
            session.add(AuditRow(at=self.clock(), actor=actor.name, role=actor.role.value, action=action,
                                 target=target[:512], detail=detail or {}))
        self.store.write(write)

    def close(self) -> None:
        """Release database connections."""
        self.store.close()
