"""The one object that does the work: post in, decision out. The CLI and the service are thin shells over it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from redline.model import Assessment, Decision, Detector, Mention, Post, Verdict
from redline.watchlist import Watchlist, load_default

Judge = Callable[[Post, Sequence[Mention]], list[Assessment]]
Decide = Callable[[Post, Sequence[Mention], Sequence[Assessment]], Decision]


@dataclass
class DetectorFailure:
    """A detector that failed on one post: the post is still judged on what the others found."""

    detector: str
    error: str


@dataclass
class Outcome:
    """Everything the pipeline produced for one post."""

    post: Post
    mentions: list[Mention]
    assessments: list[Assessment]
    decision: Decision
    failures: list[DetectorFailure] = field(default_factory=list)


def provisional_decide(post: Post, mentions: Sequence[Mention], assessments: Sequence[Assessment]) -> Decision:
    """Return `review` for any post with a mention and `allow` otherwise (used until a policy is loaded)."""
    if not mentions:
        return Decision(post.id, post.author, Verdict.ALLOW, "no_mention",
                        "No designated person or group is named or pictured.", post_version=post.version)
    names = sorted({m.entity_name for m in mentions})
    return Decision(post.id, post.author, Verdict.REVIEW, "mention_needs_review",
                    "Mentions " + ", ".join(names) + "; how they are used has not been judged, so a person reviews it.",
                    post_version=post.version)


class Engine:
    """Runs detect → judge → decide on posts."""

    def __init__(self, watchlist: Watchlist | None = None, detectors: Sequence[Detector] | None = None,
                 judge: Judge | None = None, decide: Decide | None = None) -> None:
        self.watchlist = watchlist if watchlist is not None else load_default()
        if detectors is None:
            from redline.text.detector import NameDetector

            detectors = [NameDetector(self.watchlist)]
        self.detectors = list(detectors)
        self.judge = judge
        self.decide = decide or provisional_decide

    def detect(self, post: Post) -> tuple[list[Mention], list[DetectorFailure]]:
        """Return the mentions all detectors found, and the detectors that failed on this post."""
        mentions: list[Mention] = []
        failures: list[DetectorFailure] = []
        for det in self.detectors:
            try:
                mentions.extend(det.detect(post))
            except Exception as exc:  # one failing detector must not abort the post or the batch
                failures.append(DetectorFailure(det.name, f"{type(exc).__name__}: {exc}"))
        return mentions, failures

    def moderate(self, post: Post) -> Outcome:
        """Return the outcome of the whole pipeline for one post."""
        mentions, failures = self.detect(post)
        assessments = self.judge(post, mentions) if (self.judge and mentions) else []
        decision = self.decide(post, mentions, assessments)
        return Outcome(post, mentions, assessments, decision, failures)
