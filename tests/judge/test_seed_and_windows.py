"""The seed article must pass, and long documents are judged window by window."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from redline.engine import Engine
from redline.judge import Judge
from redline.judge.verdict import decide_from_stances
from redline.model import Mention, Method, Post, Stance, Verdict


def _seed(shared_dir: Path) -> str:
    paths = sorted((shared_dir / "seed").glob("*.txt"))
    if not paths:
        pytest.skip("no seed article")
    return paths[0].read_text(encoding="utf-8")


def _soleimani_mentions(text: str) -> list[Mention]:
    return [Mention("soleimani", "Qassem Soleimani", m.group(0), m.start(), m.end(), Method.NAME, 1.0)
            for m in re.finditer(r"Soleimani", text)]


def test_seed_article_is_allowed_with_reasons(shared_dir: Path, full_judge: Judge) -> None:
    text = _seed(shared_dir)
    mentions = _soleimani_mentions(text)
    assert len(mentions) >= 20  # "twenty times" in the body, more with the headlines
    post = Post("seed", "author", text)
    decision = decide_from_stances(post, mentions, full_judge.assess(post, mentions))
    assert decision.verdict is Verdict.ALLOW, decision.explanation
    assert "condemnation" in decision.explanation and "attributed to others" in decision.explanation
    assert "martyr Soleimani" in decision.explanation  # the quoted praise it set aside


def test_seed_article_through_the_engine(shared_dir: Path, full_judge: Judge) -> None:
    engine = Engine(judge=full_judge.assess, decide=decide_from_stances)
    outcome = engine.moderate(Post("seed", "author", _seed(shared_dir)))
    assert outcome.mentions
    assert outcome.decision.verdict is Verdict.ALLOW, outcome.decision.explanation


FILLER = "The weather in the capital was mild and the markets were busy that week. " * 40


def test_long_document_windows(rules_judge: Judge, mention_of: Callable[..., Mention]) -> None:
    text = ("Martyr Soleimani was a hero and a legend; we will never forget him.\n\n" + FILLER
            + "\n\nAnalysts wrote that Nasrallah was born in 1960 and that the party was founded in 1982.")
    post = Post("long", "u", text)
    glor, neutral = rules_judge.assess(post, [mention_of(text, "Soleimani"), mention_of(text, "Nasrallah")])
    assert glor.stance is Stance.GLORIFICATION
    assert neutral.stance not in (Stance.GLORIFICATION, Stance.SUPPORT, Stance.REPRESENTATION)
    # each is read in its own passage, not the whole text
    assert "the passage at" in glor.explanation and "the passage at" in neutral.explanation
    assert all(c.end is not None and c.end < 200 for c in glor.cues)


def test_long_document_violates_only_on_author_voice(rules_judge: Judge,
                                                     mention_of: Callable[..., Mention]) -> None:
    text = (FILLER + '\n\nAt the rally a speaker said: "Soleimani was a martyr and a hero."\n\n' + FILLER
            + "\n\nSoleimani was a terrorist who murdered thousands.")
    post = Post("long2", "u", text)
    first = text.index("Soleimani")
    second = text.index("Soleimani", first + 1)
    mentions = [Mention("s", "Qassem Soleimani", "Soleimani", i, i + 9, Method.NAME, 1.0) for i in (first, second)]
    decision = decide_from_stances(post, mentions, rules_judge.assess(post, mentions))
    assert decision.verdict is Verdict.ALLOW, decision.explanation
    assert "attributed to others" in decision.explanation
