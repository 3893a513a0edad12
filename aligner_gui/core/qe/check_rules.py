"""The text rules of the QA checks: one bead's source and target texts in, hits out.

Here negation, links, untranslated text and repeated words; punctuation and units are
in ``check_marks``. Every rule has the signature ``rule(src, tgt, src_lang, tgt_lang)
-> tuple[RuleHit, ...]`` with offsets relative to the texts given, so ``checks.py``
can cache results per text pair and move them to document offsets. Rules are regular
expressions and small word lists (the negation rule alone may use the dictionary):
they run on the GUI thread after every edit, and must stay well under a second for a
10,000-bead document. Each errs on the side of silence: a check
that cries wolf on faithful translations gets switched off. ``benchmarks/qa_checks.py``
measures false flags on gold alignments and recall on planted errors.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from aligner_gui.core.qe.hits import Hits, RuleHit
from aligner_gui.core.qe.negation import (
    anchored,
    lexical_answers,
    strong_negations,
    weak_negations,
)

__all__ = [
    "link_spans",
    "negation_rule",
    "repeated_words_rule",
    "untranslated_rule",
    "urls_rule",
]


_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SIDE_NAMES = {"source": "source", "target": "translation"}


def _other(side: str) -> str:
    return "target" if side == "source" else "source"


# -- negation --------------------------------------------------------------------------


# Memoised per text pair: the risk pass (risk._rule_floor) and the QA checks ask the same.
@lru_cache(maxsize=1 << 15)
def negation_rule(src: str, tgt: str, src_lang: str, tgt_lang: str, lexicon: Any = None) -> Hits:
    """A clear negation on one side and nothing negative on the other.

    With the dictionary, only when the word the negation negates is translated on the
    other side (see ``negation.anchored``): literary translators restructure negations
    freely, and a rendered word without its negation is what a slip looks like.

    The span is the negation word on the side that has it: in the translation when it
    added one, in the source when the translation lost it (there is nothing to mark in
    the translation then). Accuracy/Mistranslation, major: the meaning is reversed.
    """
    src_strong = strong_negations(src, src_lang)
    tgt_strong = strong_negations(tgt, tgt_lang)

    def weak(text: str, lang: str, other: str) -> int:
        if lang == "zh" and lexicon is not None:
            return lexical_answers(text, other, lexicon)
        return weak_negations(text, lang)

    if src_strong and not tgt_strong and not weak(tgt, tgt_lang, src):
        side, span, texts = "source", src_strong[0], (src, tgt)
    elif tgt_strong and not src_strong and not weak(src, src_lang, tgt):
        side, span, texts = "target", tgt_strong[0], (tgt, src)
    else:
        return ()
    if lexicon is not None:
        langs = (src_lang, tgt_lang) if side == "source" else (tgt_lang, src_lang)
        if not anchored(texts[0], span, texts[1], langs[0], langs[1], lexicon):
            return ()
    word = texts[0][span[0] : span[1]]
    comment = f"negation: {_SIDE_NAMES[side]} has '{word}', {_SIDE_NAMES[_other(side)]} has none"
    return (RuleHit(side, span[0], span[1], "Accuracy/Mistranslation", "major", comment),)


# -- links: URLs, e-mail addresses, handles, hashtags ------------------------------------

_TLD = r"(?:com|org|net|gov|edu|int|mil|io|co|uk|cn|us|eu|info|biz|news|tv|ai|app|de|fr|jp|hk|tw)"
_LINK = (
    r"(?P<url>(?<![A-Za-z0-9])(?:https?://|www\.)[^\s<>\"'“”‘’（）()，。；、！？" + _CJK + r"]+)"
    # a bare domain: lower case (nhtsa.gov, with or without a path) or with a path
    # (FDA.gov/recalls); "Amazon.com" alone is a company's name
    r"|(?P<domain>(?<![A-Za-z0-9@._%+-])(?-i:(?:[a-z0-9-]+\.)+" + _TLD + r")(?![A-Za-z0-9-])"
    r"(?:/[^\s<>\"'“”‘’（）()，。；、！？" + _CJK + r"]*)?"
    r"|(?<![A-Za-z0-9@._%+-])(?:[A-Za-z0-9-]+\.)+" + _TLD + r"/[^\s<>\"'“”‘’（）()，。；、！？"
    + _CJK + r"]+)"
    r"|(?P<email>(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?P<handle>(?<![A-Za-z0-9_@.])@[A-Za-z0-9_]{2,30}(?![A-Za-z0-9_]))"
    r"|(?P<hashtag>(?<![A-Za-z0-9_&#])#(?:[A-Za-z][A-Za-z0-9_]*|[" + _CJK + r"][\w]*))"
)
_LINK_TAIL = ".,;:!?)]}'\"’”"
_LINK_LABEL = {"url": "URL", "domain": "URL", "email": "e-mail address", "handle": "handle",
               "hashtag": "hashtag"}


@cache
def _link_regex() -> re.Pattern[str]:
    """:data:`_LINK`, compiled when a text first hints at a link (case-insensitive classes
    of Chinese characters cost 20 ms to compile, in every process)."""
    return re.compile(_LINK, re.IGNORECASE)


_LINK_HINT = re.compile(r"[@#]|https?:|www\.|\." + _TLD + r"\b", re.IGNORECASE)
_CJK_CHAR = re.compile(f"[{_CJK}]")


def link_spans(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each URL, e-mail address, @handle and #hashtag of ``text``."""
    if not _LINK_HINT.search(text):
        return []
    out = []
    for m in _link_regex().finditer(text):
        kind = m.lastgroup or "url"
        start, end = m.span()
        while end > start and text[end - 1] in _LINK_TAIL:
            end -= 1
        out.append((kind, start, end))
    return out


