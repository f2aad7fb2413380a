"""What every importer shares: the result record, name casing, ambiguity and alias helpers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from redline.model import Alias, Entity

_WORD = re.compile(r"\w+")
_KUNYA = frozenset({"abu", "abou", "umm", "um", "ابو", "أبو", "ام", "أم"})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "del", "da", "van", "von"})
_PERSIAN_LETTERS = frozenset("پچژگکی")
_SCRIPT_LANG = {"Arab": "ar", "Hang": "ko", "Hani": "zh", "Cyrl": "und", "Latn": "und"}
_SCRIPT_PREFIX = (("ARABIC", "Arab"), ("HANGUL", "Hang"), ("CJK", "Hani"), ("CYRILLIC", "Cyrl"), ("LATIN", "Latn"))


@dataclass
class ImportResult:
    """The entities an importer produced and what it left out."""

    source: str
    entities: list[Entity] = field(default_factory=list)
    records: int = 0
    skipped_kind: int = 0  # vessels, aircraft and other non-person, non-organization records
    filtered: int = 0  # records outside the requested programs

    def summary(self) -> str:
        """Return a one-line count summary for the command line."""
        persons = sum(1 for e in self.entities if e.kind.value == "person")
        tier1 = sum(1 for e in self.entities if e.tier == 1)
        aliases = sum(len(e.aliases) for e in self.entities)
        return (f"{self.source}: {len(self.entities)} entities imported ({persons} persons, "
                f"{len(self.entities) - persons} organizations, {tier1} tier 1, {aliases} aliases) from "
                f"{self.records} records; {self.filtered} outside the requested programs, "
                f"{self.skipped_kind} vessels/aircraft skipped")


def wanted(programs: Iterable[str], requested: Sequence[str]) -> bool:
    """Return True when no filter is given or one of the record's programs is requested (case-insensitive)."""
    if not requested:
        return True
    have = {p.strip().casefold() for p in programs}
    return any(r.strip().casefold() in have for r in requested)


def is_ambiguous(name: str) -> bool:
    """Return True for a name too common to count alone: one token, four letters or fewer, or a bare kunya."""
    tokens = _WORD.findall(name)
    bare_kunya = len(tokens) == 2 and tokens[0].casefold() in _KUNYA
    return len(tokens) <= 1 or len("".join(tokens)) <= 4 or bare_kunya


def smart_case(name: str) -> str:
    """Return `name` with its ALL-CAPS words capitalized (AL-MUHANDIS -> al-Muhandis), others unchanged."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        if not word.isupper():
            out.append(word)
            continue
        chunks = word.split("-")
        cased = [_cap(c) for c in chunks]
        if (i > 0 or len(chunks) > 1) and chunks[0].casefold() in _PARTICLES:
            cased[0] = chunks[0].lower()
        out.append("-".join(cased))
    return " ".join(out)


def _cap(chunk: str) -> str:
    for k, ch in enumerate(chunk):
        if ch.isalpha():
            return chunk[:k] + ch.upper() + chunk[k + 1:].lower()
    return chunk


def flip_name(name: str) -> str:
    """Return "Given Surname" for an OFAC-style "SURNAME, Given" (names with no single comma are kept)."""
    if name.count(",") == 1:
        surname, given = (part.strip() for part in name.split(","))
        if surname and given:
            name = f"{given} {surname}"
    return smart_case(name)


def script_of(text: str) -> str:
    """Return the ISO 15924 code of the first letter's script (Latn when unknown)."""
    for ch in text:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            return next((code for prefix, code in _SCRIPT_PREFIX if uname.startswith(prefix)), "Latn")
    return "Latn"


def make_alias(name: str, *, low_quality: bool = False) -> Alias:
    """Return an alias with language and script guessed from its letters and ambiguity from its length."""
    script = script_of(name)
    lang = "fa" if script == "Arab" and any(ch in _PERSIAN_LETTERS for ch in name) else _SCRIPT_LANG.get(script, "und")
    return Alias(name=name, lang=lang, script=script, kind="name",
                 ambiguous=low_quality or is_ambiguous(name))


def unique_aliases(primary: str, aliases: Iterable[Alias]) -> tuple[Alias, ...]:
    """Return the aliases without blanks, repeats or copies of the primary name (case-insensitive)."""
    seen = {primary.casefold()}
    out = []
    for alias in aliases:
        key = alias.name.casefold()
        if alias.name and key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)


def slug(text: str) -> str:
    """Return `text` as a lower-case id fragment of letters, digits and underscores."""
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")
