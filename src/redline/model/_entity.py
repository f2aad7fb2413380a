"""Designated entities and the names they go by."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"


@dataclass(frozen=True, slots=True)
class Alias:
    """One written form of an entity's name.

    `ambiguous` marks forms that are also ordinary words or common surnames
    (Soleimani, Nasrallah, القاعدة "the rule"): they need corroboration before
    they count as a mention.
    """

    name: str
    lang: str = "und"
    script: str = "Latn"
    kind: str = "name"  # name, transliteration, kunya, nom_de_guerre, honorific, epithet, self_name, abbreviation, hashtag
    ambiguous: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the alias as a JSON-ready dict."""
        return {"name": self.name, "lang": self.lang, "script": self.script, "kind": self.kind,
                "ambiguous": self.ambiguous}


@dataclass(frozen=True, slots=True)
class Designation:
    """A listing of the entity by an authority (who, under which program, when)."""

    source: str
    program: str = ""
    reference: str = ""
    date: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the designation as a JSON-ready dict."""
        return {"source": self.source, "program": self.program, "reference": self.reference, "date": self.date}


@dataclass(frozen=True, slots=True)
class Relation:
    """A link to another entity: `member_of`, `leads`, `led`, `founded`, `wing_of`, `part_of`."""

    type: str
    target: str

    def to_dict(self) -> dict[str, Any]:
        """Return the relation as a JSON-ready dict."""
        return {"type": self.type, "target": self.target}


@dataclass(frozen=True, slots=True)
class Entity:
    """A designated person or organization."""

    id: str
    kind: EntityKind
    name: str
    tier: int = 1
    aliases: tuple[Alias, ...] = ()
    designations: tuple[Designation, ...] = ()
    related: tuple[Relation, ...] = ()
    sources: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # words that corroborate an ambiguous alias (titles, places, allies)
    notes: str = ""
    status: dict[str, Any] = field(default_factory=dict)

    def all_names(self) -> list[str]:
        """Return the primary name followed by every alias name."""
        return [self.name, *(a.name for a in self.aliases)]

    def to_dict(self) -> dict[str, Any]:
        """Return the entity as a JSON-ready dict in the native watchlist shape."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "name": self.name,
            "tier": self.tier,
            "aliases": [a.to_dict() for a in self.aliases],
            "designations": [d.to_dict() for d in self.designations],
            "related": [r.to_dict() for r in self.related],
            "sources": list(self.sources),
            "context": list(self.context),
            "notes": self.notes,
        }