def _link_key(kind: str, value: str) -> str:
    # Handles and hashtags ignore case where they are used; addresses are compared as written.
    return value.lower() if kind in ("handle", "hashtag") else value


def urls_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """Every source link must be in the translation as it is.

    A source link missing from the translation while the translation has another link
    of the same kind there is a mistranslation (span: that link in the translation);
    missing with nothing in its place is an omission (span: the source link). Major
    for URLs and e-mail addresses (readers act on them), minor for handles and hashtags.
    A hashtag translated in its place (#TSMC, #台积电) is no error: publications translate
    them.
    """
    src_links = link_spans(src)
    if not src_links:
        return ()
    tgt_links = link_spans(tgt)
    tgt_keys = {(k, _link_key(k, tgt[a:b])) for k, a, b in tgt_links}
    src_keys = {(k, _link_key(k, src[a:b])) for k, a, b in src_links}
    spare = [(k, a, b) for k, a, b in tgt_links if (k, _link_key(k, tgt[a:b])) not in src_keys]
    hits = []
    for kind, a, b in src_links:
        value = src[a:b]
        if (kind, _link_key(kind, value)) in tgt_keys:
            continue
        severity = "major" if kind in ("url", "domain", "email") else "minor"
        label = _LINK_LABEL[kind]
        other = next((s for s in spare if s[0] == kind), None)
        if other is not None:
            spare.remove(other)
            if kind == "hashtag" and (bool(_CJK_CHAR.search(value))
                                      != bool(_CJK_CHAR.search(tgt[other[1] : other[2]]))):
                continue  # #TSMC rendered #台积电: translated in its place, not changed
            comment = f"{label}: source has '{value}', translation has '{tgt[other[1] : other[2]]}'"
            hits.append(
                RuleHit("target", other[1], other[2], "Accuracy/Mistranslation", severity, comment)
            )
        else:
            comment = f"{label}: '{value}' is missing from the translation"
            hits.append(RuleHit("source", a, b, "Accuracy/Omission", severity, comment))
    return tuple(hits)


# -- untranslated text -----------------------------------------------------------------

