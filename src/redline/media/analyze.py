"""The media stage: each image of a post is decoded once, then hash-matched, face-matched and read by OCR."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from redline.errors import DependencyError, MediaError
from redline.media import ocr
from redline.media.decode import DEFAULT_LIMITS, Limits, open_frames
from redline.media.faces import Gallery
from redline.media.fetch import media_bytes
from redline.media.hashing import md5_of_bytes, query_variants
from redline.media.matcher import BankMatcher
from redline.model import Mention, Method, Post


@dataclass
class MediaReport:
    """What the media stage found in one post: mentions, text read from each image, per-image errors."""

    mentions: list[Mention] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)


class MediaAnalyzer:
    """Runs the configured media detectors over a post's images."""

    name = "media"

    def __init__(self, matcher: BankMatcher | None = None, gallery: Gallery | None = None, use_ocr: bool = True,
                 entity_names: Mapping[str, str] | None = None, limits: Limits = DEFAULT_LIMITS,
                 allow_private_urls: bool = False) -> None:
        self.matcher = matcher
        self.gallery = gallery
        self.use_ocr = use_ocr
        self.names = dict(entity_names or {})
        self.limits = limits
        self.allow_private_urls = allow_private_urls

    def analyze(self, post: Post) -> MediaReport:
        """Return the mentions, OCR text and errors for every image of the post."""
        report = MediaReport()
        for i, media in enumerate(post.media):
            try:
                self._one(i, media_bytes(media, self.limits, self.allow_private_urls), report)
            except (MediaError, DependencyError) as exc:
                report.errors.append((i, f"{media.ref or f'media[{i}]'}: {exc}"))
        return report

    def detect(self, post: Post) -> Sequence[Mention]:
        """Return the media mentions of a post (the Detector plug-in interface)."""
        return self.analyze(post).mentions

    def _one(self, i: int, data: bytes, report: MediaReport) -> None:
        frames = open_frames(data, self.limits)
        if self.matcher is not None:
            md5 = md5_of_bytes(data)
            for frame in frames:
                matches, _suppressed = self.matcher.match(md5, query_variants(frame))
                for m in matches:
                    eid = m.entry.entity_id
                    report.mentions.append(Mention(
                        eid, self.names.get(eid, eid), m.entry.label or f"banked image ({m.bank})", None, None,
                        Method.IMAGE_HASH, round(1.0 - 0.4 * m.distance / max(1, m.threshold), 4), media_index=i,
                        detector="pdq_banks",
                        detail=f"bank={m.bank} signal={m.entry.signal_type}:{m.entry.signal[:16]} "
                               f"distance={m.distance} quality={m.quality}"))
                if matches:
                    break
        if self.gallery is not None and len(self.gallery):
            for fm in self.gallery.match(frames[0]):
                report.mentions.append(Mention(
                    fm.entity_id, self.names.get(fm.entity_id, fm.entity_id), "face", None, None, Method.FACE,
                    round(max(0.0, 1.0 - fm.distance), 4), media_index=i, detector="face_gallery",
                    detail=f"distance={fm.distance:.3f} tolerance={self.gallery.tolerance}"))
        if self.use_ocr:
            text = " ".join(t for t in (ocr.read_text(f) for f in frames[:2]) if t)
            if text:
                report.texts[i] = text
