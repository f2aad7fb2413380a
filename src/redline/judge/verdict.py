"""A policy-free stance → verdict mapping for using the judge alone (same signature as `Decide`); the pipeline uses redline.policy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from redline.model import Assessment, Decision, Mention, Post, Stance, Verdict

AUTO_THRESHOLD = 0.8  # a violating stance at least this confident is acted on automatically
MIN_MENTION_SCORE = 0.6  # weaker (ambiguous, uncorroborated) mentions never violate on their own


def decide_from_stances(post: Post, mentions: Sequence[Mention], assessments: Sequence[Assessment]) -> Decision:
    """Return the post's decision: violating on a confident violating stance, review when unsure, else allow."""
    def decision(verdict: Verdict, rule: str, text: str, deciding: Assessment | None,
                 severity: str = "none") -> Decision:
        return _make(post, assessments, verdict, rule, text, deciding, severity)

    if not mentions:
        return decision(Verdict.ALLOW, "no_mention", "No designated person or group is named or pictured.", None)
    if not assessments:
        return decision(Verdict.REVIEW, "mention_not_judged",
                        f"Mentions {_names(mentions)}, but how they are used was not judged, so a person reviews it.",
                        None)
    violating = [a for a in assessments if a.violating]
    strong = [a for a in violating if a.confidence >= AUTO_THRESHOLD and a.mention.score >= MIN_MENTION_SCORE]
    if strong:
        top = max(strong, key=lambda a: a.confidence)
        return decision(Verdict.VIOLATING, f"{top.stance.value}_in_author_voice",
                        f"Violating: the author's own words {_stance_phrase(top.stance)} {top.mention.entity_name} "
                        f"(confidence {top.confidence:.2f}). {top.explanation}", top, "standard")
    # An uncorroborated mention (a surname, a common word) read as `unclear` is not worth a reviewer's
    # time: only a violating reading of it goes to review.
    unsure = violating + [a for a in assessments
                          if a.stance is Stance.UNCLEAR and a.mention.score >= MIN_MENTION_SCORE]
    if unsure:
        top = max(unsure, key=lambda a: (a.violating, a.confidence))
        if top.violating and top.confidence >= AUTO_THRESHOLD:
            rule, why = "low_score_mention", (f"the mention '{top.mention.surface}' is uncertain "
                                              f"(score {top.mention.score:.2f}), so it cannot violate on its own")
        elif top.violating:
            rule, why = "violating_below_threshold", (f"a {top.stance.value} reading is not confident enough "
                                                      f"({top.confidence:.2f} < {AUTO_THRESHOLD}) to act on")
        else:
            rule, why = "unclear_stance", "the author's stance is unclear"
        return decision(Verdict.REVIEW, rule, f"Review: {why}; a person decides. {top.explanation}", top)
    return _allow(post, mentions, assessments)


def _make(post: Post, assessments: Sequence[Assessment], verdict: Verdict, rule: str, text: str,
          deciding: Assessment | None, severity: str = "none") -> Decision:
    return Decision(post.id, post.author, verdict, rule, text, tuple(assessments), severity,
                    deciding.stance if deciding else None, deciding.confidence if deciding else None,
                    post_version=post.version)


def _allow(post: Post, mentions: Sequence[Mention], assessments: Sequence[Assessment]) -> Decision:
    counts = Counter(a.stance.value for a in assessments)
    top = max(assessments, key=lambda a: a.confidence)
    uses = ", ".join(f"{stance} ({n})" for stance, n in counts.most_common())
    quotes: list[str] = []
    for a in assessments:
        marker = "praise set aside because it is attributed to others: "
        if marker in a.explanation:
            for q in a.explanation.split(marker, 1)[1].rstrip(".").split("; ")[0:1]:
                if q.startswith("«") and q not in quotes:
                    quotes.append(q)
    text = (f"Allowed: {len(mentions)} mention(s) of {_names(mentions)}; the author's own voice is "
            f"{uses}, none of it glorification, support or representation.")
    if quotes:
        text += " Praise in the text is attributed to others (reporting), not the author's: " + "; ".join(quotes[:3]) + "."
    return _make(post, assessments, Verdict.ALLOW, "allowed_stances", text, top)


def _names(mentions: Sequence[Mention]) -> str:
    return ", ".join(sorted({m.entity_name for m in mentions}))


def _stance_phrase(stance: Stance) -> str:
    return {Stance.GLORIFICATION: "glorify", Stance.SUPPORT: "support",
            Stance.REPRESENTATION: "speak for"}.get(stance, "refer to")
