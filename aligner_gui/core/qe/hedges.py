"""The hedges check: an attribution or a hedge of the original that the translation drops.

"The minister allegedly took bribes" translated 部长收受贿赂 states as a fact what the
original reports as a claim; "perhaps the talks will fail" as 谈判将失败 turns a
possibility into a forecast. In news this is one of the errors editors fear most (an
allegation printed as fact is a legal risk), and the bead score cannot see it: one word
of many is missing. The check compares the two sides of a bead:

* the original holds a hedge: an attribution (allegedly, reportedly, "is said to",
  suspected; 据称, 据报道, 据悉, 涉嫌, 疑似) or an epistemic adverb (perhaps, probably,
  possibly, apparently; 也许, 或许, 大概, 似乎, 恐怕);
* the translation holds nothing that hedges at all. What counts there is broad on
  purpose, since a hedge is rendered many ways: a modal (may, might, could, would; 可能,
  会, 能, 应该), a verb of saying or thinking (said, claimed, believed, according to; 称,
  说, 表示, 认为, 据; "it is understood", 据悉's usual English), an approximation (大概 is
  as often "about"), or any hedge of the lists. A future (将, "will") is no hedge:
  "perhaps the talks will fail" as 谈判将失败 is flagged. In a translation of English, a
  word of charging (指控) answers only beyond the original's own "charge"s: in "he
  allegedly moved the money, a charge that will be heard separately" as 他将资金转出，该项
  指控将另行审理, 指控 renders "a charge", and "allegedly" is gone. A verb of saying
  still answers however often the original says: "witnesses said he reportedly shouted"
  as 目击者称他曾高喊 keeps the claim attributed.

Attributions are major (Accuracy/Omission: the claim becomes a fact), epistemic adverbs
minor. The span is the hedge in the original. Hedges the translation adds are left alone
(a translator may soften a claim the original makes outright).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from aligner_gui.core.qe.hits import Hits, RuleHit

__all__ = ["hedge_rule"]

# The hedges that trigger the check, by language of the original: attributions (major)
# and epistemic adverbs (minor).
_EN_ATTRIBUTION = (
    r"allegedly|reportedly|purportedly|supposedly|alleged|suspected|"
    r"(?:is|are|was|were|been|being)\s+(?:said|reported|alleged|believed|thought|rumou?red|"
    r"suspected|understood)\s+to"
)
# A modal of the past ("may have been linked", "could have caused") guesses at what
# happened, as "appears to" and "is likely to" do; a bare "may" or "could" is as often
# permission or ability, and is left out.
_EN_EPISTEMIC = (
    r"perhaps|possibly|probably|maybe|apparently|presumably|conceivably|likely|unlikely|"
    r"(?:may|might|could)\s+(?:well\s+)?have\s+(?!to\b)[a-z]+|"
    r"(?:appear|seem)(?:s|ed)?\s+to"
)
_ZH_ATTRIBUTION = "据称|据报道|据报|据悉|据了解|据说|据传|据信|涉嫌|疑似|疑为|被指|传闻"
# (好像 and 看来 are left out: as often "like" in a simile and "in my view"; 估计 is as
# often "estimated" before a figure.) 或将 and 恐将 are news Chinese's "may".
_ZH_EPISTEMIC = "也许|或许|大概|似乎|恐怕|兴许|多半|想必|可能|或将|恐将"
# Words of the triggering lists that are no hedge here.
_ZH_NOT_HEDGES = re.compile("尽可能|不可能|可能性|大概念")

# What answers a hedge in the translation (any one of them will do).
_EN_ANSWERS = re.compile(
    r"\b(?:" + _EN_ATTRIBUTION + "|" + _EN_EPISTEMIC + r"|may|might|could|would|should|"
    r"can|seem\w*|appear\w*|claim\w*|reports?|reported\w*|reporters?|reporting\s+that|"
    r"according|said|say|says|saying|told|"
    r"believ\w*|think\w*|thought|suspect\w*|expect\w*|estimat\w*|likely|unlikely|"
    r"possib\w*|probab\w*|rumou?r\w*|doubt\w*|uncertain\w*|guess\w*|suppos\w*|"
    r"allege\w*|accus\w*|charg\w*|if|whether|perhaps|sure|assum\w*|chance\w*|"
    r"seemingly|evidently|presum\w*|indicat\w*|suggest\w*|like|as\s+if|as\s+though|"
    r"felt|feel\w*|opinion|view|understood|learn\w*|apparent\w*|afraid|fear\w*|worr\w*|"
    r"risk\w*|about|around|"
    r"roughly|approximately|nearly|most\w*)\b",
    re.IGNORECASE,
)
# (Single characters that are as often part of an unrelated word are left out: 嫌 of
# 嫌疑人 "the suspect", 或 "or", 将 "will", 要 "need"; 道 counts only as "said:".)
_ZH_ANSWERS = re.compile(
    _ZH_ATTRIBUTION + "|" + _ZH_EPISTEMIC + "|可|会|會|能|应|應|估|预计|預計|预期|"
    "认为|認為|相信|表示|称|稱|说|說|据|據|报道|報道|传|傳|怀疑|懷疑|猜|显得|顯得|似乎|"
    "像是|未必|不一定|说不定|不确定|有望|料|或将|或將|或已|或与|或與|恐将|恐將|疑为|疑為|疑因|"
    "指控|指称|指稱|控告|若|如果|是否|吧|吗|嗎|么|麼|"
    "呢|难道|難道|岂|豈|道[：:，,]|好像|看来|看來|仿佛|彷彿|看上去|看起来|看起來|看似|貌似|"
    "好似|似的|不知|不清楚"
)

# Words holding an answer's character for no hedge (能 of 氢能 "hydrogen energy", 会 of
# 社会 "society", 据 of 数据 "data"): blanked before the answers are looked for.
_ZH_NOT_ANSWERS = re.compile(
    "社会|社會|会议|會議|会谈|會談|会见|會見|会面|會面|大会|大會|协会|協會|委员会|委員會|学会|"
    "學會|机会|機會|晚会|晚會|会长|會長|国会|國會|议会|議會|峰会|峰會|年会|年會|展会|展會|博览会|"
    "运动会|運動會|聚会|聚會|宴会|宴會|商会|商會|工会|工會|会员|會員|会计|會計|会场|會場|都会|都會|"
    "能源|能力|功能|性能|技能|智能|能量|能效|产能|產能|节能|節能|储能|儲能|氢能|氫能|电能|電能|"
    "核能|热能|熱能|光能|动能|動能|体能|體能|效能|才能|本能|职能|職能|潜能|潛能|"
    "可持续|可持續|可再生|可靠|可控|可视|可視|可观|可觀|可口|可爱|可愛|可怕|可惜|许可|許可|认可|認可|"
    "应对|應對|应用|應用|反应|反應|供应|供應|适应|適應|相应|相應|响应|響應|效应|效應|回应|回應|"
    "对应|對應|应急|應急|答应|答應|感应|感應|"
    "传统|傳統|传播|傳播|传递|傳遞|宣传|宣傳|传输|傳輸|遗传|遺傳|传媒|傳媒|传染|傳染|传奇|傳奇|"
    "数据|數據|证据|證據|依据|依據|据点|據點|据此|據此|"
    "名称|名稱|称为|稱為|称号|稱號|称赞|稱讚|对称|對稱|简称|簡稱|职称|職稱|号称|號稱|"
    "说明|說明|小说|小說|学说|學說|游说|遊說|若干"
)

# Words of charging an English original holds for its own sake, and their Chinese: the
# translation's 指控 answer the hedge only beyond the original's count of "charge"s.
# (Modals were counted so too: 也许能 as "might be able" then read "able" as no answer,
# and 会 of 批判会 "meeting" as a modal; they answer as before.)
_EN_CHARGE = re.compile(r"\b(?:charg\w*|accus\w*|indict\w*|prosecut\w*)\b", re.IGNORECASE)
_ZH_CHARGE = re.compile("指控|指称|指稱|控告")
# "accused him of allegedly embezzling": the charge governs the hedge, and 指控他挪用
# keeps the claim a charge.
_GOVERNED = re.compile(r"\b(?:accus|charg|indict)\w*\s+(?:\w+\s+){0,3}?(?:of|with)\s+"
                       r"(?:allegedly|reportedly|purportedly)\b", re.IGNORECASE)


def _answered(src: str, found: list[re.Match[str]], tgt: str, src_lang: str,
              tgt_lang: str) -> bool:
    """Whether the translation holds an answer the original's own words do not explain."""
    answers = _EN_ANSWERS if tgt_lang == "en" else _ZH_ANSWERS
    if tgt_lang == "zh":
        tgt = _ZH_NOT_ANSWERS.sub(lambda m: "\x00" * len(m.group()), tgt)
    if src_lang != "en" or _GOVERNED.search(src):
        return answers.search(tgt) is not None
    # 被指控 "was charged": the 指控 is the charge, not the attribution 被指 "is said to"
    matches = list(answers.finditer(tgt.replace("被指控", "被\x00指控")))
    if not matches:
        return False
    rest = src
    for m in found:  # the hedge's own words are not the original's words of a kind
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    if not all(_ZH_CHARGE.fullmatch(m.group()) for m in matches):
        return True  # an answer of another kind
    return len(matches) > len(_EN_CHARGE.findall(rest))


