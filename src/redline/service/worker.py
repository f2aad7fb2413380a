"""The background worker of one service process: bulk job items, then the webhook outbox, in a loop."""

from __future__ import annotations

import logging
import threading

import httpx

from redline.service import jobs, webhooks
from redline.service.context import Services

log = logging.getLogger("redline.service.worker")
COALESCE_S = 0.25  # least time between two worker rounds


class Worker:
    """A daemon thread that processes job items and delivers webhooks; `nudge()` wakes it early."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="redline-worker", daemon=True)

    def start(self) -> None:
        """Start the loop."""
        self._thread.start()

    def nudge(self) -> None:
        """Wake the loop now (new job items or ledger events)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the loop after its current step."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def step(self, client: httpx.Client) -> int:
        """Run one round (jobs, outbox feed, delivery); return how much work it did."""
        done = jobs.work_once(self.svc)
        done += webhooks.feed(self.svc)
        done += webhooks.dispatch(self.svc, client)
        return done

    def _run(self) -> None:
        with httpx.Client(follow_redirects=False) as client:
            while not self._stop.is_set():
                busy = 0
                try:
                    busy = self.step(client)
                except Exception:  # a failing round is logged and retried; the worker must not die
                    log.exception("worker round failed")
                if busy:
                    continue  # drain a backlog (bulk jobs, outbox) at full speed
                self._wake.wait(self.svc.config.worker_interval_s)
                self._wake.clear()
                # Coalesce: under load every strike nudges the worker; one round per gap serves them all
                # without competing with request handling for the GIL and SQLite's single writer.
                self._stop.wait(COALESCE_S)
