"""A real, throw-away PostgreSQL for the tests: initdb into a temp dir, pg_ctl on a free loopback port.

Imported by the conftest of every package whose tests run against both SQLite and PostgreSQL.
As root, initdb refuses to run, so the cluster belongs to an unprivileged user (postgres, else nobody).
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as(user: str | None, args: list[str], log: Path) -> None:
    cmd = ["runuser", "-u", user, "--", *args] if user else args
    with open(log, "ab") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, timeout=120, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed (exit {proc.returncode}); see {log}:\n{log.read_text()[-2000:]}")


def _owner() -> str | None:
    """Return the unprivileged user to run PostgreSQL as, or None when not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.skip("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")
    return None


_CLUSTER: dict[str, str] = {}


def _start_cluster() -> str:
    """Start the process-wide cluster once (both store and enforce tests share it) and return its URL."""
    if "url" in _CLUSTER:
        return _CLUSTER["url"]
    initdb, pg_ctl = _find_bin("initdb"), _find_bin("pg_ctl")
    for name, path in (("initdb", initdb), ("pg_ctl", pg_ctl)):
        if path is None:
            pytest.skip(f"PostgreSQL binary {name!r} not found (install the Debian package 'postgresql')")
    assert initdb and pg_ctl
    user = _owner()
    root = Path(tempfile.mkdtemp(prefix="redline-pg-"))
    data, sock, log = root / "data", root / "sock", root / "pg.log"
    sock.mkdir()
    log.touch()
    if user:
        uid, gid = pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid
        for p in (root, sock, log):
            os.chown(p, uid, gid)
    port = _free_port()
    _run_as(user, [initdb, "-D", str(data), "-U", "redline", "--auth=trust", "-E", "UTF8",
                   "--no-sync", "--locale=C"], log)
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    _run_as(user, [pg_ctl, "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "60", "start"], log)

    def stop() -> None:
        _run_as(user, [pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], log)
        shutil.rmtree(root, ignore_errors=True)

    atexit.register(stop)
    _CLUSTER["url"] = f"postgresql+psycopg://redline@127.0.0.1:{port}"
    return _CLUSTER["url"]


def create_database(base: str) -> str:
    """Create a fresh, empty database in the cluster at `base` and return its SQLAlchemy URL."""
    import psycopg

    name = "t" + uuid.uuid4().hex[:16]
    host_port = base.split("@", 1)[1]
    host, port = host_port.split(":")
    with psycopg.connect(f"host={host} port={port} user=redline dbname=postgres", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """Return the URL (without a database name) of a PostgreSQL cluster started for this test process."""
    return _start_cluster()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return the URL of a fresh, empty ledger database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return create_database(request.getfixturevalue("postgres_url"))
