"""Context: how is each designated entity mentioned? Rules, a trained model, optional plug-ins.

`Judge().assess(post, mentions)` returns one `Assessment` per mention: the stance of the author's own
voice, a calibrated confidence, the cues that decided it, and an explanation. `assess` does the same
with a default judge built on first use. The policy (`redline.policy.decide`) turns assessments into a
Decision; `redline.judge.verdict.decide_from_stances` is the judge's own simpler mapping, for library
users who run the judge without a policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from redline.judge._judge import Judge, Plugin
from redline.model import Assessment, Mention, Post

__all__ = ["Judge", "Plugin", "assess", "default_judge"]


@cache
def default_judge() -> Judge:
    """Return the process-wide default judge (rules + the cached model; plug-ins from REDLINE_JUDGE_* settings)."""
    from redline.judge.plugins import plugins_from_env

    return Judge(plugins=plugins_from_env())


def assess(post: Post, mentions: Sequence[Mention]) -> list[Assessment]:
    """Return the default judge's assessment of each mention."""
    return default_judge().assess(post, mentions)
