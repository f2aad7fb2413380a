"""The Judge: for every mention, how does the author use it? Rules + trained model (+ optional plug-ins)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from redline.judge import _model
from redline.judge._cues import lexicon
from redline.judge._ensemble import EnsembleConfig, combine, default_config, stance_of
from redline.judge._explain import explain_assessment
from redline.judge._features import sample
from redline.judge._lang import resource_langs
from redline.judge._rules import RuleView, read_window
from redline.judge._voice import PostText, prepare
from redline.judge._windows import Window, is_long, window_for
from redline.model import Assessment, Mention, Post


class Plugin(Protocol):
    """An optional extra opinion on windows: returns a stance distribution (STANCES order) or None per text."""

    name: str

    def predict(self, texts: list[str]) -> list[np.ndarray | None]:
        """Return one distribution (or None when it has no opinion) per text."""
        ...


@dataclass
class _Plan:
    post: Post
    pt: PostText
    windows: dict[Window, RuleView]
    mention_windows: list[Window]
    document: RuleView | None  # the whole text's author voice, for long documents


class Judge:
    """Assesses each mention's stance in the author's own voice, with cues and a calibrated confidence."""

    def __init__(self, model: _model.StanceModel | str | None = "auto", plugins: Sequence[Plugin] = (),
                 config: EnsembleConfig | None = None, corpus_dir: Path | None = None) -> None:
        self._model = model
        self._corpus_dir = corpus_dir
        self.plugins = list(plugins)
        self.config = config or default_config()

    @property
    def model(self) -> _model.StanceModel | None:
        """Return the trained model, loading (or training and caching) it on first use; None without a corpus."""
        if isinstance(self._model, str):
            self._model = _model.load_or_train(self._corpus_dir)
        return self._model

    def assess(self, post: Post, mentions: Sequence[Mention]) -> list[Assessment]:
        """Return one assessment per mention, in order."""
        return self.assess_many([(post, mentions)])[0]

    def assess_many(self, items: Sequence[tuple[Post, Sequence[Mention]]]) -> list[list[Assessment]]:
        """Return the assessments of many posts, running the model once over all their windows."""
        plans = [self._plan(post, mentions) for post, mentions in items]
        views: list[RuleView] = []
        for plan in plans:
            views.extend(plan.windows.values())
            if plan.document is not None:
                views.append(plan.document)
        probs = self._component_probs(views)
        method = f"{self.config.version}:" + "+".join(
            ["rules", *(["model"] if self.model is not None else []), *(pl.name for pl in self.plugins)])
        out: list[list[Assessment]] = []
        k = 0
        for plan, (_post, mentions) in zip(plans, items, strict=True):
            dist: dict[Window, np.ndarray] = {}
            for w in plan.windows:
                dist[w] = probs[k]
                k += 1
            doc = None
            if plan.document is not None:
                doc = probs[k]
                k += 1
            out.append([self._assess_one(plan, m, w, dist[w], doc, method)
                        for m, w in zip(mentions, plan.mention_windows, strict=True)])
        return out

    def _plan(self, post: Post, mentions: Sequence[Mention]) -> _Plan:
        pt = prepare(post.text)
        cfg = self.config
        windows: dict[Window, RuleView] = {}
        mention_windows: list[Window] = []
        for m in mentions:
            w = window_for(pt, m.start, m.end, cfg.whole_text_chars, cfg.neighbour_sentences)
            mention_windows.append(w)
            if w not in windows:
                windows[w] = self._read(pt, w, post.lang)
        document = self._read(pt, (0, len(pt.folded.text)), post.lang) \
            if mentions and is_long(pt, cfg.whole_text_chars) else None
        return _Plan(post, pt, windows, mention_windows, document)

    def _read(self, pt: PostText, w: Window, hint: str | None) -> RuleView:
        langs = resource_langs(pt.folded.text[w[0]:w[1]], hint)
        return read_window(pt, [lexicon(code) for code in langs], w[0], w[1])

    def _component_probs(self, views: list[RuleView]) -> list[np.ndarray]:
        if not views:
            return []
        parts: list[dict[str, np.ndarray]] = [{"rules": v.probabilities()} for v in views]
        model = self.model if self.config.weights.get("model", 0) > 0 else None
        if model is not None:
            for d, p in zip(parts, model.predict_proba([sample(v) for v in views]), strict=True):
                d["model"] = p
        for plugin in self.plugins:
            texts = [v.author_text + (" «" + v.quoted_text + "»" if v.quoted_text else "") for v in views]
            for d, p in zip(parts, plugin.predict(texts), strict=True):
                if p is not None:
                    d[plugin.name] = p
        return [combine(d, self.config) for d in parts]

    def _assess_one(self, plan: _Plan, m: Mention, w: Window, p: np.ndarray,
                    doc: np.ndarray | None, method: str) -> Assessment:
        cfg = self.config
        if doc is not None:
            p = (1 - cfg.document_context) * p + cfg.document_context * doc
        stance, confidence, p_viol = stance_of(p, cfg)
        view = plan.windows[w]
        cues, text = explain_assessment(view, stance, p_viol, plan.pt, w, plan.document)
        return Assessment(m, stance, float(np.clip(confidence, 0.0, 1.0)), tuple(cues), method, text)
