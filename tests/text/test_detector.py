"""The detector as a whole: offsets, overlaps, methods, and invariance under zero-width characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redline.model import Detector, Method, Post
from redline.text.detector import NameDetector

SENTENCES = [
    "Qassem Soleimani was killed with Abu Mahdi al-Muhandis near Baghdad airport.",
    "حزب الله و حماس را مقایسه کنید",
    "قاسم سلیمانی فرمانده سپاه قدس بود",
    "General Soleimani's men and #HajQassem posters",
    "Izz ad-Din al-Qassam Brigades fired rockets; Hamas said so.",
    "Nothing designated here, just a crisis in Sulaymaniyah.",
    "ISIS fighters, Daesh flags, القاعدة في اليمن والتنظيم الإرهابي",
    "Hezbollah-led coalition and pro-IRGC media",
]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u200e", "\u200f", "\ufeff", "\u2060"]


def test_is_a_detector_plugin(detector: NameDetector) -> None:
    assert isinstance(detector, Detector)
    assert detector.name == "names"
    post = Post(id="p1", author="a", text="Hamas and Hezbollah")
    assert [m.entity_id for m in detector.detect(post)] == ["hamas", "hezbollah"]


def test_longest_overlapping_match_wins(detector: NameDetector) -> None:
    text = "Izz ad-Din al-Qassam Brigades fired rockets"
    (m,) = detector.find(text)
    assert (m.entity_id, m.surface, m.start, m.end) == ("qassam_brigades", "Izz ad-Din al-Qassam Brigades", 0, 29)


def test_hashtag_and_compact_forms_map_back_to_the_original(detector: NameDetector) -> None:
    text = "Never forget #QassemSoleimani and #حاج_قاسم !"
    found = [(m.surface, m.method) for m in detector.find(text)]
    assert found == [("QassemSoleimani", Method.HASHTAG), ("حاج_قاسم", Method.HASHTAG)]


def test_clitic_is_left_out_of_the_span(detector: NameDetector) -> None:
    (m,) = detector.find("وحزب الله أعلن")
    assert m.surface == "حزب الله"


def test_fuzzy_match_is_marked_and_scored_lower(detector: NameDetector) -> None:
    (m,) = detector.find("Qassem Soleimanii died")
    assert m.method is Method.FUZZY and m.score < 0.8 and "one edit" in m.detail


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SENTENCES), st.data())
def test_surface_is_the_original_span(detector: NameDetector, text: str, data: st.DataObject) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=4))
    for pos in sorted(cuts, reverse=True):
        text = text[:pos] + data.draw(st.sampled_from([*ZERO_WIDTH, "  ", "-", "ـ"])) + text[pos:]
    for m in detector.find(text):
        assert m.start is not None and m.end is not None
        assert text[m.start:m.end] == m.surface
        assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SENTENCES), st.data())
def test_zero_width_characters_never_change_the_entities(detector: NameDetector, text: str,
                                                         data: st.DataObject) -> None:
    before = {m.entity_id for m in detector.find(text)}
    cuts = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=8))
    for pos in sorted(cuts, reverse=True):
        text = text[:pos] + data.draw(st.sampled_from(ZERO_WIDTH)) + text[pos:]
    assert {m.entity_id for m in detector.find(text)} == before
