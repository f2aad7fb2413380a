"""PDQ (Meta's perceptual hash) with its quality score, and MD5 for exact copies."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pdqhash
from PIL import Image, ImageOps

from redline.media.decode import DEFAULT_LIMITS, Limits, open_frames

QUALITY_FLOOR = 50  # as in Meta's matcher: hashes of lower quality are neither banked nor trusted
_WORK_SIDE = 512  # PDQ reduces to 64x64; decoding beyond this only costs time


@dataclass(frozen=True)
class PdqHash:
    """A 256-bit PDQ hash as 32 bytes, with its quality (0-100)."""

    bits: bytes
    quality: int

    @property
    def hex(self) -> str:
        """Return the hash as 64 hex digits (Meta's convention)."""
        return self.bits.hex()

    @property
    def trusted(self) -> bool:
        """Return True when the quality reaches the floor."""
        return self.quality >= QUALITY_FLOOR


def pdq_of_frame(frame: Image.Image, dihedral: bool = False) -> list[PdqHash]:
    """Return the PDQ hash of one RGB frame, or its 8 dihedral variants (rotations and mirrors)."""
    if max(frame.size) > _WORK_SIDE:
        frame = frame.copy()
        frame.thumbnail((_WORK_SIDE, _WORK_SIDE), Image.Resampling.BILINEAR)
    arr = np.asarray(frame)
    if dihedral:
        vectors, quality = pdqhash.compute_dihedral(arr)
        return [PdqHash(_pack(v), int(quality)) for v in vectors]
    vector, quality = pdqhash.compute(arr)
    return [PdqHash(_pack(vector), int(quality))]


def query_variants(frame: Image.Image) -> list[PdqHash]:
    """Return the hashes to look up for one frame: as posted, mirrored, and without a caption bar.

    The first hash is of the frame as posted; its quality decides whether PDQ is trusted.
    """
    frames = [frame, ImageOps.mirror(frame)]
    stripped = strip_caption_bars(frame)
    if stripped is not None:
        frames += [stripped, ImageOps.mirror(stripped)]
    return [pdq_of_frame(f)[0] for f in frames]


def bank_variants(frame: Image.Image) -> list[tuple[str, PdqHash]]:
    """Return the hashes to bank for one image: as given, plus the crops reposts commonly make.

    PDQ is robust to scaling and re-encoding but not to cropping, so a bank
    also holds central and one-sided crops of each image it is given.
    """
    w, h = frame.size
    boxes = {
        "original": (0, 0, w, h),
        "crop_center_5": (w // 20, h // 20, w - w // 20, h - h // 20),
        "crop_center_10": (w // 10, h // 10, w - w // 10, h - h // 10),
        "crop_top_10": (0, h // 10, w, h), "crop_bottom_10": (0, 0, w, h - h // 10),
        "crop_left_10": (w // 10, 0, w, h), "crop_right_10": (0, 0, w - w // 10, h),
    }
    return [(name, pdq_of_frame(frame.crop(box))[0]) for name, box in boxes.items()]


def strip_caption_bars(frame: Image.Image) -> Image.Image | None:
    """Return the frame without flat caption bands at the top or bottom, or None when there are none.

    A caption bar is a run of rows where most pixels share the background colour
    of the band's outermost row (text covers only a minority of each row).
    """
    small = ImageOps.grayscale(frame)
    small.thumbnail((200, 200))
    g = np.asarray(small, dtype=np.int16)
    n = g.shape[0]

    def band(rows: np.ndarray) -> int:
        bg = int(np.median(rows[0]))
        if 25 < bg < 230:  # caption bars are white or black; a grey sky is not one
            return 0
        frac = (np.abs(rows - bg) < 16).mean(axis=1)
        # Text rows keep some background; the photo's rows keep almost none.
        photo = np.flatnonzero(frac < 0.15)
        limit = int(photo[0]) if len(photo) else len(frac)
        flat = np.flatnonzero(frac[:limit] >= 0.9)
        return int(flat[-1]) + 1 if len(flat) else 0

    top, bottom = band(g), band(g[::-1])
    top = top if 0.04 * n <= top <= 0.4 * n else 0
    bottom = bottom if 0.04 * n <= bottom <= 0.4 * n else 0
    if not (top or bottom):
        return None
    scale = frame.height / n
    return frame.crop((0, int(top * scale), frame.width, frame.height - int(bottom * scale)))


def pdq_of_bytes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[PdqHash]:
    """Return one PDQ hash per decoded frame of an image file."""
    return [pdq_of_frame(f)[0] for f in open_frames(data, limits, draft=_WORK_SIDE // 2)]


def md5_of_bytes(data: bytes) -> str:
    """Return the MD5 hex digest of the file (exact-copy matching, as GIFCT does)."""
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def hex_to_bits(hex_hash: str) -> bytes:
    """Return the 32 bytes of a 64-hex-digit PDQ hash, or raise ValueError."""
    raw = bytes.fromhex(hex_hash.strip())
    if len(raw) != 32:
        raise ValueError(f"a PDQ hash is 64 hex digits, got {len(hex_hash.strip())}")
    return raw


def _pack(vector: np.ndarray) -> bytes:
    # pdqhash returns 256 bits, most significant first in Meta's hex order.
    return np.packbits(np.asarray(vector, dtype=np.uint8)).tobytes()
