"""Other forms a place name takes: its people or adjective (asia / asian) and, for a
Chinese province or city, its one-character short form (川 for Sichuan)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aligner_gui.core.text.names import is_pinyin

__all__ = [
    "FINAL", "INITIAL", "added_adjectives", "demonym_in", "letters", "pinyin_name",
    "short_form_in",
]


def letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


# Pinyin syllables: an initial and a final.
INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
FINAL = ("(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|"
         "iu|ou|ua|ui|un|uo|ue|a|e|i|o|u|v)")
_STRICT = re.compile(f"{INITIAL}?{FINAL}(?:{INITIAL}{FINAL}){{1,3}}")
_STRICT_INITIALS = re.compile(f"(?:{INITIAL}{FINAL}){{2,4}}")


def pinyin_name(word: str, initials: bool = False) -> bool:
    """An English word that reads as pinyin of two syllables or more, each but the first
    with an initial ("Jiangxi", "Huangyan", "Anxi", "Shaanxi" as 陕西 is written; not
    "Empire", "Ai"); with ``initials`` the first too ("Hebei", not "America")."""
    low = letters(word).lower().replace("shaanxi", "shanxi")
    strict = _STRICT_INITIALS if initials else _STRICT
    return is_pinyin(low) and bool(strict.fullmatch(low))


_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese", "ish")


def demonym_in(key: str, keys: set[str]) -> bool:
    """Is the people or adjective of the place ``key`` among ``keys``: asia / asian (中亚
    as "Central Asian"), tibet / tibetan, iraq / iraqi?"""
    return any(key + ending in keys for ending in _DEMONYM_ENDINGS)


# Provinces and municipalities by their one-character short form, which Chinese writes
# with a direction (甘南 "southern Gansu", 川西北 "northwest Sichuan") or beside another
# (川青铁路 "the Sichuan-Qinghai railway", 京津冀 "Beijing-Tianjin-Hebei").
_SHORT_FORMS = {
    "beijing": "京", "tianjin": "津", "hebei": "冀", "shanxi": "晋", "shaanxi": "陕秦",
    "henan": "豫", "shandong": "鲁", "jiangsu": "苏", "zhejiang": "浙", "anhui": "皖",
    "fujian": "闽", "jiangxi": "赣", "hunan": "湘", "hubei": "鄂", "guangdong": "粤",
    "guangxi": "桂", "hainan": "琼", "guizhou": "黔贵", "yunnan": "滇云", "sichuan": "川蜀",
    "chongqing": "渝", "gansu": "甘陇", "qinghai": "青", "ningxia": "宁", "xinjiang": "新",
    "tibet": "藏", "xizang": "藏", "liaoning": "辽", "jilin": "吉", "heilongjiang": "黑",
    "shanghai": "沪", "mongolia": "蒙",
}  # fmt: skip
_NEAR_SHORT = "[东南西北中" + "".join(sorted(set("".join(_SHORT_FORMS.values())))) + "]"


def short_form_in(word: str, zh_texts: Sequence[str]) -> bool:
    """Is the province or city ``word`` (every part of "Sichuan-Qinghai") written in the
    Chinese by its short form beside a direction or another short form?"""
    for part in (letters(p).lower() for p in word.split("-")):
        chars = _SHORT_FORMS.get(part)
        if not chars:
            return False
        pattern = re.compile(f"[{chars}](?={_NEAR_SHORT})|(?<={_NEAR_SHORT})[{chars}]")
        if not any(pattern.search(t) for t in zh_texts):
            return False
    return True


# Peoples and languages as English adjectives ("the Chinese saying", "a French company"),
# and the stems their countries' keys begin with.
_NATIONALITIES = {
    "american": "americ usa", "british": "brit uk england", "chinese": "chin", "french": "franc",
    "german": "germ", "japanese": "japan", "russian": "russ", "korean": "korea",
    "indian": "india", "italian": "ital", "spanish": "spain", "greek": "greec",
    "canadian": "canad", "australian": "austral", "european": "europ", "african": "afric",
    "asian": "asia", "arab": "arab", "israeli": "israel", "iranian": "iran",
    "turkish": "turk", "dutch": "netherland holland", "swiss": "switzerland",
    "mexican": "mexic", "brazilian": "brazil", "ukrainian": "ukrain", "polish": "poland",
    "vietnamese": "vietnam", "thai": "thai", "english": "engl", "mandarin": "mandarin",
    "cantonese": "canton",
}  # fmt: skip
# Only of a language: "the Chinese saying" names no country the original names, while
# "Chinese officials" for 美国官员 is a swap (the names benchmark's swaps need it kept).
_ADJECTIVE = {w: re.compile(rf"\b{w}\s+(?:saying|proverb|idiom|expression|phrase|word|character"
                            r"|language|name|term|version|translation|text|original)s?\b", re.I)
              for w in _NATIONALITIES}


def added_adjectives(en_left: Sequence[str], en_texts: Sequence[str],
                     zh_left_keys: Sequence[frozenset[str]]) -> tuple[str, ...]:
    """The English names left, less a language's adjective a translation adds ("the
    Chinese saying" for 可谓"十年磨一剑") when no Chinese name left is a country (a
    country left there is a swap and keeps it)."""
    countries = {stem for w in en_left if w.lower() in _NATIONALITIES
                 for stem in _NATIONALITIES[w.lower()].split()}
    if not countries or any(k.startswith(c) for keys in zh_left_keys for k in keys
                            for c in countries | _ALL_STEMS):
        return tuple(en_left)
    return tuple(w for w in en_left if w.lower() not in _NATIONALITIES
                 or not any(_ADJECTIVE[w.lower()].search(t) for t in en_texts))


_ALL_STEMS = {stem for stems in _NATIONALITIES.values() for stem in stems.split()}
