"""Settle ambiguous aliases: a namesake or an ordinary word drops out, corroboration raises the score.

Corroboration, strongest first: a title or role word of the entity (`context`) or one of its first
names right before the alias; an unambiguous mention of the same entity, or of a related one,
anywhere in the post; a context word anywhere in the post. Without any, the mention stays with a
low score so that it is never acted on alone, unless it is written in lower case like an ordinary
Latin-script word ("said", "isis"), in which case it is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from redline.text._index import EntityInfo, Index
from redline.text._lexicon import given_names, has_ordinary_sense, ordinary_sense
from redline.text._scan import Candidate

UNCORROBORATED = 0.35
ADJACENT = 0.9
SAME_ENTITY = 0.9
RELATED = 0.8
CONTEXT = 0.75


def neighbours(v: str, a: int, b: int) -> tuple[str, str]:
    """Return the words right before and right after the normalized span [a, b) of a view, if adjacent."""
    vs, ve = a + 1, b + 1  # view positions
    before = after = ""
    if vs >= 2 and v[vs - 2] != " ":
        before = v[v.rfind(" ", 0, vs - 1) + 1:vs - 1]
    if ve + 1 < len(v) and v[ve + 1] != " ":
        after = v[ve + 1:v.find(" ", ve + 1)]
    return before, after


def _title_before(v: str, a: int, info: EntityInfo) -> str | None:
    head = v[:a + 1]
    for key in info.context | info.first_names:
        if head.endswith(f" {key} "):
            return key
    return None


def settle(index: Index, kept: list[Candidate], base_view: str, text: str) -> list[tuple[Candidate, float, str]]:
    """Return (candidate, score, note) for every candidate that survives; ambiguous ones scored by evidence."""
    firm = {c.pattern.entity for c in kept if not c.ambiguous}
    out: list[tuple[Candidate, float, str]] = []
    context_hits: dict[int, list[tuple[int, int, str]]] | None = None
    post_words: set[str] | None = None
    for c in kept:
        info = index.entities[c.pattern.entity]
        before, after = neighbours(c.view, c.a, c.b)
        if has_ordinary_sense(c.pattern.form):
            if post_words is None:
                post_words = set(base_view.split())
            if _ordinary(c.pattern.form, before, after, post_words):
                continue
        if not c.ambiguous:
            out.append((c, 1.0, ""))
            continue
        if _namesake(info, before, after):
            continue
        title = _title_before(c.view, c.a, info)
        if title:
            out.append((c, ADJACENT, f"corroborated by '{title}' before it"))
            continue
        if c.pattern.entity in firm:
            out.append((c, SAME_ENTITY, "corroborated by an unambiguous name of the same entity in the post"))
            continue
        rel = sorted(index.entities[r].id for r in info.related & firm)
        if rel:
            out.append((c, RELATED, f"corroborated by related entity {rel[0]} in the post"))
            continue
        if context_hits is None:
            context_hits = _context(index, base_view)
        words = [w for s, e, w in context_hits.get(c.pattern.entity, []) if not (s < c.b and c.a < e)]
        if words:
            out.append((c, CONTEXT, f"corroborated by context word '{words[0]}' in the post"))
            continue
        surface = text[c.start:c.end]
        if _written_like_a_word(surface, text[max(0, c.start - 1):c.start]):
            continue  # "said", "hamas" the Hebrew word: a bare ambiguous name written like an ordinary word
        out.append((c, UNCORROBORATED, "ambiguous alias without corroboration"))
    return out


def _written_like_a_word(surface: str, char_before: str) -> bool:
    """Return True for a plain lower-case Latin word; a disguised spelling ("s0leimani", "n.a.s.r.a.l.l.a.h")
    or a hashtag is written on purpose, never like an ordinary word."""
    return (surface.isascii() and surface.islower() and char_before != "#"
            and all(ch.isalpha() or ch in " -'" for ch in surface))


def _namesake(info: EntityInfo, before: str, after: str) -> str | None:
    names = given_names()
    for w in (before, after):
        if w and w in names and w not in info.first_names and w not in info.context:
            return f"namesake: given name '{w}'"
    return None


def _ordinary(form: str, before: str, after: str, post_words: set[str]) -> str | None:
    word = ordinary_sense(form, before, after, post_words)
    return f"ordinary sense: '{word}'" if word else None


def _context(index: Index, v: str) -> dict[int, list[tuple[int, int, str]]]:
    hits: dict[int, list[tuple[int, int, str]]] = {}
    for s, e, word, ents in index.context_words(v):
        for ent in ents:
            hits.setdefault(ent, []).append((s, e, word))
    return hits


def entity_ids(index: Index, cands: Iterable[Candidate]) -> set[str]:
    """Return the entity ids of some candidates."""
    return {index.entities[c.pattern.entity].id for c in cands}
