"""The bundled default watchlist: the seed's entities, their scripts, and who must not be on it."""

from __future__ import annotations

import pytest

from redline.model import Entity, EntityKind
from redline.watchlist import default_paths, load_default, read_file

SEED = ["soleimani", "muhandis", "irgc", "quds_force", "kataib_hezbollah", "hezbollah", "nasrallah", "naim_qassem",
        "mughniyeh", "hamas", "qassam_brigades", "yassin", "haniyeh", "sinwar", "deif", "pij", "houthis"]
NOT_DESIGNATED = ["khamenei", "ghalibaf", "rajavi", "mojahedin", "mujahedin", "mek", "ncri",
                  "national council of resistance", "خامنه", "قالیباف", "رجوی", "مجاهدین خلق"]


@pytest.fixture(scope="module")
def axis() -> dict[str, Entity]:
    path = next(p for p in default_paths() if p.name == "axis.yaml")
    return {e.id: e for e in read_file(path)}


def test_default_loads_and_has_every_seed_entity() -> None:
    wl = load_default()
    missing = [s for s in SEED if s not in wl]
    assert missing == []


def test_axis_file_is_large_enough_and_every_entity_is_designated_and_sourced(axis: dict[str, Entity]) -> None:
    assert len(axis) >= len(SEED) + 25
    for e in axis.values():
        assert e.designations and e.sources and e.context, e.id
        assert e.tier == 1, e.id


@pytest.mark.parametrize("eid", SEED)
def test_seed_entities_have_latin_and_arabic_script_names(axis: dict[str, Entity], eid: str) -> None:
    assert {"Latn", "Arab"} <= {a.script for a in axis[eid].aliases}, eid


@pytest.mark.parametrize(("eid", "persian", "arabic"), [
    ("soleimani", "قاسم سلیمانی", "الحاج قاسم"),
    ("soleimani", "سردار دلها", "الشهيد سليماني"),
    ("irgc", "سپاه پاسداران", "الحرس الثوري"),
    ("nasrallah", "سید حسن", "السيد حسن"),
    ("muhandis", "ابومهدی المهندس", "أبو مهدي المهندس"),
])
def test_persian_and_arabic_forms(axis: dict[str, Entity], eid: str, persian: str, arabic: str) -> None:
    by_name = {a.name: a for a in axis[eid].aliases}
    assert by_name[persian].lang == "fa" and by_name[persian].script == "Arab"
    assert by_name[arabic].lang == "ar" and by_name[arabic].script == "Arab"


@pytest.mark.parametrize(("eid", "alias"), [
    ("soleimani", "Soleimani"), ("soleimani", "سلیمانی"), ("nasrallah", "Nasrallah"), ("nasrallah", "نصرالله"),
    ("nasrallah", "Sayyed Hassan"), ("haniyeh", "Haniyeh"), ("hamas", "حماس"), ("muhandis", "المهندس"),
    ("irgc", "الحرس"), ("qaani", "Qaani"), ("deif", "Deif"), ("mughniyeh", "Mughniyeh"),
])
def test_common_words_and_bare_surnames_are_ambiguous(axis: dict[str, Entity], eid: str, alias: str) -> None:
    assert {a.name: a.ambiguous for a in axis[eid].aliases}[alias] is True


@pytest.mark.parametrize(("eid", "alias"), [
    ("soleimani", "Qasem Soleimani"), ("soleimani", "حاج قاسم"), ("soleimani", "سردار دلها"),
    ("hezbollah", "Hizballah"), ("hamas", "حركة المقاومة الإسلامية"), ("qassam_brigades", "كتائب القسام"),
    ("al_quds_brigades", "سرايا القدس"), ("houthis", "Ansar Allah"), ("irgc", "IRGC"),
])
def test_specific_forms_are_not_ambiguous(axis: dict[str, Entity], eid: str, alias: str) -> None:
    assert {a.name: a.ambiguous for a in axis[eid].aliases}[alias] is False


def test_bare_jerusalem_is_never_an_alias() -> None:
    assert all(a.name != "القدس" for e in load_default() for a in e.aliases)


@pytest.mark.parametrize("needle", NOT_DESIGNATED)
def test_undesignated_people_and_groups_are_absent(axis: dict[str, Entity], needle: str) -> None:
    for e in axis.values():
        names = [e.id, *e.all_names()]
        assert not any(needle.casefold() in n.casefold() for n in names), (needle, e.id)


def test_relations_and_kinds_make_sense(axis: dict[str, Entity]) -> None:
    assert axis["qassam_brigades"].related[0].target == "hamas"
    assert {r.target for r in axis["soleimani"].related} == {"quds_force", "irgc"}
    people = {e.id for e in axis.values() if e.kind is EntityKind.PERSON}
    assert {"soleimani", "nasrallah", "abu_obaida", "qaani", "khazali"} <= people
