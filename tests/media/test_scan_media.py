"""`redline bank add` then `redline scan` with media: banked pictures are found, bad images reported per item."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image
from tests.media.images import TRANSFORMS, jpeg_bytes


def redline(home: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "REDLINE_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "redline", *args], input=stdin, capture_output=True, env=env,
                          check=False)


def test_banked_poster_is_found_in_a_scanned_post(tmp_path: Path, shared_dir: Path) -> None:
    original = Image.open(shared_dir / "data/media/faces/obama_a.jpg").convert("RGB")
    (tmp_path / "poster.jpg").write_bytes(jpeg_bytes(original))
    (tmp_path / "repost.jpg").write_bytes(jpeg_bytes(TRANSFORMS["caption_bar"](TRANSFORMS["cropped_10pct"](original))))
    (tmp_path / "broken.jpg").write_bytes(jpeg_bytes(original)[:500])
    added = redline(tmp_path, "bank", "add", "posters", str(tmp_path / "poster.jpg"), "--entity", "soleimani",
                    "--label", "memorial poster")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["entries"] == 8  # MD5 + 7 PDQ variants

    posts = [{"id": "1", "author": "a", "text": "look", "media": [str(tmp_path / "repost.jpg")]},
             {"id": "2", "author": "a", "text": "two images",
              "media": [str(tmp_path / "broken.jpg"), str(tmp_path / "nope.png")]}]
    scan = redline(tmp_path, "scan", "-", "--dry-run",
                   stdin="".join(json.dumps(p) + "\n" for p in posts).encode())
    assert scan.returncode == 0, scan.stderr
    first, second = (json.loads(line) for line in scan.stdout.decode().splitlines())
    hits = [m for m in first["mentions"] if m["method"] == "image_hash"]
    assert hits and hits[0]["entity_id"] == "soleimani" and hits[0]["media_index"] == 0
    assert "bank=posters" in hits[0]["detail"] and first["verdict"] != "allow"
    assert second["verdict"] == "allow" and len(second["errors"]) == 2
    err = scan.stderr.decode()
    assert "broken.jpg: corrupt or truncated image" in err and "nope.png: cannot read" in err

    exported = redline(tmp_path, "bank", "export", "posters")
    assert exported.stdout.decode().startswith("signal,signal_type,labels\n")
    reimported = tmp_path / "shared.csv"
    reimported.write_bytes(exported.stdout)
    imp = redline(tmp_path, "bank", "import", "partner", str(reimported))
    assert json.loads(imp.stdout)["imported"] == 8


def test_media_hash_prints_pdq_quality_md5(tmp_path: Path, shared_dir: Path) -> None:
    out = redline(tmp_path, "media", "hash", str(shared_dir / "data/media/pdq/misc-images/small.jpg"))
    rec = json.loads(out.stdout)
    assert len(rec["pdq"]) == 64 and rec["quality"] < 50 and len(rec["md5"]) == 32
