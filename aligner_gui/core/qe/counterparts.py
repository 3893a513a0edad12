"""Roles and flows turned round, for the direction check (no Qt, no dictionary).

"The judge said Vexton, the plaintiff, had failed" rendered 被告维克斯顿 ("the defendant")
swaps who sued whom while every other word translates: the bead score and the lens see a
faithful sentence. Such words come in counterpart pairs (plaintiff and defendant, buyer
and seller, imports and exports ...). A bead whose source names one of a pair and not the
other, and whose translation names only the other, is flagged: the span is the
translation's word, Accuracy/Mistranslation, major.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aligner_gui.core.qe.hits import Hits, RuleHit

__all__ = ["counterpart_rule"]

# (English words, Chinese words) of one role, against the same of its counterpart.
_PAIRS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    # 被告知/被告诉 "was told" are no defendant.
    ((r"plaintiffs?|claimants?", "原告|起诉方"), (r"defendants?", "被告(?![知诉])")),
    ((r"prosecut(?:ion|ors?)", "检方|控方|检察官"), (r"defen[cs]e (?:lawyers?|team|attorneys?)",
                                                   "辩方|辩护律师")),
    ((r"buyers?|purchasers?|buy-side", "买方|买家|购买方|购房者|买房人"),
     (r"sellers?|vendors?|sell-side", "卖方|卖家|出售方")),
    # Trade only: "imported cases" are 输入病例, and 出口 is also an exit.
    ((r"imports?", "进口"), (r"exports?", "出口")),
    ((r"creditors?", "债权人|债权方(?!面)"), (r"debtors?", "债务人|债务方(?!面)")),
    ((r"lenders?", "贷款方|放贷方"), (r"borrowers?", "借款人|借款方")),
    ((r"landlords?", "房东"), (r"tenants?|renters?", "房客|租户|租客")),
    ((r"surplus(?:es)?", "顺差|盈余"), (r"deficits?", "逆差|赤字")),
    ((r"inflows?", "流入"), (r"outflows?", "流出")),
)
# Left out, after a hunt for false alarms on faithful pairs: winner/loser ("only losers"
# for 没有赢家), upstream/downstream (力争上游 "strive for the top"), employer/employee
# (员工超过50人的企业 for "employers with more than 50 staff").
_ROLES = [
    ({"en": re.compile(rf"\b(?:{en})\b", re.I), "zh": re.compile(zh)}, k, side)
    for k, pair in enumerate(_PAIRS)
    for side, (en, zh) in enumerate(pair)
]


def _roles(text: str, lang: str) -> dict[tuple[int, int], tuple[int, int]]:
    """(pair, side) -> span of its first mention in ``text``."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for patterns, pair, side in _ROLES:
        pattern = patterns.get(lang)
        m = pattern.search(text) if pattern is not None else None
        if m:
            found[(pair, side)] = m.span()
    return found


@lru_cache(maxsize=1 << 15)
def counterpart_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """The first role the source names alone whose counterpart alone the translation names."""
    if src_lang == tgt_lang:
        return ()
    mine = _roles(src, src_lang)
    if not mine:
        return ()
    theirs = _roles(tgt, tgt_lang)
    for (pair, side), (s0, s1) in mine.items():
        other = (pair, 1 - side)
        if other in mine or (pair, side) in theirs or other not in theirs:
            continue
        t0, t1 = theirs[other]
        comment = (f"role: source says '{src[s0:s1]}', translation says '{tgt[t0:t1]}' "
                   "(its counterpart)")
        return (RuleHit("target", t0, t1, "Accuracy/Mistranslation", "major", comment),)
    return ()
