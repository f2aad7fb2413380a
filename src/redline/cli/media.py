"""Hash images: PDQ with its quality, and MD5."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from redline.errors import InputError
from redline.media.decode import open_frames
from redline.media.hashing import md5_of_bytes, pdq_of_frame

app = typer.Typer(no_args_is_help=True)


def read_image_file(path: Path) -> bytes:
    """Return the bytes of an image file, or raise InputError naming it."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


@app.command("hash")
def hash_image(image: Path) -> None:
    """Print {"pdq", "quality", "md5"} for an image (first frame of an animation)."""
    data = read_image_file(image)
    h = pdq_of_frame(open_frames(data)[0])[0]
    typer.echo(json.dumps({"file": str(image), "pdq": h.hex, "quality": h.quality, "md5": md5_of_bytes(data)}))
