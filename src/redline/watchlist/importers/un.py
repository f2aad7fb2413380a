"""Import the UN Security Council Consolidated List XML (individuals and entities, with their aliases)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from redline.errors import ConfigError
from redline.model import Alias, Designation, Entity, EntityKind
from redline.watchlist.importers._common import (
    ImportResult,
    make_alias,
    slug,
    smart_case,
    unique_aliases,
    wanted,
)

TERRORISM_LISTS = frozenset({"al-qaida", "isil", "taliban"})
LIST_URL = "https://www.un.org/securitycouncil/content/un-sc-consolidated-list"
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def import_un(path: Path, programs: Sequence[str] = ()) -> ImportResult:
    """Return the entities of the consolidated list, keeping those whose UN_LIST_TYPE is in `programs`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read UN file: {exc}") from exc
    root = parse_safely(raw, path)
    result = ImportResult(source="un")
    for tag, person in (("INDIVIDUALS/INDIVIDUAL", True), ("ENTITIES/ENTITY", False)):
        for i, node in enumerate(root.iterfind(tag)):
            result.records += 1
            entity = _record(node, person, f"{path}: {tag.split('/')[1]} #{i + 1}")
            if not wanted((d.program for d in entity.designations), programs):
                result.filtered += 1
            else:
                result.entities.append(entity)
    return result


def parse_safely(raw: bytes, path: Path) -> ET.Element:
    """Return the XML root, refusing any DTD (no entity expansion, no external fetches)."""
    upper = raw.upper()
    if any(marker in upper for marker in _FORBIDDEN):
        raise ConfigError(f"{path}: refusing XML with a DOCTYPE or ENTITY declaration")
    parser = ET.XMLParser()
    try:
        parser.feed(raw)
        return parser.close()
    except ET.ParseError as exc:
        line, column = exc.position
        raise ConfigError(f"{path}:{line}: not well-formed XML (column {column}): {exc}") from None


def _text(node: ET.Element, tag: str) -> str:
    return " ".join((node.findtext(tag) or "").split())


def _record(node: ET.Element, person: bool, where: str) -> Entity:
    dataid = _text(node, "DATAID")
    if not dataid.isdigit():
        raise ConfigError(f"{where}: missing or non-numeric DATAID {dataid!r}")
    where = f"{where} (DATAID {dataid})"
    reference = _text(node, "REFERENCE_NUMBER")
    if not reference:
        raise ConfigError(f"{where}: missing REFERENCE_NUMBER")
    parts = [_text(node, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p)
    if not name:
        raise ConfigError(f"{where}: no name (FIRST_NAME is empty)")
    name = smart_case(name) if person else name
    list_type = _text(node, "UN_LIST_TYPE")
    if not list_type:
        raise ConfigError(f"{where}: missing UN_LIST_TYPE")
    listed = _text(node, "LISTED_ON")
    aliases: list[Alias] = []
    original = _text(node, "NAME_ORIGINAL_SCRIPT")
    if original:
        aliases.append(make_alias(original))
    alias_tag = "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"
    for alias_node in node.iterfind(alias_tag):
        alias_name = _text(alias_node, "ALIAS_NAME")
        if alias_name:
            low = _text(alias_node, "QUALITY").casefold() == "low"
            aliases.append(make_alias(smart_case(alias_name) if person else alias_name, low_quality=low))
    roles = [" ".join((v.text or "").split()) for v in node.iterfind("DESIGNATION/VALUE")]
    return Entity(
        id=f"un_{slug(reference)}", kind=EntityKind.PERSON if person else EntityKind.ORGANIZATION, name=name,
        tier=1 if list_type.casefold() in TERRORISM_LISTS else 3, aliases=unique_aliases(name, aliases),
        designations=(Designation(source="UN", program=list_type, reference=reference,
                                  date=m.group(0) if (m := _DATE.match(listed)) else ""),),
        sources=(LIST_URL,), notes="; ".join(r for r in roles if r))
