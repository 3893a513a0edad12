"""Clock times on a 12-hour dial, so that a translation that changes the notation of an
hour is not a changed number: 14时 / "14:00" / "2 p.m." / 下午2时 / "two in the afternoon"
all read 2 (the minutes stay numbers of their own, and minutes said in words are
numbers too: 三点半 is "3:30").

Chinese news writes hours 0-24 (新华社: 当天14时), English news 1-12 with a.m. / p.m.,
and translations of fiction often drop the half of the day altogether (下午五点, "five
o'clock"), so only the 12-hour reading is shared by all of them: a morning hour changed
into an afternoon one is not caught, a changed hour is.

These rewrite the text before its numbers are read (:mod:`.numbers`).
"""

from __future__ import annotations

import re

__all__ = ["en_hours_12", "zh_hours_12"]

# 14时, 20时30分 (not 14时间, 20时代); a digit or a full stop before it is another number.
_ZH_24 = re.compile(r"(?<![\d.])(1[3-9]|2[0-4])(?=时(?![间代期候刻]))")
# 14:00, 20:30 (not 14:005, a ratio 14:3 or a verse 20:30:1); Chinese text writes them
# too (a full-width 15：30 is folded to ASCII by the numbers readers before this runs).
_EN_24 = re.compile(r"(?<![\d.:])(1[3-9]|2[0-3])(?=:[0-5]\d(?![\d:]))")


def _minus_12(m: re.Match[str]) -> str:
    return str(int(m.group(1)) - 12)


# Minutes said in words after an hour: 三点半 "3:30", 三点一刻 "3:15", 三点三刻 "3:45",
# 三点十分 "3:10" (十分 alone is "very", and is masked as such).
_ZH_MINUTES = re.compile(r"(?<=[\d零〇一二两三四五六七八九十][点點])(半|一刻|三刻|十分)")
_MINUTE_WORDS = {"半": "30分", "一刻": "15分", "三刻": "45分", "十分": "10分"}


def zh_hours_12(text: str) -> str:
    """当天14时 -> 当天2时, 15:30 -> 3:30, 三点半 -> 三点30分; other text unchanged."""
    if "时" in text:
        text = _ZH_24.sub(_minus_12, text)
    if ":" in text:
        text = _EN_24.sub(_minus_12, text)
    if "点" in text or "點" in text:
        text = _ZH_MINUTES.sub(lambda m: _MINUTE_WORDS[m.group(1)], text)
    return text


def en_hours_12(text: str) -> str:
    """"at 14:00" -> "at 2:00"; other text unchanged."""
    return _EN_24.sub(_minus_12, text) if ":" in text else text
