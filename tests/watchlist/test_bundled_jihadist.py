"""The bundled jihadist (part B) watchlist: coverage, honest designations, ambiguity marks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import redline
from redline.model import Entity
from redline.text.normalize import normalize
from redline.watchlist import Watchlist, load_files

FILE = Path(redline.__file__).parent / "data" / "watchlist" / "jihadist.yaml"
# Slugs an external measurement set relies on: they must never be renamed.
REQUIRED = ["isis", "baghdadi", "al_qaeda", "bin_laden", "zawahiri", "al_shabaab", "boko_haram", "taliban"]
LEADERSHIP = {"leads", "led", "founded"}
# A member who is not a leader carries a group's designation only as its commander or spokesman.
ROLE_WORDS = re.compile(r"\b(commander|spokesman)\b")


@pytest.fixture(scope="module")
def watchlist() -> Watchlist:
    """The part B file, loaded and validated by the real loader (which also checks relation targets)."""
    return load_files([FILE])


def _entity(watchlist: Watchlist, eid: str) -> Entity:
    entity = watchlist.get(eid)
    assert entity is not None, f"{eid} missing"
    return entity


def _key(name: str) -> str:
    return " ".join(normalize(name).text.replace("-", " ").split())


def test_file_covers_at_least_35_entities(watchlist: Watchlist) -> None:
    assert len(watchlist) >= 35


@pytest.mark.parametrize("eid", REQUIRED)
def test_required_slug_has_arabic_alias_designation_and_source(watchlist: Watchlist, eid: str) -> None:
    entity = _entity(watchlist, eid)
    assert any(a.script == "Arab" for a in entity.aliases), f"{eid} has no Arabic-script alias"
    assert any(d.source and not d.reference.startswith("via ") for d in entity.designations)
    assert any(s.startswith("https://") for s in entity.sources)


def test_derived_designations_follow_a_link_to_a_listed_group(watchlist: Watchlist) -> None:
    for entity in watchlist:
        for d in entity.designations:
            if not d.reference.startswith("via "):
                continue
            group_id = d.reference.split()[1]
            types = {r.type for r in entity.related if r.target == group_id}
            role = d.reference.partition("(")[2]
            assert types & LEADERSHIP or ("member_of" in types and ROLE_WORDS.search(role)), entity.id
            group = _entity(watchlist, group_id)
            assert any(not g.reference.startswith("via ") for g in group.designations), group_id


def test_no_alias_repeats_another_after_normalization(watchlist: Watchlist) -> None:
    repeats = []
    for entity in watchlist:
        seen: dict[str, str] = {}
        for name in entity.all_names():
            key = _key(name)
            if key in seen:
                repeats.append((entity.id, seen[key], name))
            seen[key] = name
    assert repeats == []


@pytest.mark.parametrize(("eid", "alias"), [
    ("al_qaeda", "القاعدة"),
    ("taliban", "طالبان"),
    ("isis", "ISIS"),
    ("isis", "الدولة الإسلامية"),
    ("isis", "دولت اسلامی"),
    ("baghdadi", "Baghdadi"),
    ("bin_laden", "Sheikh Osama"),
    ("bin_laden", "أبو عبد الله"),
    ("mohammed_yusuf", "Mohammed Yusuf"),
    ("the_base", "The Base"),
])
def test_common_words_and_names_are_marked_ambiguous(watchlist: Watchlist, eid: str, alias: str) -> None:
    marks = {a.name: a.ambiguous for a in _entity(watchlist, eid).aliases}
    assert marks.get(alias) is True


@pytest.mark.parametrize("generic", ["IS", "Omar", "Laden", "Haqqani", "Saeed", "Yusuf", "LeT", "AQ"])
def test_too_generic_forms_are_never_listed(watchlist: Watchlist, generic: str) -> None:
    key = _key(generic)
    assert [e.id for e in watchlist for n in e.all_names() if _key(n) == key] == []


def test_revoked_hts_listing_is_not_carried(watchlist: Watchlist) -> None:
    hts = {_key(n) for n in ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", "هيئة تحرير الشام")}
    assert [n for e in watchlist for n in e.all_names() if _key(n) in hts] == []
    nusra = _entity(watchlist, "al_nusra")
    assert {d.source for d in nusra.designations} == {"UN Security Council"}
