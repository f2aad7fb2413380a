"""Context: how is each designated entity mentioned? Rules, a trained model, optional plug-ins.

`Judge().assess(post, mentions)` returns one `Assessment` per mention: the stance of the author's own
voice, a calibrated confidence, the cues that decided it, and an explanation. `assess` does the same
with a default judge built on first use; `decide_from_stances` (in `redline.judge.verdict`) maps the
assessments to a Decision until the policy package lands.
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
