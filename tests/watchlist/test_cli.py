"""`redline watchlist ...` end to end, as a user runs it, with REDLINE_HOME in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REDLINE_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "redline", "watchlist", *args], capture_output=True, text=True,
                          env=env, timeout=60, check=False)


def test_import_ofac_then_show_export_validate(tmp_path: Path, shared_dir: Path) -> None:
    done = run(tmp_path, "import", "--source", "ofac", str(shared_dir / "data/lists/ofac/sdn.csv"),
               "--program", "SDGT")
    assert done.returncode == 0, done.stderr
    assert "ofac: " in done.stdout and "entities imported" in done.stdout
    written = tmp_path / "watchlists" / "ofac.yaml"
    assert written.is_file()

    shown = json.loads(run(tmp_path, "show", "ofac_10481").stdout)
    assert shown["name"] == "Qasem Soleimani" and shown["tier"] == 1
    assert run(tmp_path, "show", "ofac_21806").returncode == 2  # IRAN-HR only: filtered out

    exported = json.loads(run(tmp_path, "export").stdout)
    ids = {e["id"] for e in exported}
    assert {"soleimani", "ofac_10481"} <= ids
    first = next(e for e in exported if e["id"] == "soleimani")
    assert set(first) == {"id", "name", "aliases", "kind", "tier", "designations"}
    assert all(isinstance(a, str) for a in first["aliases"]) and "قاسم سلیمانی" in first["aliases"]

    checked = run(tmp_path, "validate", str(written))
    assert checked.returncode == 0 and "valid" in checked.stdout


def test_import_un_and_opensanctions_to_chosen_output(tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "un-aq.yaml"
    done = run(tmp_path, "import", "--source", "un", str(shared_dir / "data/lists/un/consolidated.xml"),
               "--program", "Al-Qaida", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.is_file() and not (tmp_path / "watchlists" / "un.yaml").exists()
    done = run(tmp_path, "import", "--source", "opensanctions", str(DATA / "opensanctions.jsonl"))
    assert done.returncode == 0 and "4 entities imported" in done.stdout
    assert json.loads(run(tmp_path, "show", "os_nk_test_hamas").stdout)["tier"] == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("version: 1\nentities:\n  - id: x\n    kind: person\n    name: X\n    tier: 4\n", ":6: entities[0] (x).tier"),
    ("version: 1\nentities:\n  - id: x\n    kind: person\n    name: X\n    tier: 1\n"
     "    designations: [{source: UN}]\n    sources: ['https://un.org']\n    related: [{type: led, target: nope}]\n",
     ":9: entities[0] (x).related[0].target: unknown entity 'nope'"),
])
def test_validate_reports_file_line_field_and_exit_2(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    done = run(tmp_path, "validate", str(path))
    assert done.returncode == 2
    assert f"{path}{expected}" in done.stderr


def test_validate_accepts_relations_to_the_bundled_default(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("version: 1\nentities:\n  - id: x\n    kind: person\n    name: X\n    tier: 1\n"
                    "    designations: [{source: UN}]\n    sources: ['https://un.org']\n"
                    "    related: [{type: member_of, target: hezbollah}]\n", encoding="utf-8")
    assert run(tmp_path, "validate", str(path)).returncode == 0


def test_malformed_import_exits_2_naming_the_record(tmp_path: Path) -> None:
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(b'12,"A B","individual","SDGT"\r\n')
    done = run(tmp_path, "import", "--source", "ofac", str(bad))
    assert done.returncode == 2 and "line 1 (ent_num 12): expected 12 columns" in done.stderr
