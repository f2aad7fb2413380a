"""Group commit for synchronous moderation: requests that arrive together are judged and enforced together.

Every text-only `/v1/moderate` request joins the current batch; the batch runs at the next turn of the
event loop, so a lone request waits for nothing, while under load all requests that arrived meanwhile
share one judge call and one ledger transaction (the judge is ~8x cheaper per post in a batch, and
SQLite has a single writer anyway).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from redline.model import Post
from redline.service.context import Services
from redline.service.moderation import moderate, moderate_many

MAX_BATCH = 32
log = logging.getLogger(__name__)


class Batcher:
    """Collects (post, dry_run) requests and answers each with its own outcome record."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self._pending: list[tuple[Post, bool, asyncio.Future[dict[str, Any]]]] = []
        self._scheduled = False

    async def moderate(self, post: Post, dry_run: bool) -> dict[str, Any]:
        """Return the outcome record of one post, computed in the next batch."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[dict[str, Any]] = loop.create_future()
        self._pending.append((post, dry_run, fut))
        if not self._scheduled:
            self._scheduled = True
            loop.call_soon(self._flush)
        return await fut

    def _flush(self) -> None:
        batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
        self._scheduled = bool(self._pending)
        if self._pending:
            asyncio.get_running_loop().call_soon(self._flush)
        try:
            results = moderate_many(self.svc, [(post, dry) for post, dry, _ in batch])
        except Exception:
            # One bad post must not fail the others: fall back to one by one, each with its own error.
            log.exception("batched moderation failed; retrying the %d posts one by one", len(batch))
            for post, dry, fut in batch:
                if fut.cancelled():
                    continue
                try:
                    fut.set_result(moderate(self.svc, post, dry))
                except Exception as exc:
                    fut.set_exception(exc)
            return
        for (_, _, fut), result in zip(batch, results, strict=True):
            if not fut.cancelled():
                fut.set_result(result)
