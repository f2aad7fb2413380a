"""Word lists that tell a designated name from a namesake or an ordinary word (general, not per post)."""

from __future__ import annotations

from functools import cache

from redline.text._forms import words
from redline.text.normalize import normalize

# Common given names: a bare ambiguous surname right after one of these names someone else
# ("Maryam Soleimani", "Nadia Nasrallah"). An entity's own first names are exempt.
_GIVEN = """
maryam mariam sohrab nadia nadya sara sarah fatima fatemeh zahra zeinab zainab leila layla laila nasrin
parisa shirin mina neda narges elham roya yasmin yasmine amira hana huda rania dina lina noor nour rana
salma samira farah mona reem rima dalia ghada lara maya nora hiba asma aisha khadija
ali mohammad mohammed muhammad mohamed ahmad ahmed hossein hussein husain reza amir omid babak dariush
kaveh kian arash behnam saeed majid hamid javad karim khaled khalid omar umar youssef yousef yusuf
ibrahim mustafa mostafa samir sami tarek tariq walid ziad rami fadi george elias michel farid nabil
john james david michael robert william richard thomas daniel paul mark peter jennifer mary linda
elizabeth susan jessica emily anna maria laura julia eric kevin brian jason chris anthony
مريم سهراب ناديا ساره فاطمه زهرا زينب ليلا نسرين پريسا شيرين مينا ندا نرگس الهام رويا ياسمين اميره
هدي رانيا دينا نور سلمي سميره فرح مني ريم عايشه خديجه
علي محمد احمد حسين رضا امير اميد بابک داريوش کاوه آرش بهنام سعيد مجيد حميد جواد کريم خالد عمر يوسف
سمير سامي طارق وليد زياد رامي فادي فريد نبيل
"""

# Words next to an ambiguous alias that show the ordinary sense (ordinary words, not names).
_AFTER = {
    "القاعده": "الذهبيه العامه الاساسيه الشرعيه الفقهيه القانونيه النحويه الاولي الثانيه العسكريه الجويه "
               "البحريه الامريكيه الشعبيه الجماهيريه الانتخابيه الصناعيه الاقتصاديه الصلبه الذهبي",
    "حماس": "كبير شديد منقطع بالغ زائد الشباب الجماهير الجمهور",
    "quds": "university hospital day street mosque newspaper open committee",
    "al quds": "university hospital day street mosque newspaper open committee",
}
_BEFORE = {
    "القاعده": "هذه تلك وفق حسب",
    "حماس": "بكل",
    "طالبان": "اصلاح تحول عدالت استقلال ازادي حق جدايي تجزيه دانش علم صلح",
}
# Words anywhere in the post that point to a namesake of an ambiguous alias.
_ELSEWHERE = {
    "isis": "band album goddess osiris horus egyptian mythology myth song songs tour concert metal pharaoh temple",
    "hamas": "genesis biblical bible torah testament",  # the Hebrew word for violence
}


def _norm_set(text: str) -> frozenset[str]:
    return frozenset(" ".join(words(normalize(w).text)) for w in text.split())


@cache
def given_names() -> frozenset[str]:
    """Return the normalized common given names."""
    return _norm_set(_GIVEN)


@cache
def _table(which: str) -> dict[str, frozenset[str]]:
    src = {"after": _AFTER, "before": _BEFORE, "elsewhere": _ELSEWHERE}[which]
    return {" ".join(words(normalize(k).text)): _norm_set(v) for k, v in src.items()}


def ordinary_sense(form: str, before: str, after: str, post_words: set[str]) -> str | None:
    """Return the word that shows `form` is used in its ordinary sense here, or None."""
    if after in _table("after").get(form, ()):
        return after
    if before in _table("before").get(form, ()):
        return before
    hits = _table("elsewhere").get(form, frozenset()) & post_words
    return min(hits) if hits else None


def has_ordinary_sense(form: str) -> bool:
    """Return True when some word list above describes an ordinary sense of this form."""
    return form in _table("after") or form in _table("before") or form in _table("elsewhere")
