"""Detector plug-ins: every registered detector honours the Mention contract; broken ones fail at start-up."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from redline import plugins
from redline.errors import ConfigError
from redline.model import Mention, Post
from redline.watchlist import load_default

WATCHLIST = load_default()
EXAMPLES = [
    Post("e1", "a", "We remember Qassem Soleimani and Hassan Nasrallah."),
    Post("e2", "a", "سردار دلها حاج قاسم سلیمانی و حزب‌الله"),
    Post("e3", "a", "Nothing to see here: lentil soup recipes."),
]


@pytest.mark.parametrize("detector", plugins.load_detectors(WATCHLIST), ids=lambda d: d.name)
def test_every_registered_detector_yields_well_formed_mentions(detector: plugins.Detector) -> None:
    assert detector.name
    found = [m for post in EXAMPLES for m in detector.detect(post)]
    for m in found:
        assert isinstance(m, Mention) and m.entity_id in WATCHLIST and 0.0 <= m.score <= 1.0
        if m.start is not None and m.end is not None:
            post = next(p for p in EXAMPLES if m.surface == p.text[m.start:m.end])
            assert post.text[m.start:m.end] == m.surface


def test_the_name_detector_is_registered_like_any_plug_in() -> None:
    assert [d.name for d in plugins.load_detectors(WATCHLIST, ["names"])] == ["names"]
    with pytest.raises(ConfigError, match="unknown detector plug-in"):
        plugins.load_detectors(WATCHLIST, ["logos"])


class NotADetector:
    def __init__(self, watchlist: object) -> None:
        pass


def broken(watchlist: object) -> None:
    raise RuntimeError("model file missing")


@pytest.mark.parametrize(("target", "message"), [(f"{__name__}:NotADetector", "not a Detector"),
                                                 (f"{__name__}:broken", "failed to load: model file missing")])
def test_a_bad_plug_in_is_a_config_error_naming_it(monkeypatch: pytest.MonkeyPatch, target: str, message: str) -> None:
    bad = EntryPoint("bad", target, plugins.GROUP)
    monkeypatch.setattr(plugins, "entry_points", lambda group: [bad])
    with pytest.raises(ConfigError, match=f"'bad'.*{message}"):
        plugins.load_detectors(WATCHLIST)
