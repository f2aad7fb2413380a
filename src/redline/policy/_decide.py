"""The pure decision function: a post's assessments and the policy in, one Decision out (no clock, no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from redline.model import Assessment, Decision, Mention, Post, Stance, Verdict
from redline.policy._model import Policy

_RANK = {Verdict.ALLOW: 0, Verdict.REVIEW: 1, Verdict.VIOLATING: 2}


@dataclass(frozen=True, slots=True)
class _Finding:
    verdict: Verdict
    rule: str
    why: str
    assessment: Assessment | None = None
    severity: str = "none"


def decide(post: Post, assessments: Sequence[Assessment], policy: Policy,
           mentions: Sequence[Mention] = (), tiers: Mapping[str, int] | None = None) -> Decision:
    """Return the policy's Decision on a post: the strongest finding over all its assessments wins."""
    tiers = tiers or {}
    findings = [_judge_one(a, policy, tiers.get(a.mention.entity_id, policy.default_tier)) for a in assessments]
    judged = {a.mention.entity_id for a in assessments}
    unjudged = sorted({m.entity_name for m in mentions if m.entity_id not in judged})
    if unjudged:
        findings.append(_Finding(Verdict.REVIEW, "no_judgement",
                                 f"Mentions {', '.join(unjudged)} but how they are used was not judged, "
                                 "so a person reviews it."))
    if not findings:
        return _decision(post, policy, _Finding(Verdict.ALLOW, "no_mention",
                                                "No designated person or group is named or pictured."), ())
    best = max(findings, key=lambda f: (_RANK[f.verdict], f.severity == "severe",
                                        f.assessment.confidence if f.assessment else 0.0))
    if best.verdict is Verdict.VIOLATING:
        for ex in policy.exemptions:
            if post.account_type in ex.account_types:
                best = _Finding(Verdict.REVIEW, f"exemption:{ex.name}",
                                f"{best.why} The account is a {post.account_type}, which policy exemption "
                                f"{ex.name!r} sends to a person instead of automatic action.", best.assessment)
                break
    return _decision(post, policy, best, tuple(assessments))


def _judge_one(a: Assessment, policy: Policy, tier: int) -> _Finding:
    name, conf, th = a.mention.entity_name, a.confidence, policy.thresholds
    base = policy.verdict_for(tier, a.stance)
    said = f"{a.stance.value} of {name} (Tier {tier}, confidence {conf:.2f})"
    if base is Verdict.ALLOW:
        return _Finding(Verdict.ALLOW, f"tier{tier}_{a.stance.value}_allowed",
                        f"The post's {said} is allowed: reporting, discussion and criticism are not punished.", a)
    weak = a.mention.score < th.mention_score
    if weak and (a.stance is Stance.UNCLEAR or (base is Verdict.VIOLATING and conf < th.weak_mention_review)):
        # An uncorroborated ambiguous name (a bare surname, a common word) most often names someone
        # or something else: only a confident violating reading is worth a reviewer's time.
        return _Finding(Verdict.ALLOW, "weak_mention_not_confident",
                        f"The name match is weak (score {a.mention.score:.2f}: an ambiguous name without "
                        f"corroboration) and the judge's reading ({said}) is not confident, so nothing is done.", a)
    if a.stance is Stance.UNCLEAR or base is Verdict.REVIEW:
        return _Finding(Verdict.REVIEW, f"tier{tier}_{a.stance.value}_review",
                        f"The post's {said} goes to a person under this tier's rules.", a)
    if conf < th.review:
        return _Finding(Verdict.ALLOW, "low_confidence",
                        f"The judge saw {said}, below the review threshold {th.review:.2f}.", a)
    if a.mention.score < th.mention_score:
        return _Finding(Verdict.REVIEW, "low_mention_score",
                        f"The post's {said} rests on a weak match of the name (score {a.mention.score:.2f}), "
                        "which never acts automatically.", a)
    if conf < th.automatic_action:
        return _Finding(Verdict.REVIEW, f"tier{tier}_{a.stance.value}_needs_review",
                        f"The post's {said} is below the automatic-action threshold "
                        f"{th.automatic_action:.2f}, so a person reviews it.", a)
    for rule in policy.severe:
        if rule.tier == tier and a.stance in rule.stances and conf >= rule.min_confidence:
            return _Finding(Verdict.VIOLATING, f"severe:{rule.name}",
                            f"The post's {said} is a severe violation ({rule.name}): the account is closed at once.",
                            a, "severe")
    return _Finding(Verdict.VIOLATING, f"tier{tier}_{a.stance.value}",
                    f"The post's {said} violates the Dangerous Organizations and Individuals policy.", a, "standard")


def _decision(post: Post, policy: Policy, f: _Finding, every: tuple[Assessment, ...]) -> Decision:
    a = f.assessment
    return Decision(post_id=post.id, author=post.author, verdict=f.verdict, rule=f.rule, explanation=f.why,
                    assessments=every, severity=f.severity, stance=a.stance if a else None,
                    confidence=a.confidence if a else None, policy_version=policy.version, post_version=post.version)


def decider(policy: Policy, tiers: Mapping[str, int]) -> Callable[[Post, Sequence[Mention], Sequence[Assessment]],
                                                                  Decision]:
    """Return a function with the Engine's `decide` signature bound to this policy and entity tiers."""
    def _decide(post: Post, mentions: Sequence[Mention], assessments: Sequence[Assessment]) -> Decision:
        return decide(post, assessments, policy, mentions, tiers)
    return _decide
