"""Decode untrusted image bytes safely: bounded size, pixels and frames; every failure a MediaError."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageFile, UnidentifiedImageError

from redline.errors import MediaError

ALLOWED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP")


@dataclass(frozen=True)
class Limits:
    """Bounds on what an image may cost to decode."""

    max_bytes: int = 20 * 1024 * 1024
    max_pixels: int = 40_000_000
    max_side: int = 20_000
    max_frames: int = 8


DEFAULT_LIMITS = Limits()


def open_frames(data: bytes, limits: Limits = DEFAULT_LIMITS, draft: int | None = None) -> list[Image.Image]:
    """Return the decoded RGB frames of an image (a bounded, evenly spaced sample for animations).

    With `draft`, JPEG decoding may scale down in the DCT to about that size, which
    is what makes hashing fast; perceptual hashes look at a 64x64 summary anyway.
    """
    if not data:
        raise MediaError("empty file")
    if len(data) > limits.max_bytes:
        raise MediaError(f"file is {len(data):,} bytes, over the {limits.max_bytes:,}-byte limit")
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            w, h = img.size
            if w <= 0 or h <= 0 or w > limits.max_side or h > limits.max_side or w * h > limits.max_pixels:
                raise MediaError(f"image dimensions {w}x{h} are over the limits "
                                 f"({limits.max_side} per side, {limits.max_pixels:,} pixels)")
            n = getattr(img, "n_frames", 1)
            if n <= limits.max_frames:
                picks = list(range(n))
            else:
                picks = sorted({round(i * (n - 1) / max(1, limits.max_frames - 1)) for i in range(limits.max_frames)})
            frames = []
            for k in picks:
                img.seek(k)
                if draft and img.format == "JPEG":
                    img.draft("RGB", (draft, draft))
                frames.append(img.convert("RGB"))
            return frames
    except MediaError:
        raise
    except UnidentifiedImageError as exc:
        raise MediaError(f"unknown or unsupported image format (allowed: {', '.join(ALLOWED_FORMATS)})") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaError(f"decompression bomb refused: {exc}") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise MediaError(f"corrupt or truncated image: {exc}") from exc
    except MemoryError as exc:
        raise MediaError("image too large to decode") from exc
