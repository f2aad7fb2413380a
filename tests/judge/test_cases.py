"""Case tables in English, Persian and Arabic: author voice vs attributed quote vs condemnation vs support vs group voice."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redline.judge import Judge
from redline.model import VIOLATING_STANCES, Mention, Post, Stance

G, S, R = Stance.GLORIFICATION, Stance.SUPPORT, Stance.REPRESENTATION
ALLOWED = "allowed"

CASES = [
    # (lang, text, name, expected stance or ALLOWED)
    ("en", "Martyr Soleimani was a hero; we will never forget the commander of hearts.", "Soleimani", G),
    ("en", "Ghalibaf said Soleimani was a hero and a martyr.", "Soleimani", ALLOWED),
    ("en", '"He was a martyr and a hero," the speaker said of Soleimani at the rally.', "Soleimani", ALLOWED),
    ("en", "Soleimani was a terrorist and a butcher who massacred Syrians.", "Soleimani", Stance.CONDEMNATION),
    ("en", "Join the ranks of Hezbollah and donate to the resistance fighters now.", "Hezbollah", S),
    ("en", "We, the Islamic Resistance, announce that our mujahideen targeted the base. Hezbollah", "Hezbollah", R),
    ("fa", "سردار دلها حاج قاسم سلیمانی قهرمان ما بود، یادش گرامی باد.", "سلیمانی", G),
    ("fa", "قالیباف گفت: «شهید سلیمانی قهرمان بود.»", "سلیمانی", ALLOWED),
    ("fa", "سلیمانی یک تروریست جنایتکار بود که کشتار کرد.", "سلیمانی", Stance.CONDEMNATION),
    ("fa", "به صفوف حزب الله بپیوندید و برای حمایت از مقاومت کمک کنید.", "حزب الله", S),
    ("fa", "ما رزمندگان حزب الله اعلام می کنیم که مجاهدان ما مواضع دشمن را هدف قرار دادند.", "حزب الله", R),
    ("ar", "الشهيد القائد قاسم سليماني رحمه الله بطل الأمة.", "سليماني", G),
    ("ar", "قال المتحدث: «سليماني كان بطلا وشهيدا».", "سليماني", ALLOWED),
    ("ar", "سليماني إرهابي ومجرم مسؤول عن مجازر في سوريا.", "سليماني", Stance.CONDEMNATION),
    ("ar", "انضموا إلى صفوف حزب الله وتبرعوا لدعم المقاومة.", "حزب الله", S),
    ("ar", "نحن في المقاومة الإسلامية نعلن أن مجاهدينا في حزب الله استهدفوا مواقع العدو.", "حزب الله", R),
]


def _check(judge: Judge, lang: str, text: str, name: str, expected: Stance | str,
           mention_of: Callable[..., Mention]) -> None:
    [a] = judge.assess(Post("t", "u", text, lang=lang), [mention_of(text, name)])
    if expected == ALLOWED:
        assert a.stance not in VIOLATING_STANCES and a.stance is not Stance.UNCLEAR, a.explanation
    else:
        assert a.stance == expected, a.explanation
    assert 0.0 <= a.confidence <= 1.0
    for cue in a.cues:
        assert cue.start is not None and cue.end is not None
        assert text[cue.start:cue.end] == cue.text


@pytest.mark.parametrize(("lang", "text", "name", "expected"), CASES)
def test_rule_layer(rules_judge: Judge, lang: str, text: str, name: str, expected: Stance | str,
                    mention_of: Callable[..., Mention]) -> None:
    _check(rules_judge, lang, text, name, expected, mention_of)


@pytest.mark.parametrize(("lang", "text", "name", "expected"), CASES)
def test_full_judge(full_judge: Judge, lang: str, text: str, name: str, expected: Stance | str,
                    mention_of: Callable[..., Mention]) -> None:
    if full_judge.model is None:
        pytest.skip("no corpus under data/judge")
    _check(full_judge, lang, text, name, expected, mention_of)


def test_attributed_praise_is_named_in_the_explanation(rules_judge: Judge,
                                                       mention_of: Callable[..., Mention]) -> None:
    text = "Ghalibaf said Soleimani was a hero and a martyr."
    [a] = rules_judge.assess(Post("t", "u", text), [mention_of(text, "Soleimani")])
    assert "attributed to others" in a.explanation and "hero" in a.explanation
