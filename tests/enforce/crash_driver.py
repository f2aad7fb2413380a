"""Enforce a JSONL of pre-judged posts in batches, as `redline scan` will: the crash/restart test kills this.

Each line: {"id", "author", "stance" (or null for no mention), "confidence", "version"}.
Usage: python crash_driver.py INPUT.jsonl DATABASE_URL [BATCH_SIZE]   (clock: $REDLINE_NOW)
"""

from __future__ import annotations

import json
import sys

from redline.enforce import Enforcer, env_clock
from redline.model import Assessment, Decision, Mention, Method, Post, Stance
from redline.policy import Policy, decide, load_policy
from redline.store import Store

MENTION = Mention("q-test-1", "Test Leader", "Test Leader", 0, 11, Method.NAME, 0.97)


def item(line: str, policy: Policy) -> tuple[Decision, Post]:
    """Return the decision the policy makes on one pre-judged post."""
    raw = json.loads(line)
    post = Post(str(raw["id"]), raw["author"], "text", version=int(raw.get("version", 1)))
    if raw["stance"] is None:
        return decide(post, [], policy), post
    a = Assessment(MENTION, Stance(raw["stance"]), float(raw["confidence"]))
    return decide(post, [a], policy, [MENTION], {MENTION.entity_id: 1}), post


def main() -> None:
    path, url = sys.argv[1], sys.argv[2]
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    policy = load_policy(use_env=False)
    enforcer = Enforcer(Store(url), policy, env_clock())
    with open(path, encoding="utf-8") as f:
        done = sum(1 for _ in enforcer.enforce_many((item(line, policy) for line in f), batch_size=batch))
    print(done)


if __name__ == "__main__":
    main()