_CJK_RUN = re.compile(f"[{_CJK}]+(?:[，、·・][{_CJK}]+)*")
_LATIN_WORD = r"[A-Za-z]+(?:['’.-][A-Za-z]+)*"
_LATIN_RUN = re.compile(f"{_LATIN_WORD}(?:[ \t]+{_LATIN_WORD})*")
_PARENS = re.compile(r"[(（][^()（）]*[)）]")
# Lower-case Latin a Chinese text legitimately keeps: units and abbreviations.
_KEPT_LOWER = frozenset(
    "km kg cm mm mg ml mph kph kmh kwh mah ghz mhz khz gb mb kb tb ppm rpm dpi fps bps kbps "
    "mbps gbps vs etc e.g i.e am pm".split()
)
# Code a translation keeps as it is: command-line options, `quoted code`, identifiers
# with underscores, calls, file names.
_CODE = re.compile(
    r"(?<![\w-])--?[A-Za-z][\w-]*|`[^`]+`|\b[A-Za-z]\w*_\w+|\b[A-Za-z_][\w.]*\(\)"
    r"|\b[\w-]+\.(?:py|js|ts|java|c|h|cpp|go|rs|rb|sh|exe|dll|json|xml|html?|css|md|txt"
    r"|csv|ya?ml|toml|ini|cfg|log|zip|gz|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg)\b",
    re.ASCII,  # Chinese characters are no word characters here: 调用main() is a call
)
_CLAUSE_CJK = 8  # characters of Chinese in an English text that make a whole clause
_CLAUSE_WORDS = 4  # English words in a Chinese text that make a whole clause


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def untranslated_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """Source-language text left in the translation.

    English translation: any run of Chinese characters. Chinese translation: a run of
    two or more lower-case English words, or a lower-case English word (3+ letters)
    that the source has too. Names (capitalised), acronyms, units, links, code
    (--options, file.py, snake_case, `code`) and glosses in brackets after the Chinese
    (软实力(soft power)) are not flagged. Minor; major for a
    whole clause.
    """
    if src_lang == tgt_lang:
        return ()
    hits = []
    if tgt_lang == "en":
        for m in _CJK_RUN.finditer(tgt):
            size = sum(1 for c in m.group(0) if c not in "，、·・")
            severity = "major" if size >= _CLAUSE_CJK else "minor"
            comment = f"untranslated: Chinese '{m.group(0)}' in the translation"
            hits.append(
                RuleHit(
                    "target", m.start(), m.end(), "Accuracy/Untranslated", severity, comment
                )
            )
        return tuple(hits)
    masked = _mask(tgt, [(a, b) for _k, a, b in link_spans(tgt)])
    masked = _mask(masked, [m.span() for m in _CODE.finditer(masked)])
    masked = _mask(masked, [m.span() for m in _PARENS.finditer(masked)])
    source_words = {w.lower() for w in re.findall(_LATIN_WORD, src)}
    for m in _LATIN_RUN.finditer(masked):
        words = [w for w in m.group(0).split() if w]
        lower = [w for w in words if w.islower() and w.lower() not in _KEPT_LOWER]
        if len(lower) >= 2:
            severity = "major" if len(words) >= _CLAUSE_WORDS else "minor"
            comment = f"untranslated: English '{m.group(0)}' in the translation"
        elif (
            len(words) == 1
            and lower
            and sum(c.isalpha() for c in lower[0]) >= 3
            and lower[0] in source_words
        ):
            severity = "minor"
            comment = f"untranslated: '{m.group(0)}' copied from the source"
        else:
            continue
        hits.append(
            RuleHit("target", m.start(), m.end(), "Accuracy/Untranslated", severity, comment)
        )
    return tuple(hits)


# -- repeated words --------------------------------------------------------------------

