"""The policy as typed, immutable values: tiers, thresholds, the strike ladder, severe rules, exemptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from redline.model import Stance, Verdict


class PenaltyKind(StrEnum):
    WARNING = "warning"
    RESTRICT_POSTING = "restrict_posting"
    CLOSE_ACCOUNT = "close_account"


@dataclass(frozen=True, slots=True)
class LadderStep:
    """What the n-th strike in force brings: a warning, a posting restriction of `days`, or closure."""

    penalty: PenaltyKind
    days: int = 0

    @property
    def action(self) -> str:
        """Return the action name reported to the platform (warning, restrict_posting_3d, account_closed)."""
        if self.penalty is PenaltyKind.RESTRICT_POSTING:
            return f"restrict_posting_{self.days}d"
        return "account_closed" if self.penalty is PenaltyKind.CLOSE_ACCOUNT else "warning"


@dataclass(frozen=True, slots=True)
class SevereRule:
    """A violation grave enough to close the account at once (e.g. representing a Tier 1 group)."""

    name: str
    tier: int
    stances: frozenset[Stance]
    min_confidence: float


@dataclass(frozen=True, slots=True)
class Exemption:
    """Accounts whose violations go to a person instead of automatic action (e.g. news organizations)."""

    name: str
    account_types: frozenset[str]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Confidence needed for automatic action and for review; mention score needed for any automatic act."""

    automatic_action: float = 0.85
    review: float = 0.5
    mention_score: float = 0.5
    weak_mention_review: float = 0.7  # a weak name match reaches a reviewer only from this confidence


@dataclass(frozen=True, slots=True)
class Policy:
    """A loaded, validated policy. `tiers` maps tier → stance → verdict; stances not listed are allowed."""

    version: str
    tiers: dict[int, dict[Stance, Verdict]]
    ladder: tuple[LadderStep, ...]
    thresholds: Thresholds = Thresholds()
    default_tier: int = 1
    strike_expiry_days: int = 365
    severe: tuple[SevereRule, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    second_reviewer_for_closure: bool = True
    media_faces: bool = False  # face matching against the reference gallery is opt-in
    media_ocr: bool = True
    sources: tuple[str, ...] = field(default=(), compare=False)

    def step(self, strikes_in_force: int) -> LadderStep:
        """Return the ladder step for this many strikes in force (the last step repeats)."""
        return self.ladder[min(max(strikes_in_force, 1), len(self.ladder)) - 1]

    @property
    def closure_threshold(self) -> int | None:
        """Return the number of strikes in force that closes an account, or None if the ladder never does."""
        for i, s in enumerate(self.ladder, start=1):
            if s.penalty is PenaltyKind.CLOSE_ACCOUNT:
                return i
        return None

    def verdict_for(self, tier: int, stance: Stance) -> Verdict:
        """Return the verdict this tier gives a stance before thresholds (allow when not listed)."""
        return self.tiers.get(tier, {}).get(stance, Verdict.ALLOW)
