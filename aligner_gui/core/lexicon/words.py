"""Stopwords, irregular English forms and the word patterns the compiler and the lookups share."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = [
    "CJK",
    "EN_MEANINGFUL_FUNCTION",
    "EN_PERIOD_WORDS",
    "EN_STOPWORDS",
    "EN_WORD",
    "LATIN_WORD",
    "ZH_DET_MEASURE",
    "ZH_MEASURES",
    "ZH_STOPWORDS",
    "ZH_WORDLIKE",
    "all_numeral",
    "base_form",
    "en_tokens",
    "normalize_en",
]

# ---------------------------------------------------------------------------------------
# Stopwords
# ---------------------------------------------------------------------------------------

EN_STOPWORDS = frozenset(
    """
a an the and or but nor so yet if then than as of to in on at by for from with without
into onto upon over under about above below between among through during before after
since until till against within along across around behind beyond toward towards via per
is am are was were be been being have has had having do does did doing done will would
shall should can could may might must ought need dare let
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him
his himself she her hers herself it its itself they them their theirs themselves
this that these those there here where when while what which who whom whose why how
not no yes also too very just only even still already again ever never always often
all any both each every few more most other some such own same another much many
up down out off away back now then once s t d ll m re ve o y n't 's 'd 'll 'm 're 've
don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't couldn't
shouldn't hasn't haven't hadn't mustn't
sb sth sb's sth's etc e.g i.e esp oneself someone something somebody one's
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred thousand million billion trillion
said says say
thee thou thy thine hath doth unto shalt hast dost wilt saith
""".split()
)

ZH_STOPWORDS = frozenset(
    """
的 地 得 了 着 过 是 在 和 与 及 以及 或 或者 也 都 就 而 而且 并 并且 但 但是 却 则
这 那 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 此 其 之 其中 所 所以 因为
他 她 它 我 你 您 们 他们 她们 它们 我们 你们 咱们 自己 大家 谁 什么 怎么 怎样 哪 哪里
为 为了 被 把 将 让 给 对 对于 向 从 自 由 于 以 按 按照 根据 关于 至 到 往 跟 同 比
吗 呢 吧 啊 呀 哦 嘛 啦 么 着呢 罢了
个 些 一些 很 太 更 最 还 又 再 才 已 已经 曾 曾经 正 正在 要 会 能 可 可以 可能 应 应该
该 得 不 没 没有 未 无 非 别 有 有些 所有 每 各 某 另 另外 其他 其它 等 等等 之一
如 如果 若 虽然 虽 即使 尽管 因此 于是 然后 然而 那么 不过 只是 只 仅 仅仅 就是 即 便
说 表示 称 道 上 下 中 里 内 外 后 前 时 时候 当 之后 之前 以来 起来 下来 一个 这一
不是 还是 还有 只有 的话 这是 那是 就是 也是 都是 更是 要是 假如 倘若 既 亦 乃 即便 甚至
更加 越来越 是因为 之所以 地说 却说 说道 道 对此 处于 尚未 仍然 依然 依旧 再也 彼此 何必
何不 为何 如何 如此 似的 一样 一般 这儿 那儿 哪儿 这么 那么 多么 这位 那位 每个 有个 之类
而已 罢了 就要 不过 只不过 其实 当然 可是 于是乎 咱 俺 吾 汝 其间 此时 彼时 其时 方才 刚才
""".split()
)

# Stopwords that still carry meaning a translation renders with a word of its own: the
# modal of 能够 "can", the quantifier of 任何 "any" and 每 "each", the preposition of
# 通过 "through", the question word of 为什么 "why". CC-CEDICT glosses such words with
# nothing else, so without these they would have no English at all; the coverage lens
# lets them cover (never be tested themselves). Negation, articles, pronouns, copulas,
# "will" and "even" (stemmed like "evening") are left out.
EN_MEANINGFUL_FUNCTION = frozenset(
    """
