"""Import OFAC's legacy SDN CSV (no header, Latin-1, `-0-` for empty, aliases inside Remarks)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from redline.errors import ConfigError
from redline.model import Designation, Entity, EntityKind
from redline.watchlist.importers._common import ImportResult, flip_name, make_alias, unique_aliases, wanted

COLUMNS = 12
TERRORISM_PROGRAMS = frozenset({"SDGT", "FTO", "SDT"})
SKIPPED_TYPES = frozenset({"vessel", "aircraft"})
_AKA = re.compile(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'\.?$")
DETAILS_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"


def import_ofac(path: Path, programs: Sequence[str] = ()) -> ImportResult:
    """Return the entities of an SDN CSV, keeping rows whose program list contains one of `programs`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read OFAC file: {exc}") from exc
    text = raw.rstrip(b"\x1a\r\n").decode("latin-1")  # the real download ends with a DOS EOF byte
    result = ImportResult(source="ofac")
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for row in reader:
        start, line = line, reader.line_num + 1
        if not row or row == ["\x1a"]:
            continue
        result.records += 1
        entity = _row(row, f"{path}: line {start}")
        if entity is None:
            result.skipped_kind += 1
        elif not wanted((d.program for d in entity.designations), programs):
            result.filtered += 1
        else:
            result.entities.append(entity)
    return result


def _row(row: list[str], where: str) -> Entity | None:
    ent_num = row[0].strip()
    if len(row) != COLUMNS:
        raise ConfigError(f"{where} (ent_num {ent_num or '?'}): expected {COLUMNS} columns, found {len(row)}")
    if not ent_num.isdigit():
        raise ConfigError(f"{where}: ent_num {ent_num!r} is not a number")
    values = ["" if v.strip() == "-0-" else v.strip() for v in row]
    name, sdn_type, program_field, title, remarks = values[1], values[2].lower(), values[3], values[4], values[11]
    if not name:
        raise ConfigError(f"{where} (ent_num {ent_num}): empty SDN_Name")
    if sdn_type in SKIPPED_TYPES:
        return None
    if not program_field:
        raise ConfigError(f"{where} (ent_num {ent_num}): empty Program")
    person = sdn_type == "individual"
    programs = [p.strip(" []") for p in program_field.split("] [") if p.strip(" []")]
    primary = flip_name(name) if person else name
    aka = [m.group(1).strip() for part in remarks.split("; ") if (m := _AKA.match(part.strip()))]
    aliases = unique_aliases(primary, (make_alias(flip_name(a) if person else a) for a in aka))
    return Entity(
        id=f"ofac_{ent_num}", kind=EntityKind.PERSON if person else EntityKind.ORGANIZATION, name=primary,
        tier=1 if TERRORISM_PROGRAMS.intersection(programs) else 3, aliases=aliases,
        designations=tuple(Designation(source="OFAC", program=p, reference=ent_num) for p in programs),
        sources=(DETAILS_URL.format(ent_num),), notes=title)
