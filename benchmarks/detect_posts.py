"""Synthetic short posts for the detection benchmark: English, Persian and Arabic, ~5% naming an entity."""

from __future__ import annotations

import random

from redline.watchlist import Watchlist

EN = ["the", "people", "said", "that", "government", "will", "not", "make", "any", "new", "work", "world", "this", "year", "but", "we", "have", "been", "there", "since", "last", "time", "and", "do", "know", "what", "happened", "after", "great", "war", "our", "own", "state", "city", "news", "today", "morning", "video", "photo", "share", "friends", "family", "market", "prices", "football", "match", "weather", "rain", "school", "teachers", "students", "election", "vote", "minister", "report", "police", "street", "traffic", "music", "concert", "movie", "phone", "crisis", "really", "think", "good", "bad", "love", "hate", "happy", "sad", "tonight", "tomorrow", "weekend", "holiday", "travel", "summer"]
FA = ["این", "که", "از", "به", "در", "با", "را", "برای", "است", "بود", "شد", "می", "هم", "تا", "یک", "آن", "خود", "ما", "شما", "او", "کرد", "کنند", "روز", "مردم", "ایران", "دولت", "کشور", "جنگ", "سیاست", "خبر", "امروز", "گفت", "شهر", "بازار", "قیمت", "فوتبال", "مسابقه", "هوا", "باران", "مدرسه", "معلم", "دانشجو", "انتخابات", "رای", "وزیر", "گزارش", "پلیس", "خیابان", "موسیقی", "کنسرت", "فیلم", "تلفن", "خانواده", "دوستان", "سفر", "تابستان", "حماسه", "زیبا"]
AR = ["في", "من", "على", "إلى", "أن", "هذا", "التي", "الذي", "مع", "كان", "عن", "قال", "ما", "لا", "هو", "هي", "بعد", "قبل", "حتى", "اليوم", "الناس", "الحكومة", "البلاد", "الحرب", "السياسة", "المدينة", "السوق", "الأسعار", "كرة", "القدم", "المباراة", "الطقس", "المطر", "المدرسة", "المعلم", "الطلاب", "الانتخابات", "الوزير", "التقرير", "الشرطة", "الشارع", "الموسيقى", "الفيلم", "العائلة", "الأصدقاء", "السفر", "الصيف", "القاعدة"]
_EVASIONS = (
    lambda s: s,
    lambda s: s,
    lambda s: s.upper(),
    lambda s: "#" + s.replace(" ", ""),
    lambda s: s.replace("o", "0").replace("e", "3"),
    lambda s: ".".join(s.replace(" ", "")),
    lambda s: s[:2] + "\u200b" + s[2:],
)


def make_posts(watchlist: Watchlist, n: int, seed: int = 20260101, share_named: float = 0.05) -> list[str]:
    """Return `n` posts of 8-40 words; `share_named` of them carry one name from the watchlist."""
    rng = random.Random(seed)
    names = {"en": [], "fa": [], "ar": []}  # type: dict[str, list[str]]
    for e in watchlist:
        for a in (e.name, *(a.name for a in e.aliases)):
            lang = "en" if a.isascii() else rng.choice(("fa", "ar"))
            names[lang].append(a)
    vocab = {"en": EN, "fa": FA, "ar": AR}
    posts = []
    for _ in range(n):
        lang = rng.choice(("en", "en", "fa", "ar"))
        words = [rng.choice(vocab[lang]) for _ in range(rng.randint(8, 40))]
        if rng.random() < share_named and names[lang]:
            words.insert(rng.randrange(len(words) + 1), rng.choice(_EVASIONS)(rng.choice(names[lang])))
        posts.append(" ".join(words) + rng.choice((".", "!", "?", " #news", "", " 🙂")))
    return posts
