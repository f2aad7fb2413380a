"""Named hash banks of known images, stored as HMA-style CSV files (signal, signal_type, labels)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from redline.errors import ConfigError, NotFoundError
from redline.media.hashing import hex_to_bits

SIGNAL_TYPES = ("pdq", "md5")
DEFAULT_THRESHOLD = 31
_BANK_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_MD5 = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class BankEntry:
    """One banked signal: a PDQ or MD5 hash labelled with the entity it shows and where it came from."""

    signal: str
    signal_type: str
    entity_id: str = ""
    label: str = ""
    source: str = ""
    quality: int | None = None

    def labels(self) -> str:
        """Return the labels column: space-separated `key:value` pairs, as hash-sharing CSVs carry them."""
        parts = [f"entity:{self.entity_id}" if self.entity_id else "", f"label:{self.label}" if self.label else "",
                 f"source:{self.source}" if self.source else "",
                 f"quality:{self.quality}" if self.quality is not None else ""]
        return " ".join(p.replace(" ", "_") for p in parts if p)


@dataclass
class Bank:
    """A named list of entries. An allow-list bank's matches suppress every other bank's."""

    name: str
    entries: list[BankEntry] = field(default_factory=list)
    allow: bool = False
    threshold: int = DEFAULT_THRESHOLD


def parse_entry(signal: str, signal_type: str, labels: str, where: str) -> BankEntry:
    """Return a validated entry from CSV columns, or raise ConfigError naming `where`."""
    st = signal_type.strip().lower().removesuffix("_hash") or "pdq"
    st = {"pdq_signal": "pdq", "photo_pdq": "pdq", "video_md5": "md5", "md5_signal": "md5"}.get(st, st)
    sig = signal.strip().lower()
    if st not in SIGNAL_TYPES:
        raise ConfigError(f"{where}: unknown signal type {signal_type!r} (known: {', '.join(SIGNAL_TYPES)})")
    try:
        if st == "pdq":
            hex_to_bits(sig)
        elif not _MD5.match(sig):
            raise ValueError("an MD5 is 32 hex digits")
    except ValueError as exc:
        raise ConfigError(f"{where}: bad {st} hash {signal!r}: {exc}") from exc
    kv = dict(p.split(":", 1) for p in labels.split() if ":" in p)
    free = [p for p in labels.split() if ":" not in p]
    quality = kv.get("quality")
    return BankEntry(sig, st, entity_id=kv.get("entity", ""), label=kv.get("label", " ".join(free)),
                     source=kv.get("source", ""), quality=int(quality) if quality and quality.isdigit() else None)


def read_csv(text: str, origin: str) -> list[BankEntry]:
    """Return the entries of a hash CSV (header `signal,signal_type,labels`; `hash` also accepted)."""
    rows = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(rows, [])]
    col = {name: header.index(name) for name in header}
    sig_col = col.get("signal", col.get("hash"))
    if sig_col is None:
        raise ConfigError(f"{origin}: line 1: the header needs a 'signal' (or 'hash') column")
    entries = []
    for lineno, row in enumerate(rows, start=2):
        if not row or not any(c.strip() for c in row):
            continue
        def cell(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i] if i is not None and i < len(row) else ""
        entries.append(parse_entry(row[sig_col] if sig_col < len(row) else "", cell("signal_type"), cell("labels"),
                                   f"{origin}: line {lineno}"))
    return entries


def write_csv(entries: Iterable[BankEntry]) -> str:
    """Return the entries as a hash CSV that `read_csv` and HMA-style importers read."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["signal", "signal_type", "labels"])
    for e in entries:
        w.writerow([e.signal, e.signal_type, e.labels()])
    return buf.getvalue()


class BankStore:
    """Banks kept as files in one directory: `<name>.csv` plus `banks.json` for per-bank settings."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def _settings(self) -> dict[str, dict[str, object]]:
        path = self.root / "banks.json"
        return json.loads(path.read_text()) if path.exists() else {}

    def names(self) -> list[str]:
        """Return the names of all banks."""
        return sorted(p.stem for p in self.root.glob("*.csv"))

    def load(self, name: str) -> Bank:
        """Return one bank, or raise NotFoundError."""
        path = self.root / f"{_check_name(name)}.csv"
        if not path.exists():
            raise NotFoundError(f"no bank named {name!r}")
        cfg = self._settings().get(name, {})
        return Bank(name, read_csv(path.read_text(encoding="utf-8"), str(path)), allow=bool(cfg.get("allow", False)),
                    threshold=int(str(cfg.get("threshold", DEFAULT_THRESHOLD))))

    def load_all(self) -> list[Bank]:
        """Return every bank."""
        return [self.load(n) for n in self.names()]

    def save(self, bank: Bank) -> None:
        """Write a bank's entries and settings (atomically replacing the old file)."""
        path = self.root / f"{_check_name(bank.name)}.csv"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(write_csv(bank.entries), encoding="utf-8")
        tmp.replace(path)
        settings = self._settings()
        settings[bank.name] = {"allow": bank.allow, "threshold": bank.threshold}
        (self.root / "banks.json").write_text(json.dumps(settings, indent=1, sort_keys=True))

    def get_or_create(self, name: str, allow: bool | None = None, threshold: int | None = None) -> Bank:
        """Return the named bank, creating an empty one when missing; update settings when given."""
        try:
            bank = self.load(name)
        except NotFoundError:
            bank = Bank(_check_name(name))
        if allow is not None:
            bank.allow = allow
        if threshold is not None:
            bank.threshold = threshold
        return bank


def _check_name(name: str) -> str:
    if not _BANK_NAME.match(name):
        raise ConfigError(f"bank name {name!r} must be 1-64 letters, digits, '.', '_' or '-'")
    return name
