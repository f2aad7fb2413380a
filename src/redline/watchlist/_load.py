"""Load native watchlist files (YAML or JSON), check them across files, and build a Watchlist."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline import settings
from redline.errors import ConfigError
from redline.model import Entity
from redline.watchlist._marks import describe, line_of
from redline.watchlist._schema import FieldError, FieldPath, build_document

NATIVE_SUFFIXES = (".yaml", ".yml", ".json")
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Parsed files keyed by path, valid while (mtime, size) is unchanged: repeated loads in one process are free.
_MEMO: dict[Path, tuple[tuple[int, int], tuple[Entity, ...]]] = {}


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
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(NATIVE_SUFFIXES))


def user_paths() -> list[Path]:
    """Return the native files in the user watchlist directory, sorted by name."""
    folder = settings.user_watchlist_dir()
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix in NATIVE_SUFFIXES and not p.name.startswith("."))


def load_default() -> Watchlist:
    """Return the bundled default watchlist."""
    return load_files(default_paths())


def load_active() -> Watchlist:
    """Return the bundled default plus every native file in the user watchlist directory."""
    return load_files([*default_paths(), *user_paths()])


def load_files(paths: Iterable[Path | str], known_ids: Iterable[str] = ()) -> Watchlist:
    """Return one watchlist built from every given file; ids must be unique and relation targets must exist.

    `known_ids` are ids defined elsewhere (e.g. the active watchlist) that relations may also point to.
    """
    entities: list[Entity] = []
    origin: dict[str, tuple[Path, int]] = {}
    for p in paths:
        path = Path(p)
        for i, entity in enumerate(read_file(path)):
            if entity.id in origin:
                first = origin[entity.id][0]
                raise ConfigError(f"{path}:{_line(path, ('entities', i, 'id'))}: entities[{i}].id: duplicate "
                                  f"id {entity.id!r}, already defined in {first}")
            origin[entity.id] = (path, i)
            entities.append(entity)
    defined = set(origin) | set(known_ids)
    for entity in entities:
        for j, rel in enumerate(entity.related):
            if rel.target not in defined:
                path, i = origin[entity.id]
                where = ("entities", i, "related", j, "target")
                raise ConfigError(f"{path}:{_line(path, where)}: entities[{i}] ({entity.id}).related[{j}].target: "
                                  f"unknown entity {rel.target!r}")
    return Watchlist(entities)


def read_file(path: Path) -> tuple[Entity, ...]:
    """Return the validated entities of one native file (memoized on mtime and size)."""
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        if (hit := _MEMO.get(path)) and hit[0] == key:
            return hit[1]
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read watchlist: {exc}") from exc
    doc = parse_text(text, path)
    try:
        entities = tuple(build_document(doc))
    except FieldError as exc:
        line = line_of(text, exc.path)
        raise ConfigError(f"{path}:{line or '?'}: {describe(exc.path, doc)}: {exc.message}") from None
    _MEMO[path] = (key, entities)
    return entities


def parse_text(text: str, path: Path) -> Any:
    """Return the parsed document; JSON takes the fast path, everything else goes through YAML."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass  # maybe a YAML flow mapping; YAML reports the error with its line if not
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else "?"
        raise ConfigError(f"{path}:{line}: not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None


def _line(path: Path, where: FieldPath) -> int | str:
    try:
        return line_of(path.read_text(encoding="utf-8-sig"), where) or "?"
    except (OSError, UnicodeDecodeError):
        return "?"
