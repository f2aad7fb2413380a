"""The policy file and the pure decision function: assessments in, one Decision (verdict, rule, why) out."""

from collections.abc import Iterable

from redline.model import Entity
from redline.policy._decide import decide, decider
from redline.policy._load import default_path, load_policy
from redline.policy._model import Exemption, LadderStep, PenaltyKind, Policy, SevereRule, Thresholds


def tiers_of(entities: Iterable[Entity]) -> dict[str, int]:
    """Return entity id → tier for a watchlist (or any entities), the `tiers` argument of `decide`."""
    return {e.id: e.tier for e in entities}


__all__ = [
    "Exemption",
    "LadderStep",
    "PenaltyKind",
    "Policy",
    "SevereRule",
    "Thresholds",
    "decide",
    "decider",
    "default_path",
    "load_policy",
    "tiers_of",
]