_EN_LETTERS = re.compile(r"[a-z]+")
_EN_REPEAT = re.compile(r"\b([A-Za-z]+(?:['’][A-Za-z]+)?)\s+(\1)\b", re.IGNORECASE)
# "that that" and "had had" are grammar; interjections and calls repeat on purpose.
# So are "gave her her things", "what it is is", "a thousand thousand" (KJV).
_EN_REPEAT_OK = frozenset(
    "that had ha hah haha he hee ho bye no yes yeah knock tut tsk blah la boo oh ah wow hey "
    "hmm chop pooh there now well very so go come quick bang boom tick tock ding dong mm "
    "baa woof meow murmur pom tom cha her is do did does thousand hundred million".split()
)
_EN_FUNCTION = frozenset(
    "the a an and but or nor in on at to of for with by from as if so it its he she they we "
    "you i me him them us my your our their this that these those there here are was were be "
    "been not".split()
)
# Function words and pronouns never reduplicate in Chinese: 我们我们 is a slip.
_ZH_NO_REDUP = (
    "我们 你们 他们 她们 它们 咱们 我的 你的 他的 她的 自己 这个 那个 这些 那些 这样 那样 这种 "
    "那种 因为 所以 但是 可是 如果 虽然 已经 可以 就是 或者 而且 并且 然后 以及 通过 关于 对于 "
    "由于 为了 因此 这是 那是 的是 之后 之前 以后 以前 其中 目前 今年 去年 表示"
).split()
_ZH_REPEAT = re.compile(
    "(?P<word>" + "|".join(_ZH_NO_REDUP) + r")(?P=word)"
    "|(?P<de>的)的"
    f"|(?P<chunk>[{_CJK}]{{3,8}})(?P=chunk)"
)
_DE_BEFORE_OK = frozenset("目有别別似是真对對好")  # 目的的, 有的的 ...: a word ending in 的
_DE_AFTER_OK = frozenset("确確士")  # 的确, 的士 begin with 的


def _zh_repeat_ok(text: str, m: re.Match[str]) -> bool:
    if m.group("de"):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        return before in _DE_BEFORE_OK or after in _DE_AFTER_OK
    chunk = m.group("chunk")
    if chunk is not None and len(set(chunk)) == 1:
        return True  # 哈哈哈哈哈哈: laughter, not a slip
    # 一大滴一大滴, 一步一步: "drop by drop", "step by step"
    return chunk is not None and chunk[0] == "一"


def repeated_words_rule(src: str, tgt: str, src_lang: str, tgt_lang: str) -> Hits:
    """The same word twice in a row in the translation ("the the", 我们我们, 的的).

    English "that that" and "had had" are grammar, interjections repeat on purpose and
    two capitalised copies are a name (Lin Lin); Chinese reduplication (常常, 看看,
    研究研究, 的的确确, 一步一步) is normal, so in Chinese only function words, pronouns
    and chunks of three or more characters count. A repetition the source has too is
    left alone. Fluency/Grammar, minor; the span is the second copy.
    """
    hits = []
    if tgt_lang == "zh":
        for m in _ZH_REPEAT.finditer(tgt):
            if _zh_repeat_ok(tgt, m):
                continue
            word = m.group("word") or m.group("de") or m.group("chunk")
            start = m.start() + len(word)
            if src.count(word * 2):
                continue  # the source repeats it too
            hits.append(
                RuleHit(
                    "target",
                    start,
                    m.end(),
                    "Fluency/Grammar",
                    "minor",
                    f"repeated word: '{word}' twice in a row",
                )
            )
        return tuple(hits)
    words = _EN_LETTERS.findall(tgt.lower())
    if not any(map(str.__eq__, words, words[1:])):
        return ()  # no word twice in a row: skip the (slow) back-reference pattern
    for m in _EN_REPEAT.finditer(tgt):
        word = m.group(1)
        if word.istitle() and m.group(2).istitle() and word.lower() not in _EN_FUNCTION:
            continue  # a name: Lin Lin (琳琳), Bao Bao; but "The The" is a slip
        if word.lower() in _EN_REPEAT_OK or re.search(
            rf"\b{re.escape(word)}\s+{re.escape(word)}\b", src, re.IGNORECASE
        ):
            continue
        hits.append(
            RuleHit(
                "target",
                m.start(2),
                m.end(2),
                "Fluency/Grammar",
                "minor",
                f"repeated word: '{word}' twice in a row",
            )
        )
    return tuple(hits)
