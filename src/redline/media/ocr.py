"""Read the text inside images with tesseract (English, Persian, Arabic)."""

from __future__ import annotations

import shutil
from functools import lru_cache

from PIL import Image, ImageOps

from redline.errors import DependencyError

LANGS = "eng+fas+ara"
TIMEOUT_S = 20


@lru_cache(maxsize=1)
def available_languages() -> frozenset[str]:
    """Return the tesseract languages installed, or raise DependencyError if tesseract is missing."""
    if shutil.which("tesseract") is None:
        raise DependencyError("tesseract is not installed (Debian: apt-get install tesseract-ocr "
                              "tesseract-ocr-fas tesseract-ocr-ara)")
    import pytesseract

    return frozenset(pytesseract.get_languages(config=""))


def read_text(frame: Image.Image) -> str:
    """Return the text tesseract reads in one frame (Latin, Persian and Arabic script)."""
    import pytesseract

    langs = "+".join(lang for lang in LANGS.split("+") if lang in available_languages()) or "eng"
    gray = ImageOps.grayscale(frame)
    if max(gray.size) < 1000:  # tesseract reads small captions better when they are larger
        scale = 1000 / max(gray.size)
        gray = gray.resize((int(gray.width * scale), int(gray.height * scale)), Image.Resampling.LANCZOS)
    text: str = pytesseract.image_to_string(gray, lang=langs, config="--psm 3", timeout=TIMEOUT_S)
    return " ".join(text.split())
