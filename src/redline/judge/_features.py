"""The model's input: a window split by voice (author / reported) plus the rule layer's cue markers."""

from __future__ import annotations

from typing import Any

from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from redline.judge._cues import lexicon
from redline.judge._lang import resource_langs
from redline.judge._rules import RuleView, read_window
from redline.judge._voice import prepare

Sample = tuple[str, str, str]  # (author-voice text, reported text, cue markers)
FEATURES_VERSION = "f2"


def sample(view: RuleView) -> Sample:
    """Return the model input for one window the rule layer has read."""
    return view.author_text, view.quoted_text, " ".join(view.markers) or "no_cue"


def view_text(text: str, lang: str | None = None) -> RuleView:
    """Return the rule layer's view of a whole text (how training examples are read)."""
    pt = prepare(text)
    langs = resource_langs(text, lang)
    return read_window(pt, [lexicon(code) for code in langs], 0, len(pt.folded.text))


def _author(xs: list[Sample]) -> list[str]:
    return [x[0] for x in xs]


def _quoted(xs: list[Sample]) -> list[str]:
    return [x[1] for x in xs]


def _markers(xs: list[Sample]) -> list[str]:
    return [x[2] for x in xs]


def vectorizer() -> FeatureUnion:
    """Return the (unfitted) feature extractor: char and word n-grams of the author's voice, words of quotes, markers."""
    def branch(select: Any, vec: Any) -> Pipeline:
        return Pipeline([("select", FunctionTransformer(select)), ("vec", vec)])

    return FeatureUnion([
        ("author_chars", branch(_author, TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                                          sublinear_tf=True, max_features=150_000))),
        ("author_words", branch(_author, TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=1,
                                                          sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"))),
        ("quoted_words", branch(_quoted, TfidfVectorizer(analyzer="word", ngram_range=(1, 1), min_df=1,
                                                          sublinear_tf=True))),
        ("markers", branch(_markers, CountVectorizer(token_pattern=r"\S+", binary=True))),
    ])
