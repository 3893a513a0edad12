"""Which side of a pair looks like the original, from wire-service datelines.

A Xinhua or China News Service story opens with its Chinese dateline (新华社北京9月8日电)
and its English edition with "BEIJING, Sept. 8 (Xinhua) --": the Chinese is then almost
always the original. Read by ``aligner align`` to say so when the command was left to
its default (English original), which reads such a pair backwards without a word.
"""

from __future__ import annotations

import re

__all__ = ["chinese_original_hint", "describe_hint"]

# A Chinese wire dateline near the start: 新华社北京9月8日电, 中新社广州9月8日电 ...
_ZH_DATELINE = re.compile(
    r"(新华社|中新社|中新网|中国新闻社|人民网|央视新闻|央视网|中国日报网)[^。\n]{0,24}?电"
)
_EN_CHINESE_WIRE = re.compile(r"\((?:Xinhua|Chinanews|China News Service|CGTN)\)", re.I)
_HEAD = 400  # the dateline stands in the first lines


def chinese_original_hint(zh_text: str, en_text: str) -> str | None:
    """What says the Chinese is the original: the agency of a Chinese dateline ("新华社"),
    or the English dateline's credit ("(Xinhua)"); None when nothing does."""
    zh = _ZH_DATELINE.search(zh_text[:_HEAD])
    if zh:
        return zh.group(1)
    en = _EN_CHINESE_WIRE.search(en_text[:_HEAD])
    return en.group(0) if en else None


def describe_hint(found: str) -> str:
    """The evidence in words, for the command line: "a 新华社…电 dateline"."""
    if found.startswith("("):
        return f"an English dateline crediting {found}"
    return f"a {found}…电 dateline"
