"""Write entities as a native watchlist file: JSON (a subset of YAML), one entity per line."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redline.model import Entity


def entity_record(entity: Entity) -> dict[str, Any]:
    """Return the entity in the native shape, leaving out empty optional fields."""
    d = entity.to_dict()
    for key in ("related", "context", "notes"):
        if not d[key]:
            del d[key]
    return d


def dump_native(entities: Iterable[Entity], meta: dict[str, Any] | None = None) -> str:
    """Return the text of a native file holding these entities."""
    head = ['{"version": 1,']
    if meta:
        head.append(f' "meta": {json.dumps(meta, ensure_ascii=False, sort_keys=True)},')
    lines = ["  " + json.dumps(entity_record(e), ensure_ascii=False) for e in entities]
    if not lines:
        return "\n".join([*head, ' "entities": []}', ""])
    return "\n".join([*head, ' "entities": [', ",\n".join(lines), " ]}", ""])


def write_native(path: Path, entities: Iterable[Entity], meta: dict[str, Any] | None = None) -> None:
    """Write a native file atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(dump_native(entities, meta), encoding="utf-8")
    os.replace(tmp, path)
