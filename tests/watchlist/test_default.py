"""The bundled default watchlist: the seed's entities, their scripts, and who must not be on it."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from redline.model import Entity, EntityKind
from redline.text.normalize import normalize
from redline.watchlist import default_paths, load_default, read_file

SEED = ["soleimani", "muhandis", "irgc", "quds_force", "kataib_hezbollah", "hezbollah", "nasrallah", "naim_qassem",
        "mughniyeh", "hamas", "qassam_brigades", "yassin", "haniyeh", "sinwar", "deif", "pij", "houthis"]
NOT_DESIGNATED = ["khamenei", "ghalibaf", "rajavi", "mojahedin", "mujahedin", "mek", "ncri",
                  "national council of resistance", "خامنه", "قالیباف", "رجوی", "مجاهدین خلق"]
LEADERSHIP = {"leads", "led", "founded"}
ROLE_WORDS = re.compile(r"\b(commander|spokesman)\b")
# People who are on a list themselves carry that listing (OFAC ent_num), never a "via" designation.
LISTED = {"tabatabai": "20780", "abu_fadak": "29722", "razi_mousavi": "12117", "hajizadeh": "26942",
          "ghamari": "31193", "rantisi": "7915", "arouri": "18530", "abu_obaida": "48239"}
# Leaders, founders, commanders and spokesmen who are not listed themselves: id -> the group they go via.
VIA = {"abbas_al_musawi": "hezbollah", "ragheb_harb": "hezbollah", "wissam_al_tawil": "hezbollah",
       "hussein_al_houthi": "houthis", "yahya_saree": "houthis", "mohammed_sinwar": "qassam_brigades",
       "khalil_al_hayya": "hamas", "yahya_ayyash": "qassam_brigades", "salah_shehade": "qassam_brigades",
       "ahmed_al_jabari": "qassam_brigades", "hamadani": "irgc"}


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
    ("abu_obaida", "Abu Obaida"), ("abu_obaida", "Abu Ubaydah"), ("abu_obaida", "أبو عبيدة"),
    ("yahya_ayyash", "المهندس"), ("khalil_al_hayya", "الحية"), ("tabatabai", "Tabatabai"),
    ("hussein_al_houthi", "الشهيد القائد"), ("abu_fadak", "Abu Fadak"), ("yahya_saree", "Saree"),
])
def test_common_words_and_bare_surnames_are_ambiguous(axis: dict[str, Entity], eid: str, alias: str) -> None:
    assert {a.name: a.ambiguous for a in axis[eid].aliases}[alias] is True


@pytest.mark.parametrize(("eid", "alias"), [
    ("soleimani", "Qasem Soleimani"), ("soleimani", "حاج قاسم"), ("soleimani", "سردار دلها"),
    ("hezbollah", "Hizballah"), ("hamas", "حركة المقاومة الإسلامية"), ("qassam_brigades", "كتائب القسام"),
    ("al_quds_brigades", "سرايا القدس"), ("houthis", "Ansar Allah"), ("irgc", "IRGC"),
    ("abbas_al_musawi", "عباس الموسوي"), ("hussein_al_houthi", "حسين بدر الدين الحوثي"),
    ("yahya_saree", "يحيى سريع"), ("tabatabai", "Abu Ali al-Tabatabai"), ("abu_fadak", "أبو فدك المحمداوي"),
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


@pytest.mark.parametrize(("eid", "ent_num"), sorted(LISTED.items()))
def test_listed_people_carry_their_own_listing(axis: dict[str, Entity], eid: str, ent_num: str) -> None:
    designations = axis[eid].designations
    assert any(d.reference == ent_num for d in designations), eid
    assert not any(d.reference.startswith("via ") for d in designations), eid


@pytest.mark.parametrize(("eid", "group"), sorted(VIA.items()))
def test_unlisted_leaders_go_via_their_group(axis: dict[str, Entity], eid: str, group: str) -> None:
    assert [d.reference.split()[1] for d in axis[eid].designations] == [group]


def test_derived_designations_follow_a_link_to_a_listed_group(axis: dict[str, Entity]) -> None:
    for entity in axis.values():
        for d in (d for d in entity.designations if d.reference.startswith("via ")):
            group_id = d.reference.split()[1]
            types = {r.type for r in entity.related if r.target == group_id}
            assert types & LEADERSHIP or ("member_of" in types and ROLE_WORDS.search(d.reference)), entity.id
            assert any(not g.reference.startswith("via ") for g in axis[group_id].designations), group_id


def test_a_name_shared_by_two_entities_is_ambiguous_in_both() -> None:
    owners: dict[str, dict[str, bool]] = defaultdict(dict)
    for e in load_default():
        for name, ambiguous in [(e.name, False), *((a.name, a.ambiguous) for a in e.aliases)]:
            key = " ".join(normalize(name).text.replace("-", " ").split())
            owners[key][e.id] = owners[key].get(e.id, True) and ambiguous
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert "ابو عبيده" in shared
    assert {k: v for k, v in shared.items() if not all(v.values())} == {}


def test_context_tells_the_two_abu_obaidas_apart() -> None:
    wl = load_default()
    qassam, shabaab = wl.get("abu_obaida"), wl.get("ahmad_umar")
    assert qassam is not None and shabaab is not None
    assert {"Qassam", "Gaza", "spokesman", "الناطق العسكري"} <= set(qassam.context)
    assert {"al-Shabaab", "Somalia", "الصومال"} <= set(shabaab.context)
    assert not {"Somalia", "الصومال", "Qassam", "Gaza", "غزة"} & set(qassam.context) & set(shabaab.context)


def test_no_alias_repeats_another_after_normalization(axis: dict[str, Entity]) -> None:
    repeats = []
    for e in axis.values():
        seen: dict[str, str] = {}
        for name in e.all_names():
            key = " ".join(normalize(name).text.replace("-", " ").split())
            if key in seen:
                repeats.append((e.id, seen[key], name))
            seen[key] = name
    assert repeats == []
