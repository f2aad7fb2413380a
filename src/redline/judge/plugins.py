"""Optional judge plug-ins, off by default: a local sentence-transformers model and an OpenAI-compatible chat endpoint.

Turn them on with REDLINE_JUDGE_EMBEDDING_MODEL (a local model directory) and REDLINE_JUDGE_CHAT_URL +
REDLINE_JUDGE_CHAT_MODEL (+ REDLINE_JUDGE_CHAT_KEY); their weights are in resources/ensemble.yaml.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from redline.errors import ConfigError, DependencyError
from redline.judge import _corpus
from redline.judge._rules import INDEX, STANCES
from redline.model import Stance

log = logging.getLogger(__name__)

POLICY_PROMPT = """You classify how the AUTHOR of a text refers to a designated dangerous person or group.
Judge only the author's own voice. Answer with JSON: {"stance": "<stance>", "confidence": <0..1>}.
Stances:
- glorification: the author praises, celebrates or mourns the entity as a hero or martyr, legitimises its violence, vows revenge for it.
- support: the author calls to join, fund, arm, donate to or otherwise aid it, or passes on its communiqués without a critical or reporting frame.
- representation: the author speaks as the entity or a member ("we", "our mujahideen", official statements, attack claims).
- reporting: informs about events, including praise attributed to others ("X said he was a hero" is reporting).
- neutral: facts, history, analysis, questions without positive judgement.
- condemnation: disapproval, criticism, mockery.
- counter_speech: dissuading others from the entity, debunking its propaganda, victims' testimony.
"""


def distribution(stance: Stance, confidence: float) -> np.ndarray:
    """Return a stance distribution putting `confidence` on `stance` and the rest evenly on the others."""
    c = float(np.clip(confidence, 0.0, 1.0))
    p = np.full(len(STANCES), (1.0 - c) / (len(STANCES) - 1))
    p[INDEX[stance]] = c
    return p


class ChatPlugin:
    """Asks an OpenAI-compatible chat endpoint (`POST {base_url}/chat/completions`) for each window's stance."""

    name = "chat"

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 30.0) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"chat plug-in base_url must be an http(s) URL, not {base_url!r}")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout)
        self.model = model

    def predict(self, texts: list[str]) -> list[np.ndarray | None]:
        """Return the endpoint's stance distribution per text, or None where it failed or answered nonsense."""
        return [self._ask(t) for t in texts]

    def _ask(self, text: str) -> np.ndarray | None:
        body = {"model": self.model, "temperature": 0, "response_format": {"type": "json_object"},
                "messages": [{"role": "system", "content": POLICY_PROMPT}, {"role": "user", "content": text}]}
        try:
            resp = self._client.post("/chat/completions", json=body)
            resp.raise_for_status()
            content = resp.json()["choices"][0]["message"]["content"]
            answer: Any = json.loads(content)
            return distribution(Stance(answer["stance"]), float(answer["confidence"]))
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
            # One failed call must not abort the post: the ensemble goes on without this opinion.
            log.warning("chat plug-in: no usable answer: %s", exc)
            return None


class EmbeddingPlugin:
    """Embeds windows with a local sentence-transformers model and classifies them with a model fitted on the corpus."""

    name = "embedding"

    def __init__(self, model_path: str | Path, corpus_dir: Path | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise DependencyError("the embedding plug-in needs the sentence-transformers package: "
                                  "pip install sentence-transformers") from exc
        path = Path(model_path)
        if not path.is_dir():
            raise ConfigError(f"embedding plug-in: model directory {path} does not exist")
        self._encoder = SentenceTransformer(str(path), device="cpu")
        self._corpus_dir = corpus_dir or _corpus.default_dir()
        self._clf: Any = None

    def _fitted(self) -> Any:
        if self._clf is None:
            from sklearn.linear_model import LogisticRegression

            train, _dev = _corpus.split(_corpus.load(_corpus.files(self._corpus_dir)))
            x = self._encoder.encode([ex.text for ex in train], normalize_embeddings=True)
            self._clf = LogisticRegression(max_iter=2000, class_weight="balanced").fit(
                x, [ex.label.value for ex in train])
        return self._clf

    def predict(self, texts: list[str]) -> list[np.ndarray | None]:
        """Return the embedding classifier's stance distribution per text."""
        clf = self._fitted()
        raw = clf.predict_proba(self._encoder.encode(texts, normalize_embeddings=True))
        out: list[np.ndarray | None] = []
        for row in raw:
            p = np.zeros(len(STANCES))
            for j, label in enumerate(clf.classes_):
                p[INDEX[Stance(label)]] = row[j]
            out.append(p)
        return out


def plugins_from_env() -> list[EmbeddingPlugin | ChatPlugin]:
    """Return the plug-ins the REDLINE_JUDGE_* environment variables turn on (none by default)."""
    found: list[EmbeddingPlugin | ChatPlugin] = []
    if path := os.environ.get("REDLINE_JUDGE_EMBEDDING_MODEL"):
        found.append(EmbeddingPlugin(path))
    if url := os.environ.get("REDLINE_JUDGE_CHAT_URL"):
        model = os.environ.get("REDLINE_JUDGE_CHAT_MODEL")
        if not model:
            raise ConfigError("REDLINE_JUDGE_CHAT_MODEL must name the model when REDLINE_JUDGE_CHAT_URL is set")
        found.append(ChatPlugin(url, model, os.environ.get("REDLINE_JUDGE_CHAT_KEY")))
    return found
