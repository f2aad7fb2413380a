"""Detector plug-ins: built-in and third-party detectors register the same way, as entry points.

A package declares, in its pyproject.toml,

    [project.entry-points."redline.detectors"]
    logos = "mypackage.logos:LogoDetector"

where the class is built with the watchlist (`LogoDetector(watchlist)`) and has a `name` and a
`detect(post)` method yielding `redline.model.Mention`s. Redline's own name detector is registered
exactly like that. Plug-ins are loaded and checked once, at start-up: a broken one is a ConfigError
naming it, never a failure in the middle of a batch.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from redline.errors import ConfigError
from redline.model import Detector
from redline.watchlist import Watchlist

GROUP = "redline.detectors"


def load_detectors(watchlist: Watchlist, names: list[str] | None = None) -> list[Detector]:
    """Return an instance of every registered detector (or of those named), sorted by entry-point name."""
    found = {ep.name: ep for ep in entry_points(group=GROUP)}
    unknown = sorted(set(names or ()) - set(found))
    if unknown:
        raise ConfigError(f"unknown detector plug-in(s) {', '.join(unknown)}; registered: {', '.join(sorted(found))}")
    detectors: list[Detector] = []
    for name in sorted(names or found):
        try:
            detector = found[name].load()(watchlist)
        except Exception as exc:  # a third-party plug-in can fail in any way: name it and stop at start-up
            raise ConfigError(f"detector plug-in {name!r} ({found[name].value}) failed to load: {exc}") from exc
        if not isinstance(detector, Detector):
            raise ConfigError(f"detector plug-in {name!r} has no `name` and `detect(post)`: not a Detector")
        detectors.append(detector)
    return detectors
