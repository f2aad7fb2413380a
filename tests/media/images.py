"""Image helpers for the media tests: encoding, fonts, the edits reposts make."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont, ImageOps

FONT_DIR = Path("/usr/share/fonts/truetype")


def jpeg_bytes(img: Image.Image, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = next(FONT_DIR.rglob(name), None)
    if path is None:
        pytest.skip(f"font {name} is not installed (Debian: fonts-dejavu-core, fonts-noto-core)")
    return ImageFont.truetype(str(path), size)


def with_caption(img: Image.Image, text: str = "when the weekend finally arrives") -> Image.Image:
    """A meme-style caption bar above the image, as reposts add."""
    bar = max(24, img.height // 8)
    out = Image.new("RGB", (img.width, img.height + bar), "white")
    out.paste(img, (0, bar))
    ImageDraw.Draw(out).text((10, bar // 4), text, fill="black", font=font("DejaVuSans.ttf", bar // 2))
    return out


TRANSFORMS = {
    "resized_half": lambda im: im.resize((im.width // 2, im.height // 2)),
    "resized_up": lambda im: im.resize((int(im.width * 1.5), int(im.height * 1.5))),
    "recompressed_q40": lambda im: Image.open(io.BytesIO(jpeg_bytes(im, 40))),
    "cropped_10pct": lambda im: im.crop((im.width // 20, im.height // 20, im.width - im.width // 20,
                                         im.height - im.height // 20)),
    "mirrored": ImageOps.mirror,
    "caption_bar": with_caption,
}


