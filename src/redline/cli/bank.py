"""Manage hash banks of known images: add, import and export (HMA-style CSV: signal, signal_type, labels)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from redline.cli.media import read_image_file
from redline.errors import InputError
from redline.media.bank import BankEntry, read_csv, write_csv
from redline.media.config import bank_store
from redline.media.decode import open_frames
from redline.media.hashing import QUALITY_FLOOR, bank_variants, md5_of_bytes

app = typer.Typer(no_args_is_help=True)


@app.command("add")
def add(bank: str, images: list[Path], entity: str = typer.Option("", "--entity", help="Entity id the images show."),
        label: str = typer.Option("", "--label"), source: str = typer.Option("", "--source"),
        allow: bool = typer.Option(False, "--allow", help="Make this an allow-list bank (known benign images)."),
        threshold: int | None = typer.Option(None, "--threshold", help="PDQ match distance for this bank.")) -> None:
    """Bank images by PDQ (when quality ≥ 50) and MD5."""
    if not allow and not entity:
        raise InputError("--entity is required for a block bank")
    store = bank_store()
    b = store.get_or_create(bank, allow=allow or None, threshold=threshold)
    added, low = 0, []
    for path in images:
        data = read_image_file(path)
        variants = bank_variants(open_frames(data)[0])
        b.entries.append(BankEntry(md5_of_bytes(data), "md5", entity, label, source))
        quality = variants[0][1].quality
        if quality < QUALITY_FLOOR:
            low.append(f"{path} (quality {quality})")
        else:
            b.entries.extend(BankEntry(h.hex, "pdq", entity, f"{label} {name}".strip() if name != "original" else label,
                                       source, h.quality) for name, h in variants if h.trusted)
        added += 1
    store.save(b)
    typer.echo(json.dumps({"bank": bank, "images": added, "entries": len(b.entries),
                           "not_pdq_banked_low_quality": low}))
    if low:
        typer.echo(f"PDQ quality under {QUALITY_FLOOR}, banked by MD5 only: {', '.join(low)}", err=True)


@app.command("import")
def import_csv(bank: str, file: Path, allow: bool = typer.Option(False, "--allow")) -> None:
    """Import a hash CSV (signal, signal_type, labels) into a bank."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read: {exc}") from exc
    entries = read_csv(text, str(file))
    low = [e for e in entries if e.signal_type == "pdq" and e.quality is not None and e.quality < QUALITY_FLOOR]
    store = bank_store()
    b = store.get_or_create(bank, allow=allow or None)
    b.entries.extend(e for e in entries if e not in low)
    store.save(b)
    typer.echo(json.dumps({"bank": bank, "imported": len(entries) - len(low), "skipped_low_quality": len(low)}))


@app.command("export")
def export(bank: str) -> None:
    """Print a bank as a hash CSV."""
    sys.stdout.write(write_csv(bank_store().load(bank).entries))


@app.command("list")
def list_banks() -> None:
    """Print every bank with its size and settings as JSON."""
    out = [{"bank": b.name, "entries": len(b.entries), "allow": b.allow, "threshold": b.threshold}
           for b in bank_store().load_all()]
    typer.echo(json.dumps(out))
