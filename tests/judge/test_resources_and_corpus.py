"""Cue resources and ensemble configuration validate; the corpus split is reproducible; language choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.judge import _corpus
from redline.judge._cues import LANGS, lexicon, load_lexicon
from redline.judge._ensemble import default_config, load_config
from redline.judge._lang import resource_langs

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("lang", LANGS)
def test_bundled_resources_load(lang: str) -> None:
    lex = lexicon(lang)
    assert {"honorific", "support_call", "group_voice", "condemnation", "attribution", "negation"} <= set(lex.kinds)


@pytest.mark.parametrize(("body", "field"), [
    ("kinds: {bad: {stance: glorification}}", "kinds.bad"),
    ("kinds: {hero: {stance: adoration, patterns: [hero]}}", "unknown stance"),
    ("kinds: {hero: {stance: glorification, patterns: ['(']}}", "patterns[0]"),
    ("kinds: {said: {role: attribution, direction: sideways, patterns: [said]}}", "direction"),
])
def test_invalid_resources_name_the_field(tmp_path: Path, body: str, field: str) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=field.replace("[", r"\[")):
        load_lexicon(path)


def test_ensemble_config(tmp_path: Path) -> None:
    cfg = default_config()
    assert cfg.weights["rules"] > 0 and cfg.weights["model"] > 0
    path = tmp_path / "e.yaml"
    path.write_text("weights: {rules: 1, oracle: 2}", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"weights\.oracle"):
        load_config(path)


def test_split_is_reproducible_stratified_and_disjoint() -> None:
    examples = _corpus.load(_corpus.files(DATA / "corpus"))
    train, dev = _corpus.split(examples)
    _again_train, again_dev = _corpus.split(list(reversed(examples)))
    assert [e.id for e in dev] == [e.id for e in again_dev]
    assert not {e.id for e in train} & {e.id for e in dev}
    assert len(train) + len(dev) == len(examples)
    assert {(e.lang, e.label) for e in dev} == {(e.lang, e.label) for e in examples}  # 2 per group -> 1 in dev


def test_corpus_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "en.jsonl"
    path.write_text('{"text": "x", "label": "glorification"}\n{"text": "y", "label": "adoring"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"en.jsonl:2: 'label'"):
        _corpus.load([path])


@pytest.mark.parametrize(("text", "hint", "langs"), [
    ("Soleimani was a hero", None, ("en",)),
    ("سردار دلها حاج قاسم سلیمانی قهرمان ما بود", None, ("fa",)),
    ("الشهيد القائد قاسم سليماني رحمه الله بطل الأمة", None, ("ar",)),
    ("He wrote: الشهيد القائد قاسم سليماني رحمه الله", None, ("ar", "en")),
    ("سلیمانی", "fa", ("fa",)),
])
def test_resource_languages(text: str, hint: str | None, langs: tuple[str, ...]) -> None:
    assert resource_langs(text, hint) == langs
