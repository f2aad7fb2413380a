"""Import OpenSanctions / FollowTheMoney entities from JSON Lines (one entity object per line)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.model import Designation, Entity, EntityKind
from redline.watchlist.importers._common import ImportResult, make_alias, slug, unique_aliases, wanted

PERSON_SCHEMAS = frozenset({"Person"})
ORGANIZATION_SCHEMAS = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
SKIPPED_SCHEMAS = frozenset({"Vessel", "Airplane", "Vehicle"})
TERRORISM_TOPICS = frozenset({"crime.terror"})
TERRORISM_PROGRAMS = frozenset({"sdgt", "fto", "sdt"})
ENTITY_URL = "https://www.opensanctions.org/entities/{}/"


def import_opensanctions(path: Path, programs: Sequence[str] = ()) -> ImportResult:
    """Return the people and organizations of a FtM JSON Lines file; `programs` match topics or programs."""
    result = ImportResult(source="opensanctions")
    for lineno, obj in _lines(path):
        schema = obj.get("schema")
        if schema in SKIPPED_SCHEMAS:
            result.records += 1
            result.skipped_kind += 1
            continue
        if schema not in PERSON_SCHEMAS and schema not in ORGANIZATION_SCHEMAS:
            continue  # addresses, sanctions, ownership links: not listable entities on their own
        result.records += 1
        entity, labels = _entity(obj, schema, f"{path}: line {lineno} (id {obj.get('id')!r})")
        if wanted(labels, programs):
            result.entities.append(entity)
        else:
            result.filtered += 1
    return result


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read OpenSanctions file: {exc}") from exc
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}: line {lineno}: invalid JSON: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise ConfigError(f"{path}: line {lineno}: an entity must be a JSON object")
            yield lineno, obj


def _strings(props: dict[str, Any], key: str, where: str) -> list[str]:
    value = props.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: properties.{key} must be a list of strings")
    return [" ".join(v.split()) for v in value if v.strip()]


def _entity(obj: dict[str, Any], schema: str, where: str) -> tuple[Entity, set[str]]:
    oid = obj.get("id")
    if not isinstance(oid, str) or not slug(oid):
        raise ConfigError(f"{where}: missing 'id'")
    props = obj.get("properties")
    if not isinstance(props, dict):
        raise ConfigError(f"{where}: missing 'properties' object")
    names = _strings(props, "name", where)
    if not names:
        raise ConfigError(f"{where}: properties.name is empty")
    topics = _strings(props, "topics", where)
    designations = [Designation(source=_first(obj.get("datasets")) or "OpenSanctions", program=p)
                    for p in _strings(props, "program", where)]
    labels = {*topics, *_strings(props, "program", where), *_strings(props, "programId", where)}
    for sanction in props.get("sanctions", []):
        sprops = sanction.get("properties", {}) if isinstance(sanction, dict) else None
        if not isinstance(sprops, dict):
            raise ConfigError(f"{where}: properties.sanctions entries must be Sanction objects")
        program = _first(sprops.get("program")) or _first(sprops.get("programId"))
        labels.update(s for k in ("program", "programId") for s in _strings(sprops, k, where))
        designations.append(Designation(
            source=_first(sprops.get("authority")) or "OpenSanctions", program=program,
            reference=_first(sprops.get("programId")) or _first(sprops.get("unscId")),
            date=(_first(sprops.get("startDate")) or _first(sprops.get("listingDate")))[:10]))
    if not designations:
        designations.append(Designation(source="OpenSanctions", program=", ".join(topics)))
    alias_names = [n for k in ("alias", "previousName", "weakAlias") for n in _strings(props, k, where)]
    weak = set(_strings(props, "weakAlias", where))
    aliases = [make_alias(n, low_quality=n in weak) for n in [*names[1:], *alias_names]]
    terror = bool(TERRORISM_TOPICS.intersection(topics)) or any(lb.casefold() in TERRORISM_PROGRAMS for lb in labels)
    entity = Entity(
        id=f"os_{slug(oid)}", kind=EntityKind.PERSON if schema in PERSON_SCHEMAS else EntityKind.ORGANIZATION,
        name=names[0], tier=1 if terror else 3, aliases=unique_aliases(names[0], aliases),
        designations=tuple(designations),
        sources=tuple(_strings(props, "sourceUrl", where)[:3]) or (ENTITY_URL.format(oid),),
        notes=" ".join(_strings(props, "notes", where))[:500])
    return entity, labels


def _first(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0].strip()
    return value.strip() if isinstance(value, str) else ""
