"""Enroll reference photos of designated people for face matching (only their embeddings are kept)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from redline.cli.media import read_image_file
from redline.errors import NotFoundError
from redline.media.config import gallery_path
from redline.media.decode import open_frames
from redline.media.faces import Gallery
from redline.watchlist import load_default

app = typer.Typer(no_args_is_help=True)


@app.command("add")
def add(entity: str, photos: list[Path]) -> None:
    """Enroll one or more reference photos (one face each) of a designated person."""
    if entity not in load_default():
        raise NotFoundError(f"{entity!r} is not on the watchlist: the gallery holds designated people only")
    gallery = Gallery(gallery_path())
    count = 0
    for photo in photos:
        count = gallery.enroll(entity, open_frames(read_image_file(photo))[0], str(photo))
    typer.echo(json.dumps({"entity": entity, "references": count}))
