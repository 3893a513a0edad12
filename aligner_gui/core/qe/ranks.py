"""Figures the direction check reads without digits: a rank spelled out, and a strength.

"Chelsea slipped to fifth place" rendered 切尔西排名升至第五 ("rose to fifth") reverses a
fact as "fell 3%" rendered 上涨3% does, but holds no digit, so the direction check's
figure-by-figure reading never saw it. A rank a side moves *to* (English "to fifth",
"fifth place"; Chinese 至第五, 第五名, 第五位) is read as the figure 5, on both sides alike.

"The typhoon is expected to weaken gradually" rendered "to strengthen gradually" moves
no figure at all. Words of strength (strengthen, intensify / weaken; 增强, 加强, 加剧 /
减弱, 削弱) are read as a trend of their own, only when both sides hold one: without a
figure the general trend words say too little ("rose" is as often a flower), these say
what they say.
"""

from __future__ import annotations

import re

__all__ = ["STRENGTH", "rank_figures", "strength_reversed"]

_EN_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth "
                "eleventh twelfth").split()
_ZH_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九十", start=1)}
_ZH_DIGITS["两"] = 2
_EN_RANK = re.compile(
    r"\bto\s+(?:the\s+)?(?P<a>" + "|".join(_EN_ORDINALS) + r")\b"
    r"|\b(?P<b>" + "|".join(_EN_ORDINALS) + r")(?=\s+(?:place|position|spot)\b)",
    re.IGNORECASE,
)
# 第十一 is eleven; 第五 "fifth" only where it is no longer number's start (第五十).
_ZH_RANK = re.compile(r"(?:(?<=[至到])第(?P<a>十?[一二三四五六七八九十])"
                      r"|第(?P<b>十?[一二三四五六七八九十])(?=[名位]))"
                      r"(?![一二三四五六七八九十百千万\d])")


def _zh_value(numeral: str) -> int:
    if len(numeral) == 2:  # 十一 .. 十九
        return 10 + _ZH_DIGITS[numeral[1]]
    return _ZH_DIGITS[numeral]


def rank_figures(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(value, start, end) of each rank a side moves to, as the direction check reads a
    figure: "to fifth" is ("5", …) and so is 至第五."""
    out = []
    if lang == "en":
        for m in _EN_RANK.finditer(text):
            group = "a" if m.group("a") else "b"
            value = _EN_ORDINALS.index(m.group(group).lower()) + 1
            out.append((str(value), m.start(group), m.end(group)))
    elif lang == "zh":
        for m in _ZH_RANK.finditer(text):
            group = "a" if m.group("a") else "b"
            out.append((str(_zh_value(m.group(group))), m.start(group) - 1, m.end(group)))
    return out


# Words of strength, by direction and language, matched on word boundaries in English.
STRENGTH = {
    "en": {
        "up": re.compile(r"\b(?:strengthen(?:s|ed|ing)?|intensif(?:y|ies|ied|ying|ication))\b",
                         re.IGNORECASE),
        "down": re.compile(r"\bweaken(?:s|ed|ing)?\b", re.IGNORECASE),
    },
    "zh": {"up": re.compile("增强|加强|加剧|增大"), "down": re.compile("减弱|削弱|变弱|减小")},
}


def strength_reversed(src: str, tgt: str, src_lang: str, tgt_lang: str
                      ) -> tuple[tuple[str, int, int], tuple[str, int, int]] | None:
    """The first word of strength of each side, when each side's all go one way and the
    two ways differ ("weaken" against 增强); else None."""
    found = []
    for text, lang in ((src, src_lang), (tgt, tgt_lang)):
        words = sorted((m.start(), m.end(), way) for way, pattern in STRENGTH.get(lang, {}).items()
                       for m in pattern.finditer(text))
        if not words or len({w for _s, _e, w in words}) != 1:
            return None
        found.append((words[0][2], words[0][0], words[0][1]))
    return (found[0], found[1]) if found[0][0] != found[1][0] else None
