"""Namesakes and ordinary words: no mention, or a low score until something corroborates the name."""

from __future__ import annotations

import pytest

from redline.text.detector import NameDetector

NO_MENTION = [
    "Maryam Soleimani the chess player won her third title",
    "Sohrab Soleimani opened a bakery on our street",
    "Nadia Nasrallah sings at the festival tonight",
    "Dr. Sara Soleimani presented her research on rice genetics",
    "We spent a week in Sulaymaniyah last summer",
    "The crisis deepened after the vote",
    "Ayumi Hamasaki released a new single",
    "Der Laden ist heute geschlossen",
    "She teaches chemistry at Al-Quds University",
    "القاعدة الذهبية في الاستثمار هي التنويع",
    "هذه القاعدة لا تنطبق على الأسماء الأجنبية",
    "استقبلنا الضيوف بكل حماس",
    "المهندس محمد أنهى تصميم الجسر",
    "اصلاح طالبان در انتخابات شرکت کردند",
    "این فیلم یک حماسه واقعی است",
    "ISIS the band released a new album",
    "Isis was an Egyptian goddess, the sister of Osiris",
    "This is what it is",
    "the revolution is coming, said the poet",
    "He is the engineer of this project",
    "مریم سلیمانی قهرمان شطرنج شد",
    "my neighbour soleimani fixes bikes",  # lower case, no corroboration: an ordinary-looking word
]


@pytest.mark.parametrize("text", NO_MENTION)
def test_namesake_or_ordinary_word_gives_no_mention(detector: NameDetector, text: str) -> None:
    assert detector.find(text) == []


@pytest.mark.parametrize(("text", "entity"), [
    ("Soleimani was in Baghdad that week", "soleimani"),
    ("Nasrallah will speak tomorrow", "nasrallah"),
    ("القاعدة تغيرت كثيرا", "al_qaeda"),
    ("حماس", "hamas"),
    ("طالبان", "taliban"),
    ("ISIS", "isis"),
])
def test_uncorroborated_ambiguous_alias_scores_low(detector: NameDetector, text: str, entity: str) -> None:
    mentions = [m for m in detector.find(text) if m.entity_id == entity]
    assert mentions and all(m.score <= 0.5 for m in mentions)
    assert "without corroboration" in mentions[0].detail


@pytest.mark.parametrize(("text", "entity", "why"), [
    ("General Soleimani was in Baghdad that week", "soleimani", "'general' before it"),
    ("Soleimani and the Quds Force", "soleimani", "related entity quds_force"),
    ("Qassem Soleimani died; Soleimani was 62", "soleimani", "same entity"),
    ("Sayyed Nasrallah will speak tomorrow", "nasrallah", "'sayyed' before it"),
    ("Nasrallah praised Hezbollah fighters", "nasrallah", "related entity hezbollah"),
    ("القاعدة تبنت الهجوم الإرهابي في اليمن", "al_qaeda", "context word"),
    ("أعلنت حماس مسؤوليتها عن الهجوم في غزة", "hamas", "context word"),
    ("طالبان کابل را گرفتند", "taliban", "context word"),
    ("ISIS fighters entered Mosul", "isis", "context word"),
    ("Hezbollah chief Nasrallah", "nasrallah", "'hezbollah chief' before it"),
])
def test_corroborated_ambiguous_alias_scores_high(detector: NameDetector, text: str, entity: str, why: str) -> None:
    mentions = [m for m in detector.find(text) if m.entity_id == entity and "ambiguous" in m.detail]
    assert mentions and mentions[0].score > 0.5, mentions
    assert why in mentions[0].detail


def test_short_acronym_counts_only_in_capitals(detector: NameDetector) -> None:
    assert detector.find("it is what it is") == []
    assert [m.entity_id for m in detector.find("KH fighters fired rockets")] == ["kataib_hezbollah"]
    assert detector.find("the kh sound in Arabic") == []


def test_unambiguous_name_scores_full(detector: NameDetector) -> None:
    (m,) = detector.find("Qassem Soleimani")
    assert (m.method.value, m.score) == ("name", 1.0)
    (m,) = detector.find("Hizballah")
    assert (m.method.value, m.score) == ("alias", 0.95)


@pytest.mark.parametrize(("text", "entity"), [
    ("s0leimani forever", "soleimani"),
    ("#nasrallah", "nasrallah"),
    ("n.a.s.r.a.l.l.a.h is a hero", "nasrallah"),
])
def test_a_disguised_lower_case_surname_is_not_an_ordinary_word(detector: NameDetector, text: str,
                                                                entity: str) -> None:
    # Plain "soleimani" in lower case reads like an ordinary word and is dropped when nothing corroborates
    # it; leetspeak, separators or a hashtag are written on purpose, so a low-score mention remains.
    found = [m for m in detector.find(text) if m.entity_id == entity]
    assert found and max(m.score for m in found) <= 0.5
