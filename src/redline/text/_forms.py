"""Every written form under which one alias is indexed: spacing, articles, apostrophes, clitics, compacts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.text.normalize import normalize

_WORD = re.compile(r"[^\W_]+")
# "al-"/"el-"/"al " anywhere; sun-letter forms ("ad-Din", "ash-Shabaab") only when hyphenated.
_ARTICLE = re.compile(r"(?<![^\W_])(?:(al|el)[-' ]|(ad|ar|as|ash|at|az|an|ed|ud|es|ez|ul|un|ut)-)(?=[^\W_])")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_ARABIC_PREFIXES = ("و", "ف", "ب", "ك", "وب", "فب", "وك")
_ARABIC_L_PREFIXES = ("ل", "ول", "فل")
_SUFFIXES = ("ها", "هاي", "ي", "يها", "يهاي", "يون", "يين")  # plurals and the nisba ("داعشی‌ها")
_THEOPHORIC = re.compile(r"(?<=[^\W\d_]) (?=الله(?![^\W_])|الدين(?![^\W_])|الرحمن(?![^\W_]))|(?<=(?<![^\W_])عبد) ")
_THEOPHORIC_SPLIT = re.compile(r"(?<=[^\W\d_]{2})(?=الله(?![^\W_])|الدين(?![^\W_]))|(?<=(?<![^\W_])عبد)(?=ال)")
_KUNYA = re.compile(r"(?<![^\W_])ابو(?: |(?=[^\W_]))")
_MAX_VARIANTS = 48


@dataclass(frozen=True, slots=True)
class Form:
    """One indexed spelling: the words joined by single spaces, and how it relates to the alias."""

    text: str
    kind: str  # written, compact, variant, clitic
    trim: int = 0  # leading clitic characters to leave out of the mention's span


def words(s: str) -> list[str]:
    """Return the letter-and-digit runs of a normalized string."""
    return _WORD.findall(s)


def squeeze(s: str) -> str:
    """Return `s` with every run of a repeated letter reduced to one letter."""
    return re.sub(r"([^\W\d_])\1+", r"\1", s)


def _article_variants(s: str) -> set[str]:
    """Return spellings of the Arabic article in Latin script: al-X, al X, alX, el X, elX (one style per name)."""
    spots = list(_ARTICLE.finditer(s))
    out = {s}
    for style in ("al ", "al", "el ", "el", "keep ", "keep"):
        parts, pos = [], 0
        for m in spots:
            parts.append(s[pos:m.start()])
            parts.append(style.replace("keep", m.group(1) or m.group(2)))
            pos = m.end()
        parts.append(s[pos:])
        out.add("".join(parts))
    return out


def _arabic_variants(s: str) -> set[str]:
    """Return spellings of compounds and kunyas: "بدر الدين"/"بدرالدين", "عبد الملك"/"عبدالملك", "ابو"/"ابي"/"ابا"."""
    out = {s, _THEOPHORIC.sub("", s), _THEOPHORIC_SPLIT.sub(" ", s)}
    for v in list(out):
        if _KUNYA.search(v):
            out.update({_KUNYA.sub("ابي ", v), _KUNYA.sub("ابا ", v), _KUNYA.sub("ابو", v), _KUNYA.sub("ابو ", v)})
    return out


def forms(name: str, ambiguous: bool = False) -> list[Form]:
    """Return every form of the alias `name` to index, the plain written form first."""
    raw = normalize(name).text
    spaced = normalize(name.replace("\u200c", " ")).text
    found: dict[str, Form] = {}

    def add(s: str, kind: str, trim: int = 0) -> None:
        key = " ".join(words(s))
        if key and key not in found and len(found) < _MAX_VARIANTS:
            found[key] = Form(key, kind, trim)

    add(raw, "written")
    bases = {raw, spaced, raw.replace("'", ""), raw.replace("-", "")}
    if not _ARABIC_LETTER.search(raw):
        bases = {v for b in bases for v in _article_variants(b)}
    else:
        bases = {v for b in bases for v in _arabic_variants(b)}
    for b in sorted(bases):
        add(b, "variant")
    plain = [f.text for f in found.values()]
    for p in plain:
        compact = p.replace(" ", "")
        if " " in p and len(compact) >= 5:
            add(compact, "compact")
        if len(p) >= 6 and squeeze(p) != p:
            add(squeeze(p), "variant")
    if _ARABIC_LETTER.search(raw):
        for p in plain:
            if p.startswith("ال"):
                for pre in _ARABIC_L_PREFIXES:
                    add(pre + p[1:], "clitic")
            for pre in _ARABIC_PREFIXES if p.startswith("ال") else (*_ARABIC_PREFIXES, "ل", "ول", "فل"):
                add(pre + p, "clitic", len(pre))
            if not ambiguous:
                add("ضد" + p, "clitic", 2)  # Persian "anti-": ضدداعش
                if " " not in p:
                    for suf in _SUFFIXES:
                        add(p + suf, "variant")
    return list(found.values())
