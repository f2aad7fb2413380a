"""Demo data for `redline serve --demo`: keys for each role, demo posts and the seed article, moderated."""

from __future__ import annotations

import json
import os
from pathlib import Path

from redline import settings
from redline.errors import StateError
from redline.model import Post
from redline.service.auth import create_key
from redline.service.context import Services
from redline.service.moderation import moderate

DEMO_KEYS = [("demo-admin", "admin"), ("demo-reviewer", "reviewer"), ("demo-appeals", "appeals"),
             ("demo-platform", "integrator")]
SEED_DIR = Path(os.environ.get("REDLINE_SEED_DIR", "/work/shared/seed"))


def ensure_keys(svc: Services) -> dict[str, str]:
    """Create the demo keys that do not exist yet; return {name: token} for all of them (kept in a 0600 file)."""
    path = settings.home() / "demo-keys.json"
    known: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    for name, role in DEMO_KEYS:
        if name in known:
            continue
        try:
            known[name] = create_key(svc.store, name, role)
        except StateError:
            continue  # made before, but its token was not kept here: it stays usable by whoever holds it
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(known, fh, indent=1)
    return known


def demo_posts(demo_dir: Path) -> list[Post]:
    """Return the demo posts (demo_dir/service-posts.jsonl) and the seed article(s) when present."""
    posts: list[Post] = []
    path = demo_dir / "service-posts.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                posts.append(Post(d["id"], d["author"], d["text"], d.get("lang"),
                                  created_at=d.get("created_at"), account_type=d.get("account_type")))
    for i, seed in enumerate(sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []):
        posts.append(Post(f"seed-{i}", "seed_author", seed.read_text(encoding="utf-8"), "en"))
    return posts


def load(svc: Services, demo_dir: Path) -> list[dict[str, object]]:
    """Moderate and enforce every demo post (idempotent: a second run records nothing new)."""
    return [moderate(svc, p, dry_run=False) for p in demo_posts(demo_dir)]
