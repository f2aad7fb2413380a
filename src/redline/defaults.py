"""Assemble the default pipeline: active watchlist, detector plug-ins, judge, policy, media."""

from __future__ import annotations

import shutil

from redline.engine import Engine, Judge
from redline.plugins import load_detectors
from redline.policy import Policy, decider, load_policy, tiers_of
from redline.watchlist import load_active


def default_engine(policy: Policy | None = None, *, media: bool = True, judge: Judge | None = None) -> Engine:
    """Return an Engine over the active watchlist, the judge, the policy's decision and (optionally) media."""
    watchlist = load_active()
    policy = policy or load_policy()
    judge_many = None
    if judge is None:
        from redline.judge import default_judge

        judge = default_judge().assess
        judge_many = default_judge().assess_many
    engine = Engine(watchlist, detectors=load_detectors(watchlist), judge=judge,
                    decide=decider(policy, tiers_of(watchlist)), judge_many=judge_many)
    if media:
        from redline.media.config import default_analyzer

        engine.media = default_analyzer(watchlist, faces=policy.media_faces,
                                        ocr=policy.media_ocr and shutil.which("tesseract") is not None)
    return engine
