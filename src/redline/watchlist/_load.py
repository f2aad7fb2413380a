"""Load and validate native watchlist files (YAML or JSON)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline.errors import ConfigError
from redline.model import Alias, Designation, Entity, EntityKind, Relation


class Watchlist:
    """An immutable, id-indexed collection of designated entities."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_id: dict[str, Entity] = {}
        for e in entities:
            if e.id in self._by_id:
                raise ConfigError(f"duplicate entity id {e.id!r}")
            self._by_id[e.id] = e

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def get(self, entity_id: str) -> Entity | None:
        """Return the entity with this id, or None."""
        return self._by_id.get(entity_id)

    def merged(self, other: Watchlist) -> Watchlist:
        """Return a new watchlist with `other`'s entities added (other wins on id clashes)."""
        combined = dict(self._by_id)
        combined.update({e.id: e for e in other})
        return Watchlist(combined.values())


def default_paths() -> list[Path]:
    """Return the bundled default watchlist files, sorted by name."""
    root = resources.files("redline") / "data" / "watchlist"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml", ".json")))


def load_default() -> Watchlist:
    """Return the bundled default watchlist."""
    return load_files(default_paths())


def load_files(paths: Iterable[Path | str]) -> Watchlist:
    """Return one watchlist built from every given native file."""
    entities: list[Entity] = []
    for p in paths:
        entities.extend(_load_file(Path(p)))
    return Watchlist(entities)


def _load_file(path: Path) -> list[Entity]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read watchlist: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("entities"), list):
        raise ConfigError(f"{path}: a watchlist file is a mapping with an 'entities' list")
    return [_entity(raw, f"{path}: entities[{i}]") for i, raw in enumerate(doc["entities"])]


def _need(raw: dict[str, Any], key: str, where: str) -> Any:
    if key not in raw or raw[key] in (None, ""):
        raise ConfigError(f"{where}: missing required field {key!r}")
    return raw[key]


def _entity(raw: Any, where: str) -> Entity:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: an entity is a mapping")
    eid = str(_need(raw, "id", where))
    where = f"{where} ({eid})"
    try:
        kind = EntityKind(_need(raw, "kind", where))
    except ValueError as exc:
        raise ConfigError(f"{where}: kind must be 'person' or 'organization'") from exc
    tier = raw.get("tier", 1)
    if tier not in (1, 2, 3):
        raise ConfigError(f"{where}: tier must be 1, 2 or 3")
    aliases = []
    for j, a in enumerate(raw.get("aliases") or []):
        if isinstance(a, str):
            a = {"name": a}
        if not isinstance(a, dict) or not a.get("name"):
            raise ConfigError(f"{where}: aliases[{j}] needs a 'name'")
        aliases.append(Alias(name=str(a["name"]), lang=str(a.get("lang", "und")), script=str(a.get("script", "Latn")),
                             kind=str(a.get("kind", "name")), ambiguous=bool(a.get("ambiguous", False))))
    designations = tuple(
        Designation(source=str(d.get("source", "")), program=str(d.get("program", "")),
                    reference=str(d.get("reference", "")), date=str(d.get("date", "")))
        for d in raw.get("designations") or [])
    related = tuple(Relation(type=str(r["type"]), target=str(r["target"])) for r in raw.get("related") or [])
    return Entity(id=eid, kind=kind, name=str(_need(raw, "name", where)), tier=int(tier), aliases=tuple(aliases),
                  designations=designations, related=related,
                  sources=tuple(str(s) for s in raw.get("sources") or []),
                  context=tuple(str(c) for c in raw.get("context") or []), notes=str(raw.get("notes", "")))