can could may might must should need without about above below between among through
during before after since until against within along across around behind beyond toward
towards via over under why how when where who always often never ever already again still
only also too very just once all any both each every few more most other some same another
much many own said says say
""".split()
)

# English words of a period that Chinese renders with the period's own character:
# "annual" inflation is 年通胀率, "monthly" sales 月销售额, a "daily" newspaper 日报. Each
# also carries the period's stem as a key.
EN_PERIOD_WORDS = {
    "annual": "year", "annually": "year", "yearly": "year", "monthly": "month",
    "weekly": "week", "daily": "day", "nightly": "night", "hourly": "hour",
}  # fmt: skip

# 一只, 这颗, 那位 ...: a demonstrative or 一 with a measure word carries no content.
ZH_DET_MEASURE = re.compile(
    r"^[这那每一哪某几][个只把颗位条件种些张本间座块片根支杯双次回遍下声眼份项场篇句则段批群套番阵]$"
)
# Measure words: after a number (1550枚) they carry nothing English renders.
ZH_MEASURES = frozenset(
    "个只枚颗条张本件位名项座辆艘架台部支把块片根间家所头匹道首封株棵朵粒滴批群套"
)

# Irregular English forms -> the base form CEDICT uses ("went" must meet 去 "to go").
# Ambiguous forms (left, lay, bound, ground, wound, bit, bore) are omitted.
_IRREGULAR = {
    form: base
    for base, forms in (
        ("go", "went gone"), ("see", "saw seen"), ("take", "took taken"), ("come", "came"),
        ("get", "got gotten"), ("make", "made"), ("know", "knew known"),
        ("think", "thought"), ("tell", "told"), ("find", "found"), ("give", "gave given"),
        ("stand", "stood"), ("sit", "sat"), ("run", "ran"), ("eat", "ate eaten"),
        ("hear", "heard"), ("feel", "felt"), ("keep", "kept"), ("hold", "held"),
        ("bring", "brought"), ("buy", "bought"), ("begin", "began begun"),
        ("write", "wrote written"), ("speak", "spoke spoken"), ("fall", "fell fallen"),
        ("grow", "grew grown"), ("draw", "drew drawn"), ("drive", "drove driven"),
        ("ride", "rode ridden"), ("rise", "rose risen"), ("sing", "sang sung"),
        ("sleep", "slept"), ("spend", "spent"), ("lose", "lost"), ("meet", "met"),
        ("pay", "paid"), ("send", "sent"), ("sell", "sold"), ("understand", "understood"),
        ("win", "won"), ("wear", "wore worn"), ("wake", "woke woken"),
        ("throw", "threw thrown"), ("teach", "taught"), ("catch", "caught"),
        ("fight", "fought"), ("seek", "sought"), ("build", "built"), ("become", "became"),
        ("choose", "chose chosen"), ("forget", "forgot forgotten"), ("hide", "hid hidden"),
        ("lead", "led"), ("mean", "meant"), ("shake", "shook shaken"), ("shoot", "shot"),
        ("steal", "stole stolen"), ("strike", "struck stricken"), ("swear", "swore sworn"),
        ("break", "broke broken"), ("freeze", "froze frozen"), ("hang", "hung"),
        ("blow", "blew blown"), ("dig", "dug"), ("feed", "fed"), ("flee", "fled"),
        ("fly", "flew flown"), ("forgive", "forgave forgiven"), ("kneel", "knelt"),
        ("deal", "dealt"), ("bend", "bent"), ("bleed", "bled"), ("creep", "crept"),
        ("drink", "drank drunk"), ("leap", "leapt"), ("ring", "rang rung"),
        ("spring", "sprang sprung"), ("stick", "stuck"), ("swim", "swam swum"),
        ("swing", "swung"), ("tear", "tore torn"), ("weep", "wept"), ("sweep", "swept"),
        ("light", "lit"), ("slide", "slid"), ("bite", "bitten"),
        ("man", "men"), ("woman", "women"), ("child", "children"), ("foot", "feet"),
        ("tooth", "teeth"), ("mouse", "mice"), ("goose", "geese"),
        # Latin and Greek plurals ("stock indices" must meet 股指 "stock index")
        ("index", "indices"), ("crisis", "crises"), ("analysis", "analyses"),
        ("thesis", "theses"), ("hypothesis", "hypotheses"), ("diagnosis", "diagnoses"),
        ("criterion", "criteria"), ("phenomenon", "phenomena"), ("matrix", "matrices"),
        ("appendix", "appendices"), ("stimulus", "stimuli"), ("nucleus", "nuclei"),
        ("fungus", "fungi"), ("bacterium", "bacteria"), ("curriculum", "curricula"),
        # British past tenses
        ("learn", "learnt"), ("spell", "spelt"), ("burn", "burnt"), ("dream", "dreamt"),
        ("lean", "leant"), ("spoil", "spoilt"),
    )
    for form in forms.split()
}  # fmt: skip


def base_form(word: str) -> str:
    """The form CEDICT uses for a lowercased English word: irregular forms to their base
    ("went" -> "go"), British spellings to American ones ("tyre" -> "tire", "analysed" ->
    "analyzed"), since CC-CEDICT glosses in American spelling and much zh/en news (Hong
    Kong, British and Chinese state media) is British-spelled. The dictionary's glosses
    pass through here too, so both sides meet on one spelling."""
    word = american_spelling(word)
    return _IRREGULAR.get(word, word)


def american_spelling(word: str) -> str:
    """The American spelling of a lowercased word ("colour" -> "color"), else the word."""
    return _american_spellings().get(word, word)


@cache
def _american_spellings() -> dict[str, str]:
    # breame's table (Apache-2.0): 1,730 British spellings and their inflections.
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return BRITISH_ENGLISH_SPELLINGS


def spellings_file() -> str | None:
    """Where that table is (the dictionary cache depends on it), without importing it."""
    from importlib.util import find_spec

    try:
        spec = find_spec("breame.data.spelling_constants")
    except ImportError:
        return None
    return spec.origin if spec is not None else None


# ---------------------------------------------------------------------------------------
# Shared text helpers (compiled once)
# ---------------------------------------------------------------------------------------

_QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip
_EN_ABBREV = re.compile(r"(?<![A-Za-z])U\.S\.(?:A\.)?|\bUSA?\b|(?<![A-Za-z])U\.K\.|\bUK\b")
EN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|\d+(?:[.,]\d+)*")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ZH_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]")
LATIN_WORD = re.compile(
    r"^[A-Za-z\uff21-\uff3a\uff41-\uff5a][A-Za-z'\u2019\uff21-\uff3a\uff41-\uff5a-]*$"
)


def normalize_en(text: str) -> str:
    """NFKC, curly quotes and dashes folded to ASCII."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD)
    return text


def _abbrev(m: re.Match[str]) -> str:
    return "UK" if "K" in m.group(0) else "USA"


def en_tokens(text: str) -> list[str]:
    """Lowercased word tokens; hyphenated words split; possessive 's stripped."""
    text = normalize_en(text)
    text = _EN_ABBREV.sub(_abbrev, text)
    out = []
    for w in EN_WORD.findall(text):
        w = w.lower()
        if w.endswith("'s"):
            w = w[:-2]
        elif w.endswith("s'"):
            w = w[:-1]
        if w:
            out.append(w)
    return out


def all_numeral(word: str) -> bool:
    """True for a word of numerals only (一百, 1550, 3.5%): it carries a number, no meaning."""
    return all(c in _NUMERAL_CHARS for c in word)


_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿点.,%0123456789")
