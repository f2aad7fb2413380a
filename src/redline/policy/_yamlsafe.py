"""Read a YAML document defensively and remember the line of every value, so errors can name it.

A policy file may come from anywhere, so this refuses what a policy never needs and an attacker
loves: anchors and aliases (billion-laughs), custom tags, duplicate keys, huge files, deep nesting.
"""

from __future__ import annotations

from typing import Any

import yaml

from redline.errors import ConfigError

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

Path_ = tuple[str | int, ...]
_PLAIN_TAGS = {"!", *(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq"))}


def where(name: str, marks: dict[Path_, int], path: Path_) -> str:
    """Return 'file:line: field' for the value at `path`, using the nearest known line."""
    p = path
    while p and p not in marks:
        p = p[:-1]
    line = marks.get(p, 1)
    field = ".".join(str(x) for x in path) or "(top level)"
    return f"{name}:{line}: {field}"


def load(text: str, name: str) -> tuple[Any, dict[Path_, int]]:
    """Return the document's plain value and a map from each value's path to its 1-based line."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ConfigError(f"{name}: file is larger than {MAX_BYTES:,} bytes; a policy is a short text file")
    loader = yaml.SafeLoader(text)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ConfigError(f"{name}:{line}: anchors and aliases (& and *) are not allowed in a policy file")
            tag = getattr(event, "tag", None)
            if tag and tag not in _PLAIN_TAGS:
                raise ConfigError(f"{name}:{line}: custom YAML tag {tag!r} is not allowed")
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(f"{name}:{line}: not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(f"{name}: nested too deeply") from exc
    finally:
        loader.dispose()
    if node is None:
        raise ConfigError(f"{name}:1: the file is empty")
    marks: dict[Path_, int] = {}
    return _walk(node, (), marks, name, loader), marks


def _walk(node: yaml.Node, path: Path_, marks: dict[Path_, int], name: str, loader: yaml.SafeLoader) -> Any:
    # A mapping value is located at its key's line (set by the caller), not where the value starts.
    marks.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise ConfigError(f"{where(name, marks, path)}: nested deeper than {MAX_DEPTH} levels")
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise ConfigError(f"{where(name, marks, path)}: keys must be plain scalars")
            key = loader.construct_object(knode)
            if isinstance(key, str | int) is False or isinstance(key, bool):
                raise ConfigError(f"{where(name, marks, path)}: key {key!r} must be a string or an integer")
            if key in out:
                raise ConfigError(f"{name}:{knode.start_mark.line + 1}: {'.'.join(map(str, (*path, key)))}: "
                                  "duplicate key")
            marks[(*path, key)] = knode.start_mark.line + 1
            out[key] = _walk(vnode, (*path, key), marks, name, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(v, (*path, i), marks, name, loader) for i, v in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where(name, marks, path)}: bad value: {exc}") from exc