@cache
def _triggers(lang: str) -> re.Pattern[str]:
    """The triggering hedges of one language, group ``a`` (attribution) or ``e``."""
    if lang == "en":
        return re.compile(rf"\b(?:(?P<a>{_EN_ATTRIBUTION})|(?P<e>{_EN_EPISTEMIC}))\b",
                          re.IGNORECASE)  # fmt: skip
    return re.compile(f"(?P<a>{_ZH_ATTRIBUTION})|(?P<e>{_ZH_EPISTEMIC})")


# Every English trigger holds one of these (lowercased): a text without any has none, and
# testing for them is cheaper than the pattern (the risk pass runs the rule on every bead).
_EN_STEMS = ("alleg", "report", "purport", "suppos", "suspect", "said", "believed",
             "thought", "rumo", "understood", "perhaps", "possibl", "probabl", "maybe",
             "apparent", "presum", "conceiv", "likel", "have", "appear", "seem")  # fmt: skip


# Memoised per text pair: the risk pass (risk._rule_floor) and the QA checks ask the same
# question of every bead, and the window asks again after each edit.
@lru_cache(maxsize=1 << 16)
def hedge_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """An attribution or hedge of the original with nothing that hedges in the translation."""
    if src_lang == tgt_lang or src_lang not in ("en", "zh"):
        return ()
    if src_lang == "en":
        low = src.lower()
        if not any(stem in low for stem in _EN_STEMS):
            return ()
    text = _ZH_NOT_HEDGES.sub(lambda m: "\x00" * len(m.group()), src) if src_lang == "zh" else src
    found = list(_triggers(src_lang).finditer(text))
    if not found:
        return ()
    if _answered(text, found, tgt, src_lang, tgt_lang):
        return ()
    hits = []
    for m in found:
        attribution = m.group("a") is not None
        kind = "attribution" if attribution else "hedge"
        hits.append(
            RuleHit(
                "source",
                m.start(),
                m.end(),
                "Accuracy/Omission",
                "major" if attribution else "minor",
                f"{kind} dropped: the original says '{m.group(0)}', the translation "
                "states it without any hedge",
            )
        )
    return tuple(hits)
