"""Evasion forms in English, Persian and Arabic, inside ordinary sentences, must all be found."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redline.text.detector import NameDetector

_CYRILLIC = str.maketrans("aeopcxiAEOPCXHKMT", "аеорсхіАЕОРСХНКМТ")
_LEET = str.maketrans("aeiost", "431057")


def _zero_width(s: str) -> str:
    return "\u200b".join(s[:3]) + s[3:-2] + "\u200d" + s[-2:]


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


LATIN_EVASIONS: dict[str, Callable[[str], str]] = {
    "plain": lambda s: s,
    "upper": str.upper,
    "lower": str.lower,
    "cyrillic": lambda s: s.translate(_CYRILLIC),
    "zero_width": _zero_width,
    "soft_hyphen": lambda s: s[:4] + "\u00ad" + s[4:],
    "leet": lambda s: s.translate(_LEET),
    "spaced": lambda s: " ".join(_letters(s)),
    "dotted": lambda s: ".".join(_letters(s)),
    "dashed": lambda s: "-".join(_letters(s)),
    "underscored": lambda s: "_".join(_letters(s)),
    "stretched": lambda s: s[:-2] + s[-2] * 5 + s[-1],
    "hashtag": lambda s: "#" + s.replace(" ", "").replace("-", "").replace("'", ""),
    "camel_hashtag": lambda s: "#IStandWith" + "".join(w.capitalize() for w in s.replace("-", " ").split()),
    "possessive": lambda s: s + "’s",
    "possessive_ascii": lambda s: s + "'s",
    "fullwidth": lambda s: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s),
    "diacritics": lambda s: s.replace("a", "ā").replace("i", "ī"),
    "quoted": lambda s: f"“{s}”",
    "split_word": lambda s: s[:2] + "-" + s[2:],
}
LATIN_NAMES = {
    "Hezbollah": "hezbollah",
    "Qassem Soleimani": "soleimani",
    "Abu Mahdi al-Muhandis": "muhandis",
    "Kataib Hizbullah": "kataib_hezbollah",
    "Daesh": "isis",
    "Osama bin Laden": "bin_laden",
    "Quds Force": "quds_force",
    "Islamic Resistance Movement": "hamas",
}
EN_SENTENCES = ["I read a long article about {} yesterday.", "Why is everyone posting {} again?"]

ARABIC_EVASIONS: dict[str, Callable[[str], str]] = {
    "plain": lambda s: s,
    "harakat": lambda s: "".join(c + ("\u064e" if c.isalpha() else "") for c in s),
    "tatweel": lambda s: s[:2] + "\u0640\u0640\u0640" + s[2:],
    "zero_width": _zero_width,
    "persian_letters": lambda s: s.replace("ي", "ی").replace("ك", "ک").replace("ة", "ه"),
    "arabic_letters": lambda s: s.replace("ی", "ي").replace("ک", "ك"),
    "hamza_free": lambda s: s.replace("أ", "ا").replace("إ", "ا"),
    "no_space": lambda s: s.replace(" ", ""),
    "half_space": lambda s: s.replace(" ", "\u200c"),
    "hashtag": lambda s: "#" + s.replace(" ", "_"),
    "stretched": lambda s: s[:-1] + s[-1] * 4,
    "wa_clitic": lambda s: "و" + s,
    "bi_clitic": lambda s: "ب" + s,
    "fa_clitic": lambda s: "ف" + s,
    "rlm": lambda s: "\u200f" + s + "\u200f",
}
ARABIC_NAMES = {
    "حزب الله": "hezbollah",
    "قاسم سلیمانی": "soleimani",
    "أبو مهدي المهندس": "muhandis",
    "كتائب القسام": "qassam_brigades",
    "سپاه پاسداران": "irgc",
    "أسامة بن لادن": "bin_laden",
}
RTL_SENTENCES = ["امروز خبری درباره {} خواندم.", "قرأت اليوم تقريرا طويلا عن {} في الصحيفة"]

CASES = [
    *[(tpl.format(fn(name)), eid, f"{kind}:{name}")
      for name, eid in LATIN_NAMES.items() for kind, fn in LATIN_EVASIONS.items() for tpl in EN_SENTENCES],
    *[(tpl.format(fn(name)), eid, f"{kind}:{name}")
      for name, eid in ARABIC_NAMES.items() for kind, fn in ARABIC_EVASIONS.items() for tpl in RTL_SENTENCES],
]
HAND_WRITTEN = [
    ("They chanted for Soleimaaaaani at the rally, led by General Soleimani's men", "soleimani"),
    ("S o l e i m a n i, the Quds Force commander", "soleimani"),
    ("#HajQassem forever", "soleimani"),
    ("#QassemSoleimani", "soleimani"),
    ("#حاج_قاسم", "soleimani"),
    ("سردار دلها را فراموش نمی‌کنیم", "soleimani"),
    ("سردار دل ها", "soleimani"),
    ("وحزب الله أعلن ذلك", "hezbollah"),
    ("قال المتحدث لحماس إن الهدنة انتهت في غزة", "hamas"),
    ("بالقاعدة وفروعها في اليمن والتنظيم الإرهابي", "al_qaeda"),
    ("قتل مع أبي مهدي المهندس", "muhandis"),
    ("Almuhandis was there", "muhandis"),
    ("Al Muhandis and Abu Mahdi el-Muhandis", "muhandis"),
    ("Kata’ib Hezbollah claimed it", "kataib_hezbollah"),
    ("Kataib Hezbollah claimed it", "kataib_hezbollah"),
    ("Hizballah and Hizbullah are the same", "hezbollah"),
    ("ISIS fighters entered Mosul", "isis"),
    ("h-a-m-a-s is trending", "hamas"),
    ("Ha.mas is trending", "hamas"),
    ("Qasem Soleymani died", "soleimani"),
    ("Qassem Soleimanii died", "soleimani"),
    ("حزب‌الله‌ها", "hezbollah"),
    ("د-اعش در سوریه", "isis"),
    ("داعش در سوریه", "isis"),
    ("Islamic State fighters", "isis"),
    ("1SIS fighters in Raqqa", "isis"),
    ("the IRGC-linked group", "irgc"),
    ("pro-Hezbollah channels", "hezbollah"),
    ("Hezbollah-led coalition", "hezbollah"),
]


@pytest.mark.parametrize(("text", "entity", "kind"), CASES, ids=[c[2] + f"#{i}" for i, c in enumerate(CASES)])
def test_evasion_form_is_found(detector: NameDetector, text: str, entity: str, kind: str) -> None:
    found = {m.entity_id for m in detector.find(text)}
    assert entity in found, (kind, text, found)


@pytest.mark.parametrize(("text", "entity"), HAND_WRITTEN)
def test_hand_written_evasion_is_found(detector: NameDetector, text: str, entity: str) -> None:
    mentions = [m for m in detector.find(text) if m.entity_id == entity]
    assert mentions, text
    for m in mentions:
        assert text[m.start:m.end] == m.surface
