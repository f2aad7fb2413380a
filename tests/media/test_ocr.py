"""A poster whose only text is a designated name is found by OCR and judged like the same text typed."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image, ImageDraw
from tests.media.images import font, jpeg_bytes

from redline.engine import Engine
from redline.media.analyze import MediaAnalyzer
from redline.model import Media, Method, Post

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="tesseract is not installed (make test installs it as root)")

POSTERS = {"fa": "قاسم سلیمانی", "ar": "قاسم سليماني", "en": "Qassem Soleimani"}


def poster(text: str) -> bytes:
    img = Image.new("RGB", (900, 420), (120, 10, 10))
    draw = ImageDraw.Draw(img)
    face = font("DejaVuSans-Bold.ttf", 64) if text.isascii() else font("NotoNaskhArabic-Bold.ttf", 72)
    draw.text((450, 210), text, font=face, fill="white", anchor="mm", direction=None if text.isascii() else "rtl")
    return jpeg_bytes(img)


@pytest.mark.parametrize("lang", sorted(POSTERS))
def test_poster_name_is_read_and_judged_like_typed_text(lang: str) -> None:
    base = Engine()
    engine = Engine(base.watchlist, base.detectors, base.judge, base.decide, media=MediaAnalyzer(use_ocr=True))
    seen = engine.moderate(Post("img", "a", "", media=(Media(data=poster(POSTERS[lang])),)))
    typed = engine.moderate(Post("txt", "a", POSTERS[lang]))
    ocr = [m for m in seen.mentions if m.method is Method.OCR]
    assert ocr and ocr[0].entity_id == "soleimani" and ocr[0].media_index == 0 and ocr[0].start is None
    assert seen.decision.verdict == typed.decision.verdict
    assert seen.decision.stance == typed.decision.stance
