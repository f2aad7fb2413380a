"""The trained stance model: fit on the corpus' train split, cached in Redline's cache directory, loaded lazily."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.pipeline import Pipeline

from redline import settings
from redline.judge import _corpus, _vectors
from redline.judge._cues import LANGS, resource_path
from redline.judge._features import FEATURES_VERSION, Sample, sample, vectorizer, view_text
from redline.judge._rules import STANCES

C = 8.0  # chosen on the dev split (see docs/accuracy.md)


@dataclass
class StanceModel:
    """A fitted pipeline plus where it came from."""

    pipeline: Pipeline
    key: str
    n_train: int

    def predict_proba(self, samples: list[Sample]) -> np.ndarray:
        """Return an (n, 7) array of stance probabilities, columns in STANCES order."""
        raw = _vectors.predict_proba(self.pipeline, samples)
        out = np.zeros((len(samples), len(STANCES)))
        for j, label in enumerate(self.pipeline.classes_):
            out[:, [s.value for s in STANCES].index(label)] = raw[:, j]
        return out


def samples_of(examples: list[_corpus.Example]) -> list[Sample]:
    """Return the model inputs of corpus examples (each read whole, with its language)."""
    return [sample(view_text(ex.text, ex.lang)) for ex in examples]


def fit(train: list[_corpus.Example], key: str = "", c: float = C) -> StanceModel:
    """Return a model fitted on `train` (deterministic: liblinear-free lbfgs, no random state involved)."""
    pipe = Pipeline([("features", vectorizer()),
                     ("clf", LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))])
    pipe.fit(samples_of(train), [ex.label.value for ex in train])
    return StanceModel(pipe, key, len(train))


def cache_key(paths: list[Path]) -> str:
    """Return the cache key: corpus hash, cue resources hash, feature version and sklearn version."""
    h = hashlib.sha256()
    for lang in LANGS:
        h.update(resource_path(lang).read_bytes())
    return f"{_corpus.corpus_hash(paths)}-{h.hexdigest()[:8]}-{FEATURES_VERSION}-sk{sklearn.__version__}"


def cache_path(key: str) -> Path:
    """Return where the model for `key` is cached."""
    directory = settings.cache_dir() / "judge"
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"stance-model-{key}.pkl"


def load_or_train(corpus_dir: Path | None = None) -> StanceModel | None:
    """Return the cached model for the current corpus, training and caching it first if missing; None without a corpus."""
    paths = _corpus.files(corpus_dir or _corpus.default_dir())
    if not paths:
        return None
    key = cache_key(paths)
    path = cache_path(key)
    if path.exists():
        try:
            with path.open("rb") as fh:
                model = pickle.load(fh)  # our own cache file, written below by this same code
            if isinstance(model, StanceModel) and model.key == key:
                return model
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or broken cache is simply rebuilt
    train, _dev = _corpus.split(_corpus.load(paths))
    model = fit(train, key)
    save(model, path)
    return model


def save(model: StanceModel, path: Path) -> None:
    """Write the model atomically to `path`."""
    # A unique temporary name: several processes may train the same model at once.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
    Path(tmp_name).replace(path)


def per_stance_scores(gold: list[str], pred: list[str]) -> dict[str, tuple[float, float, float, int]]:
    """Return {stance: (precision, recall, F1, support)} for the stances present in gold."""
    labels = [s.value for s in STANCES if s.value in set(gold)]
    if not labels:
        return {}
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    return {lab: (float(p[i]), float(r[i]), float(f[i]), int(n[i])) for i, lab in enumerate(labels)}
