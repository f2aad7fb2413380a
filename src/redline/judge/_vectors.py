"""A faster, exact transform for the fitted stance pipeline: n-grams counted with a per-word cache.

scikit-learn's vectorizers count every n-gram of every document in Python; the character n-grams of
a word never change, so they are mapped to vocabulary indices once per word and reused. The count
matrices are built exactly as `CountVectorizer._count_vocab` builds them and then handed to
scikit-learn's own tf-idf, feature union and classifier, so every probability is bit-identical.
Pipelines of another shape fall back to `Pipeline.predict_proba`.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils._sparse import _align_api_if_sparse

MAX_CACHED_WORDS = 50_000  # per vectorizer; the cache is emptied when it grows past this


class _Branch:
    """One feature-union branch: a column selector and a fitted vectorizer, counting fast."""

    def __init__(self, select: Callable[[Any], list[str]], vec: CountVectorizer) -> None:
        self.select = select
        self.vec = vec
        self.vocabulary: dict[str, int] = vec.vocabulary_
        self.char_wb = vec.analyzer == "char_wb"
        self.analyze = vec.build_analyzer()
        self.preprocess = vec.build_preprocessor()
        self.words: dict[str, tuple[int, ...]] = {}

    def transform(self, samples: Sequence[Any]) -> Any:
        """Return this branch's feature matrix, as the vectorizer's own `transform` would."""
        voc = self.vocabulary
        j_indices: list[int] = []
        values: list[int] = []
        indptr = [0]
        for doc in self.select(samples):
            counts = Counter(self._indices(doc) if self.char_wb else
                             [i for i in map(voc.get, self.analyze(doc)) if i is not None])
            j_indices.extend(counts.keys())
            values.extend(counts.values())
            indptr.append(len(j_indices))
        x = sp.csr_array((np.asarray(values, dtype=np.intc), np.asarray(j_indices, dtype=np.int32),
                          np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, len(voc)),
                         dtype=self.vec.dtype)
        x.sort_indices()
        x = _align_api_if_sparse(x)
        if self.vec.binary:
            x.data.fill(1)
        if isinstance(self.vec, TfidfVectorizer):
            x = self.vec._tfidf.transform(x, copy=False)
        return x

    def _indices(self, doc: str) -> list[int]:
        # What `_char_wb_ngrams` does to the whole document, one word at a time.
        vec, voc, words = self.vec, self.vocabulary, self.words
        out: list[int] = []
        for w in vec._white_spaces.sub(" ", self.preprocess(vec.decode(doc))).split():
            idx = words.get(w)
            if idx is None:
                if len(words) >= MAX_CACHED_WORDS:
                    words.clear()
                idx = words[w] = tuple([i for i in map(voc.get, vec._char_wb_ngrams(w)) if i is not None])
            out += idx
        return out


class FastPipeline:
    """The fitted pipeline's predict_proba, with the fast branches in place of the vectorizers."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.union: FeatureUnion = pipeline.steps[0][1]
        self.clf = pipeline.steps[-1][1]
        self.branches = [_Branch(branch.steps[0][1].func, branch.steps[1][1])
                         for _name, branch in self.union.transformer_list]

    def predict_proba(self, samples: Sequence[Any]) -> np.ndarray:
        """Return the classifier's probabilities, columns in `classes_` order."""
        x = self.union._hstack([b.transform(samples) for b in self.branches])
        return np.asarray(self.clf.predict_proba(x))


def supported(pipeline: Pipeline) -> bool:
    """Return True when the pipeline is features (selector + vectorizer branches, unweighted) then a classifier."""
    if len(pipeline.steps) != 2 or not isinstance(pipeline.steps[0][1], FeatureUnion):
        return False
    union = pipeline.steps[0][1]
    if union.transformer_weights is not None:
        return False
    for _name, branch in union.transformer_list:
        if not (isinstance(branch, Pipeline) and len(branch.steps) == 2):
            return False
        select, vec = branch.steps[0][1], branch.steps[1][1]
        if not (isinstance(select, FunctionTransformer) and select.kw_args is None and not select.validate):
            return False
        if type(vec) not in (CountVectorizer, TfidfVectorizer) or vec.analyzer not in ("char_wb", "word"):
            return False
    return True


_FAST: weakref.WeakKeyDictionary[Pipeline, FastPipeline] = weakref.WeakKeyDictionary()


def predict_proba(pipeline: Pipeline, samples: Sequence[Any]) -> np.ndarray:
    """Return `pipeline.predict_proba(samples)`, computed the fast way where the pipeline's shape allows."""
    fast = _FAST.get(pipeline)
    if fast is None:
        if not supported(pipeline):
            return np.asarray(pipeline.predict_proba(samples))
        fast = _FAST[pipeline] = FastPipeline(pipeline)
    return fast.predict_proba(samples)


def forget_words() -> None:
    """Empty every fast pipeline's per-word n-gram cache (for benchmarks that want every word new)."""
    for fast in list(_FAST.values()):
        for branch in fast.branches:
            branch.words.clear()
