"""What users submit: posts and their media."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Media:
    """One image of a post: a local path or URL (`ref`) and/or its bytes (`data`)."""

    ref: str = ""
    data: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Post:
    """A user's post. `version` changes when the post is edited, so an edit is judged anew."""

    id: str
    author: str
    text: str
    lang: str | None = None
    media: tuple[Media, ...] = ()
    created_at: str | None = None
    version: int = 1
    account_type: str | None = None  # e.g. "news_organization": policy exemptions key on it
