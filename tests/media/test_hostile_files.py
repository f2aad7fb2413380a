"""Hostile files give a clear per-image error; the post's text is still judged."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from tests.media.images import jpeg_bytes

from redline.errors import MediaError
from redline.media.analyze import MediaAnalyzer
from redline.media.decode import Limits, open_frames
from redline.model import Media, Post


def png_header_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims enormous dimensions (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def animated_gif(frames: int) -> bytes:
    imgs = [Image.new("RGB", (64, 64), ((i * 61) % 256, (255 - i * 37) % 256, (i * 17) % 256)) for i in range(frames)]
    buf = io.BytesIO()
    imgs[0].save(buf, "GIF", save_all=True, append_images=imgs[1:], duration=40)
    return buf.getvalue()


GOOD = jpeg_bytes(Image.new("RGB", (300, 200), "navy"))

HOSTILE = {
    "bomb": (png_header_bomb(60_000, 60_000), "decompression bomb refused|over the limits"),
    "absurd_width": (png_header_bomb(1_000_000, 1), "over the limits"),
    "truncated": (GOOD[: len(GOOD) // 2], "corrupt or truncated"),
    "random_bytes": (bytes(range(256)) * 40, "unknown or unsupported image format"),
    "empty": (b"", "empty file"),
    "svg": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "unknown or unsupported image format"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_a_clear_media_error(name: str) -> None:
    data, message = HOSTILE[name]
    with pytest.raises(MediaError, match=message):
        open_frames(data)


def test_oversized_file_is_refused_before_decoding() -> None:
    with pytest.raises(MediaError, match="over the 1,000-byte limit"):
        open_frames(GOOD, Limits(max_bytes=1000))


def test_animation_is_sampled_to_a_bounded_number_of_frames() -> None:
    frames = open_frames(animated_gif(40), Limits(max_frames=5))
    assert len(frames) == 5
    assert len(open_frames(animated_gif(3))) == 3


def test_a_bad_image_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.jpg"
    good.write_bytes(GOOD)
    post = Post("p", "a", "text", media=(Media(data=HOSTILE["bomb"][0]), Media(ref=str(tmp_path / "missing.png")),
                                         Media(ref=str(good))))
    report = MediaAnalyzer(use_ocr=False).analyze(post)
    assert [i for i, _ in report.errors] == [0, 1]
    assert "decompression bomb" in report.errors[0][1] and "cannot read" in report.errors[1][1]
