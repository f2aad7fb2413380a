"""`redline scan` reports every bad line with its number and processes the rest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_scan(tmp_path: Path, payload: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    src = tmp_path / "in.jsonl"
    src.write_bytes(payload)
    return subprocess.run([sys.executable, "-m", "redline", "scan", str(src), "--dry-run", *args],
                          capture_output=True, check=False)


def test_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    good = json.dumps({"id": "p1", "author": "a", "text": "hello"}).encode()
    huge = json.dumps({"id": "big", "author": "a", "text": "x" * (50 * 1024 * 1024)}).encode()
    payload = b"\n".join([
        good,
        b"{not json",
        b'{"id": "p2", "text": "\xff\xfe broken"}',
        b'{"id": "p3", "author": "a"}',
        huge,
        json.dumps({"id": "p4", "author": "a", "text": "Qassem Soleimani"}).encode(),
    ]) + b"\n"
    proc = run_scan(tmp_path, payload)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["p1", "p4"]
    err = proc.stderr.decode()
    assert "line 2: skipped: invalid JSON" in err
    assert "line 3: skipped: invalid UTF-8" in err
    assert "line 4: skipped: missing or non-string 'text'" in err
    assert "line 5: skipped: line is" in err and "over the" in err


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out_path = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "redline", "scan", "-", "--dry-run", "-o", str(out_path)],
                          input=b'{"id": 1, "author": "a", "text": "nothing here"}\n', capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(out_path.read_text())
    assert rec["id"] == "1" and rec["verdict"] == "allow" and rec["mentions"] == []
