"""The ensemble: weights and thresholds declared as data, and the rule that turns a distribution into a stance."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from redline.errors import ConfigError
from redline.judge._rules import STANCES, VIOLATING_IDX
from redline.model import Stance

COMPONENTS = ("rules", "model", "embedding", "chat")


@dataclass(frozen=True)
class EnsembleConfig:
    """Component weights, the unclear band and the windowing parameters."""

    version: str = "ensemble-v1"
    weights: dict[str, float] = field(default_factory=lambda: {"rules": 0.35, "model": 0.65})
    unclear_from: float = 0.3
    unclear_to: float = 0.5
    document_context: float = 0.25
    whole_text_chars: int = 900
    neighbour_sentences: int = 1


@cache
def default_config() -> EnsembleConfig:
    """Return the bundled ensemble configuration."""
    return load_config(Path(str(resources.files("redline.judge") / "resources" / "ensemble.yaml")))


def load_config(path: Path) -> EnsembleConfig:
    """Return the ensemble configuration in a YAML file; errors name the file and the field."""
    try:
        doc: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read ensemble configuration: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("weights"), dict):
        raise ConfigError(f"{path}: needs a 'weights' mapping")
    weights: dict[str, float] = {}
    for name, w in doc["weights"].items():
        if name not in COMPONENTS:
            raise ConfigError(f"{path}: weights.{name}: unknown component; known: {', '.join(COMPONENTS)}")
        if not isinstance(w, int | float) or w < 0:
            raise ConfigError(f"{path}: weights.{name}: must be a non-negative number")
        weights[name] = float(w)
    cfg = EnsembleConfig(str(doc.get("version", "ensemble")), weights,
                         float(doc.get("unclear_from", 0.3)), float(doc.get("unclear_to", 0.5)),
                         float(doc.get("document_context", 0.25)), int(doc.get("whole_text_chars", 900)),
                         int(doc.get("neighbour_sentences", 1)))
    if not 0 <= cfg.unclear_from <= cfg.unclear_to <= 1:
        raise ConfigError(f"{path}: need 0 <= unclear_from <= unclear_to <= 1")
    return cfg


def combine(parts: dict[str, np.ndarray], cfg: EnsembleConfig) -> np.ndarray:
    """Return the weighted mean of the components' stance distributions (absent ones drop out)."""
    total = np.zeros(len(STANCES))
    weight = 0.0
    for name, p in parts.items():
        w = cfg.weights.get(name, 0.0)
        total += w * p
        weight += w
    return total / weight if weight > 0 else total


def stance_of(p: np.ndarray, cfg: EnsembleConfig) -> tuple[Stance, float, float]:
    """Return (stance, confidence, P(violating)) for a distribution: a side wins, then its likeliest stance.

    Confidence is the probability of the winning side (violating or allowed), since that is what the
    policy acts on; inside the unclear band the stance is `unclear` with confidence 1 - |2P - 1|.
    """
    p_viol = float(p[VIOLATING_IDX].sum())
    if cfg.unclear_from <= p_viol < cfg.unclear_to:
        return Stance.UNCLEAR, 1.0 - abs(2 * p_viol - 1), p_viol
    if p_viol >= cfg.unclear_to:
        return STANCES[int(np.argmax(p[VIOLATING_IDX]))], p_viol, p_viol
    return STANCES[_ALLOWED[int(np.argmax(p[_ALLOWED]))]], 1.0 - p_viol, p_viol


_ALLOWED = [i for i in range(len(STANCES)) if i not in VIOLATING_IDX]
