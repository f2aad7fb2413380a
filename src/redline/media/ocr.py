"""Read the text inside images with tesseract (English, Persian, Arabic)."""

from __future__ import annotations

import shutil
from functools import lru_cache

from PIL import Image, ImageOps

from redline.errors import DependencyError

LANGS = "eng+fas+ara"
TIMEOUT_S = 20
WORKING_SIDES = (1000, 600, 400)  # longest side in pixels


@lru_cache(maxsize=1)
def available_languages() -> frozenset[str]:
    """Return the tesseract languages installed, or raise DependencyError if tesseract is missing."""
    if shutil.which("tesseract") is None:
        raise DependencyError("tesseract is not installed (Debian: apt-get install tesseract-ocr "
                              "tesseract-ocr-fas tesseract-ocr-ara)")
    import pytesseract

    return frozenset(pytesseract.get_languages(config=""))


def read_text(frame: Image.Image) -> str:
    """Return the text tesseract reads in one frame (Latin, Persian and Arabic script).

    Tesseract's Arabic-script line finding is sensitive to letter size: big poster
    lettering is often missed at one scale and read at another. So the frame is read
    at two working sizes (a third when both fail) and the distinct readings are kept.
    """
    import pytesseract

    langs = "+".join(lang for lang in LANGS.split("+") if lang in available_languages()) or "eng"
    gray = ImageOps.grayscale(frame)
    readings: list[str] = []
    for i, side in enumerate(WORKING_SIDES):
        if i == len(WORKING_SIDES) - 1 and readings:
            break  # the last size is only a fallback
        factor = side / max(gray.size)
        img = gray.resize((max(1, round(gray.width * factor)), max(1, round(gray.height * factor))),
                          Image.Resampling.LANCZOS)
        text = " ".join(pytesseract.image_to_string(img, lang=langs, config="--psm 3", timeout=TIMEOUT_S).split())
        if sum(ch.isalpha() for ch in text) >= 3 and text not in readings:
            readings.append(text)
    return "\n".join(readings)
