"""A real server (uvicorn in a subprocess on a free loopback port) and Debian's chromium via Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@dataclass
class Server:
    url: str
    keys: dict[str, str]

    def api(self, method: str, path: str, role: str = "integrator", **kw: Any) -> httpx.Response:
        return httpx.request(method, self.url + path, headers={"Authorization": f"Bearer {self.keys[role]}"},
                             timeout=30, **kw)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[Server]:
    env = {**os.environ, "REDLINE_HOME": str(tmp_path), "REDLINE_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
           # pre-moderation: posts naming a designated entity wait for the reviewer this journey is about
           "REDLINE_POLICY": str(Path(__file__).parents[1] / "service" / "review_everything.yaml")}
    env.pop("REDLINE_NOW", None)
    keys = {}
    for name, role in [("platform", "integrator"), ("alice", "reviewer"), ("bob", "appeals")]:
        out = subprocess.run([sys.executable, "-m", "redline", "apikey", "create", "--role", role, "--name", name],
                             env=env, capture_output=True, text=True, check=True)
        keys[role] = out.stdout.strip()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "redline.service.app:create_app",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the server did not become ready within 30 s")
        yield Server(url, keys)
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture()
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) for browser tests")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def login(page: Any, server: Server, name: str, role: str) -> None:
    """Sign in through the login form."""
    page.goto(server.url + "/ui/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=key]", server.keys[role])
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/ui/")
