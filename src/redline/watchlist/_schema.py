"""Validate one parsed native watchlist document and build its entities.

Every problem raises `FieldError` with the path of the offending field
(`("entities", 3, "aliases", 1, "kind")`); the loader turns that path into a
file line using the YAML node marks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from redline.model import Alias, Designation, Entity, EntityKind, Relation

FieldPath = tuple[str | int, ...]

ID_RE = re.compile(r"^[a-z0-9_]+$")
LANG_RE = re.compile(r"^(und|[a-z]{2,3})$")
SCRIPT_RE = re.compile(r"^[A-Z][a-z]{3}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ALIAS_KINDS = frozenset({"name", "transliteration", "kunya", "nom_de_guerre", "honorific", "epithet",
                         "self_name", "abbreviation", "armed_wing", "hashtag"})
RELATION_TYPES = frozenset({"member_of", "leads", "led", "founded", "wing_of", "part_of"})
DOC_KEYS = frozenset({"version", "entities", "meta"})
ENTITY_KEYS = frozenset({"id", "kind", "name", "tier", "aliases", "designations", "related", "sources",
                         "context", "notes", "status"})
ALIAS_KEYS = frozenset({"name", "lang", "script", "kind", "ambiguous"})
DESIGNATION_KEYS = frozenset({"source", "program", "reference", "date"})
RELATION_KEYS = frozenset({"type", "target"})


class FieldError(Exception):
    """A field of a watchlist document is missing or invalid."""

    def __init__(self, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def build_document(doc: Any) -> list[Entity]:
    """Return the entities of a parsed native document, or raise FieldError naming the bad field."""
    if not isinstance(doc, dict):
        raise FieldError((), "a watchlist file is a mapping with 'version: 1' and an 'entities' list")
    _no_unknown(doc, DOC_KEYS, ())
    if doc.get("version", 1) != 1:
        raise FieldError(("version",), f"unsupported version {doc.get('version')!r} (expected 1)")
    raw_entities = doc.get("entities")
    if not isinstance(raw_entities, list):
        raise FieldError(("entities",), "'entities' must be a list")
    entities: list[Entity] = []
    first_index: dict[str, int] = {}
    for i, raw in enumerate(raw_entities):
        entity = _entity(raw, ("entities", i))
        if entity.id in first_index:
            raise FieldError(("entities", i, "id"),
                             f"duplicate id {entity.id!r} (first used at entities[{first_index[entity.id]}])")
        first_index[entity.id] = i
        entities.append(entity)
    return entities


def _no_unknown(raw: dict[str, Any], allowed: frozenset[str], path: FieldPath) -> None:
    for key in raw:
        if key not in allowed:
            raise FieldError((*path, str(key)), f"unknown field {key!r} (allowed: {', '.join(sorted(allowed))})")


def _mapping(raw: Any, path: FieldPath, what: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise FieldError(path, f"{what} must be a mapping")
    return raw


def _text(raw: dict[str, Any], key: str, path: FieldPath, *, required: bool = False, default: str = "") -> str:
    value = raw.get(key)
    if value is None or value == "":
        if required:
            raise FieldError((*path, key), f"missing required field {key!r}")
        return default
    if isinstance(value, bool):
        raise FieldError((*path, key), "must be a string (quote it: YAML reads yes/no/on/off as booleans)")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value).strip()
    raise FieldError((*path, key), "must be a string")


def _items(raw: dict[str, Any], key: str, path: FieldPath) -> list[Any]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError((*path, key), "must be a list")
    return value


def _entity(raw: Any, path: FieldPath) -> Entity:
    raw = _mapping(raw, path, "an entity")
    _no_unknown(raw, ENTITY_KEYS, path)
    eid = _text(raw, "id", path, required=True)
    if not ID_RE.match(eid):
        raise FieldError((*path, "id"), f"id {eid!r} must match ^[a-z0-9_]+$ (lower-case slug)")
    kind_text = _text(raw, "kind", path, required=True)
    try:
        kind = EntityKind(kind_text)
    except ValueError:
        raise FieldError((*path, "kind"), f"kind {kind_text!r} must be 'person' or 'organization'") from None
    tier = raw.get("tier")
    if tier is None:
        raise FieldError((*path, "tier"), "missing required field 'tier'")
    if isinstance(tier, bool) or tier not in (1, 2, 3):
        raise FieldError((*path, "tier"), f"tier {tier!r} must be 1, 2 or 3")
    aliases = tuple(_alias(a, (*path, "aliases", j)) for j, a in enumerate(_items(raw, "aliases", path)))
    seen: dict[str, int] = {}
    for j, alias in enumerate(aliases):
        if alias.name in seen:
            raise FieldError((*path, "aliases", j, "name"), f"alias {alias.name!r} repeats aliases[{seen[alias.name]}]")
        seen[alias.name] = j
    designations = tuple(_designation(d, (*path, "designations", j))
                         for j, d in enumerate(_items(raw, "designations", path)))
    if not designations:
        raise FieldError((*path, "designations"), "needs at least one designation (who listed it, under what)")
    related = tuple(_relation(r, (*path, "related", j)) for j, r in enumerate(_items(raw, "related", path)))
    sources = tuple(_source(s, (*path, "sources", j)) for j, s in enumerate(_items(raw, "sources", path)))
    if not sources:
        raise FieldError((*path, "sources"), "needs at least one source URL")
    context = tuple(_word(c, (*path, "context", j)) for j, c in enumerate(_items(raw, "context", path)))
    status = raw.get("status") or {}
    if not isinstance(status, dict):
        raise FieldError((*path, "status"), "must be a mapping")
    return Entity(id=eid, kind=kind, name=_text(raw, "name", path, required=True), tier=tier, aliases=aliases,
                  designations=designations, related=related, sources=sources, context=context,
                  notes=_text(raw, "notes", path), status=dict(status))


def _alias(raw: Any, path: FieldPath) -> Alias:
    if isinstance(raw, str) and raw.strip():
        return Alias(name=raw.strip())
    raw = _mapping(raw, path, "an alias")
    _no_unknown(raw, ALIAS_KEYS, path)
    lang = _text(raw, "lang", path, default="und")
    if not LANG_RE.match(lang):
        raise FieldError((*path, "lang"), f"lang {lang!r} must be an ISO 639 code such as en, fa, ar (or und)")
    script = _text(raw, "script", path, default="Latn")
    if not SCRIPT_RE.match(script):
        raise FieldError((*path, "script"), f"script {script!r} must be an ISO 15924 code such as Latn, Arab")
    kind = _text(raw, "kind", path, default="name")
    if kind not in ALIAS_KINDS:
        raise FieldError((*path, "kind"), f"alias kind {kind!r} must be one of {', '.join(sorted(ALIAS_KINDS))}")
    ambiguous = raw.get("ambiguous", False)
    if not isinstance(ambiguous, bool):
        raise FieldError((*path, "ambiguous"), "must be true or false")
    return Alias(name=_text(raw, "name", path, required=True), lang=lang, script=script, kind=kind,
                 ambiguous=ambiguous)


def _designation(raw: Any, path: FieldPath) -> Designation:
    raw = _mapping(raw, path, "a designation")
    _no_unknown(raw, DESIGNATION_KEYS, path)
    date = _text(raw, "date", path)
    if date and not DATE_RE.match(date):
        raise FieldError((*path, "date"), f"date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return Designation(source=_text(raw, "source", path, required=True), program=_text(raw, "program", path),
                       reference=_text(raw, "reference", path), date=date)


def _relation(raw: Any, path: FieldPath) -> Relation:
    raw = _mapping(raw, path, "a relation")
    _no_unknown(raw, RELATION_KEYS, path)
    rtype = _text(raw, "type", path, required=True)
    if rtype not in RELATION_TYPES:
        raise FieldError((*path, "type"), f"relation type {rtype!r} must be one of {', '.join(sorted(RELATION_TYPES))}")
    return Relation(type=rtype, target=_text(raw, "target", path, required=True))


def _source(raw: Any, path: FieldPath) -> str:
    if not isinstance(raw, str) or not raw.startswith(("https://", "http://")):
        raise FieldError(path, f"source {raw!r} must be an http(s) URL")
    return raw


def _word(raw: Any, path: FieldPath) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int) or not str(raw).strip():
        raise FieldError(path, "a context entry must be a non-empty string")
    return str(raw).strip()
