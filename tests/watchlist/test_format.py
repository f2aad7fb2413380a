"""The native format: what loads, and errors that name the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline import settings
from redline.errors import ConfigError
from redline.watchlist import dump_native, load_active, load_files, read_file

GOOD = """\
version: 1
entities:
  - id: alpha
    kind: organization
    name: Alpha Front
    tier: 1
    aliases:
      - {name: AF, lang: en, script: Latn, kind: abbreviation, ambiguous: true}
      - {name: جبهة ألفا, lang: ar, script: Arab, kind: self_name}
    designations:
      - {source: OFAC, program: SDGT, reference: "1", date: 2001-10-12}
    sources: [https://example.org/alpha]
    context: [militants]
  - id: alpha_leader
    kind: person
    name: Ahmad Alpha
    tier: 1
    designations: [{source: UN, program: Al-Qaida}]
    related: [{type: leads, target: alpha}]
    sources: [https://example.org/leader]
"""


def write(tmp_path: Path, text: str, name: str = "list.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads_with_every_field(tmp_path: Path) -> None:
    wl = load_files([write(tmp_path, GOOD)])
    alpha = wl.get("alpha")
    assert alpha is not None and len(wl) == 2
    assert [a.name for a in alpha.aliases] == ["AF", "جبهة ألفا"]
    assert alpha.aliases[0].ambiguous and not alpha.aliases[1].ambiguous
    assert alpha.designations[0].date == "2001-10-12"  # an unquoted YAML date comes back as text
    assert wl.get("alpha_leader").related[0].target == "alpha"  # type: ignore[union-attr]


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    ("  - id: alpha\n", "  - id: Alpha-1\n", 3, "entities[0] (Alpha-1).id"),
    ("    kind: organization\n", "    kind: group\n", 4, "entities[0] (alpha).kind"),
    ("    tier: 1\n    aliases:", "    tier: 4\n    aliases:", 6, "entities[0] (alpha).tier"),
    ("kind: abbreviation,", "kind: acronym,", 8, "entities[0] (alpha).aliases[0].kind"),
    ("script: Arab,", "script: arabic,", 9, "entities[0] (alpha).aliases[1].script"),
    ("ambiguous: true}", "ambiguous: maybe}", 8, "entities[0] (alpha).aliases[0].ambiguous"),
    ("date: 2001-10-12}", "date: 12/10/2001}", 11, "entities[0] (alpha).designations[0].date"),
    ("    sources: [https://example.org/alpha]\n", "", 3, "entities[0] (alpha).sources"),
    ("    designations: [{source: UN, program: Al-Qaida}]\n", "", 14, "entities[1] (alpha_leader).designations"),
    ("type: leads", "type: commands", 19, "entities[1] (alpha_leader).related[0].type"),
    ("    context: [militants]\n", "    contexts: [militants]\n", 13, "entities[0] (alpha).contexts"),
    ("  - id: alpha_leader\n", "  - id: alpha\n", 14, "entities[1] (alpha).id"),
    ("name: Ahmad Alpha", "name: ''", 16, "entities[1] (alpha_leader).name"),
    ("version: 1", "version: 2", 1, "version"),
])
def test_errors_name_file_line_and_field(tmp_path: Path, old: str, new: str, line: int, field: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_files([path])
    assert str(info.value).startswith(f"{path}:{line}: {field}: ")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("    tier: 1\n    aliases:", "    tier: [1\n    aliases:"))
    with pytest.raises(ConfigError, match=rf"^{path}:\d+: not valid YAML"):
        load_files([path])


def test_unknown_relation_target_is_checked_after_merge(tmp_path: Path) -> None:
    leader_only = GOOD[GOOD.index("  - id: alpha_leader"):]
    other = write(tmp_path, "version: 1\nentities:\n" + leader_only, "other.yaml")
    with pytest.raises(ConfigError, match=rf"^{other}:8: entities\[0\] \(alpha_leader\)\.related\[0\]\.target: "
                                          r"unknown entity 'alpha'"):
        load_files([other])
    base = write(tmp_path, GOOD[:GOOD.index("  - id: alpha_leader")], "base.yaml")
    assert "alpha_leader" in load_files([base, other])


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    first, second = write(tmp_path, GOOD, "a.yaml"), write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(ConfigError, match=rf"^{second}:3: entities\[0\]\.id: duplicate id 'alpha', already "
                                          rf"defined in {first}"):
        load_files([first, second])


def test_json_round_trip_and_json_errors_have_lines(tmp_path: Path) -> None:
    entities = read_file(write(tmp_path, GOOD))
    text = dump_native(entities, {"source": "test"})
    assert read_file(write(tmp_path, text, "list.json")) == entities
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if '"alpha_leader"' in line)
    lines[at] = lines[at].replace('"tier": 1', '"tier": 0')
    bad = write(tmp_path, "\n".join(lines), "bad.json")
    with pytest.raises(ConfigError, match=rf"^{bad}:{at + 1}: entities\[1\] \(alpha_leader\)\.tier: tier 0"):
        read_file(bad)


def test_load_active_adds_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path))
    base = len(load_active())
    write(settings.user_watchlist_dir(), GOOD)
    active = load_active()
    assert len(active) == base + 2 and "alpha" in active and "soleimani" in active
