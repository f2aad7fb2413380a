"""The one object that does the work: post in, decision out. The CLI and the service are thin shells over it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from redline.model import Assessment, Decision, Detector, Mention, Method, Post, Verdict
from redline.watchlist import Watchlist, load_default

Judge = Callable[[Post, Sequence[Mention]], list[Assessment]]
Decide = Callable[[Post, Sequence[Mention], Sequence[Assessment]], Decision]
JudgeMany = Callable[[Sequence[tuple[Post, Sequence[Mention]]]], list[list[Assessment]]]


class MediaStage(Protocol):
    """What the engine needs from the media stage (redline.media.analyze.MediaAnalyzer)."""

    def analyze(self, post: Post) -> MediaReportLike: ...


class MediaReportLike(Protocol):
    mentions: list[Mention]
    texts: dict[int, str]
    errors: list[tuple[int, str]]


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


@dataclass
class _Prepared:
    """A post after detection, waiting for the judge: what is shown, and what the judge reads."""

    post: Post
    mentions: list[Mention]
    failures: list[DetectorFailure]
    judged_post: Post
    judged: list[Mention]
    ocr_pairs: list[tuple[Mention, Mention]] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)


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
                 judge: Judge | None = None, decide: Decide | None = None, media: MediaStage | None = None,
                 judge_many: JudgeMany | None = None) -> None:
        self.watchlist = watchlist if watchlist is not None else load_default()
        if detectors is None:
            from redline.text.detector import NameDetector

            detectors = [NameDetector(self.watchlist)]
        self.detectors = list(detectors)
        self.judge = judge
        self.judge_many = judge_many
        self.decide = decide or provisional_decide
        self.media = media

    def detect(self, post: Post) -> tuple[list[Mention], list[DetectorFailure]]:
        """Return the mentions all text detectors found, and the detectors that failed on this post."""
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
        return self.moderate_many([post])[0]

    def moderate_many(self, posts: Sequence[Post]) -> list[Outcome]:
        """Return the outcomes of many posts, judging them in one batch (much faster than one by one)."""
        prepared = [self._prepare(post) for post in posts]
        todo = [p for p in prepared if p.judged]
        if self.judge_many is not None and todo:
            for p, assessments in zip(todo, self.judge_many([(p.judged_post, p.judged) for p in todo]), strict=True):
                p.assessments = assessments
        elif self.judge is not None:
            for p in todo:
                p.assessments = self.judge(p.judged_post, p.judged)
        return [self._finish(p) for p in prepared]

    def _prepare(self, post: Post) -> _Prepared:
        mentions, failures = self.detect(post)
        prep = _Prepared(post, mentions, failures, post, list(mentions))
        if post.media and self.media is not None:
            report = self.media.analyze(post)
            mentions.extend(report.mentions)
            prep.judged.extend(report.mentions)
            failures.extend(DetectorFailure("media", err) for _, err in report.errors)
            prep.judged_post, prep.ocr_pairs = self._with_image_text(post, report.texts, failures)
            for shown, internal in prep.ocr_pairs:
                mentions.append(shown)
                prep.judged.append(internal)
        return prep

    def _finish(self, prep: _Prepared) -> Outcome:
        # Assessments of image text point at the image, not at offsets of text the user never typed.
        shown_for = {_key(internal): shown for shown, internal in prep.ocr_pairs}
        assessments = [dataclasses.replace(a, mention=shown_for.get(_key(a.mention), a.mention))
                       for a in prep.assessments]
        decision = self.decide(prep.post, prep.mentions, assessments)
        return Outcome(prep.post, prep.mentions, assessments, decision, prep.failures)

    def _with_image_text(self, post: Post, texts: dict[int, str],
                         failures: list[DetectorFailure]) -> tuple[Post, list[tuple[Mention, Mention]]]:
        """Return the post with the text read from its images appended, and (shown, internal) OCR mentions."""
        text = post.text
        pairs: list[tuple[Mention, Mention]] = []
        for index, image_text in sorted(texts.items()):
            base = len(text) + 2
            text = f"{text}\n\n{image_text}"
            found, fails = self.detect(dataclasses.replace(post, text=image_text, media=()))
            failures.extend(fails)
            for m in found:
                detail = f"read by OCR from image {index} at {m.start}:{m.end}; {m.detail}".strip("; ")
                shown = dataclasses.replace(m, start=None, end=None, method=Method.OCR, media_index=index,
                                            detector="ocr", detail=detail)
                internal = dataclasses.replace(shown, start=(m.start or 0) + base, end=(m.end or 0) + base)
                pairs.append((shown, internal))
        return dataclasses.replace(post, text=text), pairs


def _key(m: Mention) -> tuple[str, int | None, int | None, str]:
    return (m.entity_id, m.start, m.end, m.method.value)
