"""Find the line of a field in a watchlist file from the YAML node marks (JSON files are YAML too)."""

from __future__ import annotations

from typing import Any

import yaml

from redline.watchlist._schema import FieldPath

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_of(text: str, path: FieldPath) -> int | None:
    """Return the 1-based line of the deepest node on `path` (the parent when a key is missing), or None."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def describe(path: FieldPath, doc: Any) -> str:
    """Return a readable field path such as `entities[3] (soleimani).aliases[1].kind`."""
    parts: list[str] = []
    cursor = doc
    for depth, step in enumerate(path):
        if isinstance(step, int):
            cursor = cursor[step] if isinstance(cursor, list) and 0 <= step < len(cursor) else None
            label = f"[{step}]"
            if depth == 1 and isinstance(cursor, dict) and isinstance(cursor.get("id"), str):
                label += f" ({cursor['id']})"
            parts.append(label)
        else:
            cursor = cursor.get(step) if isinstance(cursor, dict) else None
            parts.append(f".{step}" if parts else step)
    return "".join(parts) or "document"
