"""Request and response bodies of the API, as pydantic models (they also make the OpenAPI document)."""

from __future__ import annotations

import base64
import binascii
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from redline.model import Media, Post

Id = Field(min_length=1, max_length=512)


class MediaData(BaseModel):
    """One image given as its bytes in base64."""

    model_config = ConfigDict(extra="forbid")
    data_base64: str = Field(max_length=14_000_000, pattern=r"^[A-Za-z0-9+/=\s]*$")

    def to_media(self) -> Media:
        """Return the model Media with the decoded bytes (undecodable data becomes an empty, failing image)."""
        try:
            return Media(data=base64.b64decode(self.data_base64, validate=False))
        except (binascii.Error, ValueError):
            # Like a corrupt image, bad base64 is that image's failure, reported with the post's result.
            return Media(ref="media (bad base64)", data=b"")


class MediaUrl(BaseModel):
    """One image given as a public http(s) URL the service fetches (never a local path)."""

    model_config = ConfigDict(extra="forbid")
    # An ASCII host (punycode for international names), so a hostile name never reaches the resolver's codec.
    url: str = Field(max_length=2048, pattern=r"^https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?(/[!-~]*)?$")

    def to_media(self) -> Media:
        """Return the model Media referring to the URL."""
        return Media(ref=self.url)


class PostIn(BaseModel):
    """A post to moderate."""

    model_config = ConfigDict(extra="forbid")
    id: str = Id
    author: str = Id
    text: str = Field("", max_length=100_000)
    lang: str | None = Field(None, max_length=16)
    version: int = Field(1, ge=1, le=1_000_000)
    created_at: str | None = Field(None, max_length=64)
    account_type: str | None = Field(None, max_length=64)
    media: list[MediaData | MediaUrl] = Field(default_factory=list, max_length=8)

    def to_post(self) -> Post:
        """Return the model Post."""
        return Post(self.id, self.author, self.text, self.lang, tuple(m.to_media() for m in self.media),
                    self.created_at, self.version, self.account_type)


class ModerationOut(BaseModel):
    """The outcome of moderating one post: the decision, what was found, and what was done."""

    post_id: str
    post_version: int
    decision_id: str | None
    verdict: Literal["allow", "review", "violating"]
    rule: str
    stance: str | None
    confidence: float | None
    severity: str
    explanation: str
    policy_version: str
    mentions: list[dict[str, Any]]
    actions: list[str]
    statement_of_reasons: dict[str, Any] | None
    dry_run: bool
    duplicate: bool
    decision: dict[str, Any]
    failures: list[dict[str, str]]


class JobIn(BaseModel):
    """A bulk submission of posts, processed in the background."""

    model_config = ConfigDict(extra="forbid")
    posts: list[PostIn] = Field(min_length=1, max_length=10_000)
    dry_run: bool = False


class JobOut(BaseModel):
    """A bulk job's progress, and its results once processed."""

    job_id: str
    total: int
    done: int
    status: Literal["pending", "running", "done"]
    dry_run: bool
    results: list[dict[str, Any]] | None = None


class ReviewIn(BaseModel):
    """A reviewer's decision on a queued item: the stance the post takes, and why."""

    model_config = ConfigDict(extra="forbid")
    stance: Literal["glorification", "support", "representation", "reporting", "neutral", "condemnation",
                    "counter_speech"]
    reason: str = Field(min_length=1, max_length=2000)


class AppealIn(BaseModel):
    """The author's appeal against a decision that took action."""

    model_config = ConfigDict(extra="forbid")
    decision_id: str = Field(min_length=1, max_length=40)
    reason: str = Field(min_length=1, max_length=5000)


class AppealDecisionIn(BaseModel):
    """An appeal handler's ruling: uphold the decision or reverse it, and why."""

    model_config = ConfigDict(extra="forbid")
    outcome: Literal["uphold", "reverse"]
    reason: str = Field(min_length=1, max_length=2000)


class AliasIn(BaseModel):
    """One more written form of an entity's name."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=256)
    lang: str = Field("und", max_length=16)
    script: str = Field("Latn", max_length=8)
    kind: str = Field("name", max_length=32)
    ambiguous: bool = False


class EntityIn(BaseModel):
    """A designated person or organization added to the user watchlist."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=128, pattern=r"^[a-z0-9_]+$")
    kind: Literal["person", "organization"]
    name: str = Field(min_length=1, max_length=256)
    tier: int = Field(1, ge=1, le=3)
    aliases: list[AliasIn] = Field(default_factory=list, max_length=200)
    designated_by: str = Field("platform", min_length=1, max_length=128, description="Who listed it (e.g. OFAC).")
    program: str = Field("", max_length=128, description="Under which list or program.")
    sources: list[str] = Field(min_length=1, max_length=20, description="http(s) URLs documenting the listing.")
    notes: str = Field("", max_length=2000)


    @model_validator(mode="after")
    def _urls(self) -> EntityIn:
        bad = [u for u in self.sources if not u.startswith(("http://", "https://")) or len(u) > 2048]
        if bad:
            raise ValueError(f"sources: {bad[0][:80]!r} is not an http(s) URL")
        return self


class BankEntryIn(BaseModel):
    """A hash added to a bank: a PDQ (64 hex digits) or MD5 (32), labelled with the entity it shows."""

    model_config = ConfigDict(extra="forbid")
    signal: str = Field(min_length=32, max_length=64, pattern=r"^[0-9a-fA-F]+$")
    signal_type: Literal["pdq", "md5"] = "pdq"
    entity_id: str = Field("", max_length=128, pattern=r"^[A-Za-z0-9_.:-]*$")
    label: str = Field("", max_length=128, pattern=r"^[^\s]*$")
    source: str = Field("", max_length=128, pattern=r"^[^\s]*$")


class GalleryIn(BaseModel):
    """A reference photo of a designated person, showing exactly one face."""

    model_config = ConfigDict(extra="forbid")
    data_base64: str = Field(min_length=4, max_length=14_000_000)
    name: str = Field("reference", max_length=128)


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": why} for code, why in
    [(400, "malformed request body"), (401, "no or unknown API key"), (403, "the key's role may not do this"), (404, "not found"),
     (409, "not allowed in the current state"), (422, "invalid input"), (503, "a dependency is unavailable")]
}
