"""Mentions: where a designated entity appears in a post, and how it was found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from redline.model._post import Post


class Method(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    FUZZY = "fuzzy"
    HASHTAG = "hashtag"
    IMAGE_HASH = "image_hash"
    FACE = "face"
    OCR = "ocr"


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a designated entity is named or pictured.

    `start`/`end` are character offsets into the post's original text (None for
    media); `media_index` points at the image for media mentions. `detail` carries
    the provenance (detector, matched alias, what raised or lowered the score).
    """

    entity_id: str
    entity_name: str
    surface: str
    start: int | None
    end: int | None
    method: Method
    score: float
    media_index: int | None = None
    detector: str = ""
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the mention as a JSON-ready dict."""
        d: dict[str, Any] = {
            "entity_id": self.entity_id,
            "entity_name": self.entity_name,
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
            "method": self.method.value,
            "score": round(self.score, 4),
        }
        if self.media_index is not None:
            d["media_index"] = self.media_index
        if self.detector:
            d["detector"] = self.detector
        if self.detail:
            d["detail"] = self.detail
        return d


@runtime_checkable
class Detector(Protocol):
    """A plug-in that finds designated entities in a post (names, hashes, faces, OCR...)."""

    name: str

    def detect(self, post: Post) -> Iterable[Mention]:
        """Yield every mention this detector finds in the post."""
        ...
