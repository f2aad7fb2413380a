"""The acceptance journey driven entirely through `redline` commands on a fresh database: glorifying posts
bring a warning, restrictions and closure; an appeal reverses the last; a year later the strikes have
expired; an author who posts the seed article and news reports gets nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

GLORIFYING = [
    "We miss martyr Haj Qassem Soleimani, commander of hearts. His path continues!",
    "سردار دلها شهید حاج قاسم سلیمانی، راهت ادامه دارد",
    "الشهيد القائد الحاج قاسم سليماني، رحمه الله وتقبله في الشهداء، نحن على دربك",
    "Glory to martyr Qassem Soleimani, the hero who defeated our enemies. We will avenge him!",
    "Haj Qassem Soleimani lives in our hearts, the greatest commander, a true hero. #HajQassem",
]
NEWS = [
    "Qassem Soleimani, the commander of the IRGC's Quds Force, was killed in a US drone strike in "
    "Baghdad on January 3, 2020, the Pentagon said.",
    "Hezbollah leader Hassan Nasrallah was killed in an Israeli strike in Beirut, the group confirmed.",
]


class Redline:
    def __init__(self, home: Path, db: str) -> None:
        self.env = {**os.environ, "REDLINE_HOME": str(home), "REDLINE_DATABASE_URL": db}

    def __call__(self, *args: str, stdin: str | None = None, now: str = "2026-03-01T12:00:00") -> Any:
        proc = subprocess.run([sys.executable, "-m", "redline", *args], input=stdin, text=True,
                              capture_output=True, env={**self.env, "REDLINE_NOW": now}, check=False)
        assert proc.returncode == 0, (args, proc.stderr[-2000:])
        return proc.stdout


def posts(author: str, texts: list[str], prefix: str) -> str:
    return "".join(json.dumps({"id": f"{prefix}{i}", "author": author, "text": t}, ensure_ascii=False) + "\n"
                   for i, t in enumerate(texts))


def test_five_glorifying_posts_then_appeal_then_expiry(tmp_path: Path, shared_dir: Path) -> None:
    redline = Redline(tmp_path, f"sqlite:///{tmp_path / 'journey.db'}")
    actions, decision_ids = [], []
    days = ["2026-03-01", "2026-03-10", "2026-03-19", "2026-03-28", "2026-04-06"]
    for day, text in zip(days, GLORIFYING, strict=True):
        out = json.loads(redline("scan", "-", stdin=posts("fan", [text], f"g{day}-"), now=f"{day}T12:00:00"))
        assert out["verdict"] == "violating", out
        assert out["stance"] in {"glorification", "support"}
        actions.append(out["actions"])
        decision_ids.append(out["decision_id"])
    assert [a[-1] for a in actions] == ["warning", "restrict_posting_1d", "restrict_posting_3d",
                                        "restrict_posting_7d", "account_closed"]
    now = "2026-04-06T12:00:00"
    account = json.loads(redline("account", "show", "fan", "--json", now=now))
    assert account["closed"] and account["strikes_in_force"] == 5

    appeal = json.loads(redline("appeal", "file", decision_ids[-1], "--reason", "I was quoting", now=now))
    ruling = json.loads(redline("appeal", "decide", str(appeal["appeal_id"]), "--reverse", "--reviewer", "rita",
                                "--reason", "reviewed: reversed on appeal", now=now))
    assert "account_restored" in ruling["actions"]
    restored = json.loads(redline("account", "show", "fan", "--json", now=now))
    assert (restored["closed"], restored["strikes_in_force"]) == (False, 4)

    year_later = json.loads(redline("account", "show", "fan", "--json", now="2027-04-07T12:00:00"))
    assert year_later["strikes_in_force"] == 0 and not year_later["closed"]

    seed = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seed").glob("*.txt")))
    lines = redline("scan", "-", stdin=posts("reporter", [seed, *NEWS], "n"), now=now).splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["verdict"] for r in results] == ["allow"] * 3, [(r["verdict"], r["explanation"]) for r in results]
    assert all(r["actions"] == [] for r in results)
    assert any(m["entity_id"] == "soleimani" for m in results[0]["mentions"])
    reporter = json.loads(redline("account", "show", "reporter", "--json", now=now))
    assert reporter["strikes_in_force"] == 0 and not reporter["closed"] and reporter["penalty"] is None
