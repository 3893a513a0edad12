"""English words of a sentence and their match keys: stems, numbers, names, months."""

from __future__ import annotations

import re
from typing import Any

from aligner_gui.core.coverage.word import (
    Word,
    keyed_runs,
    lexicon_vocabulary,
    number_keys,
    numbers_of,
)
from aligner_gui.core.lexicon.words import EN_MEANINGFUL_FUNCTION, EN_PERIOD_WORDS, EN_STOPWORDS
from aligner_gui.core.runtime.memo import remember
from aligner_gui.core.scoring.number_match import conversion_spans
from aligner_gui.core.text.names import en_name_key, is_pinyin

# English words the lexicon's stopword list lets through but that carry no content a
# translation must render word for word (discourse glue, intensifiers, light verbs).
_EN_FUNCTION = frozenset(
    """
whether although though because however unless thus therefore hence moreover
furthermore meanwhile otherwise instead rather quite pretty really fairly somewhat
merely simply perhaps maybe indeed actually yet either neither else whatever whoever
whichever wherever whenever anyway anything nothing everything everyone anyone nobody
everybody anybody got get gets getting make makes made making take takes took taking
put puts go goes went going come comes came coming thing things way ways lot lots
mr mrs ms miss kind kinds sort sorts several various certain like unlike well bit
little course fact able unable seem seems seemed seeming time times moment
""".split()
)

_EN_WORD = re.compile(
    r"(?<![A-Za-z])U\.S\.(?:A\.)?|(?<![A-Za-z])U\.K\."
    r"|\b[HQ][1-4]\b"
    r"|[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z\u00c0-\u024f]+)*"
    r"|\d+(?:[.,]\d+)*"
)
# A number with what may scale or qualify it ("1.5 million", "23 percent", "40%").
_EN_NUMBER_TAIL = re.compile(
    r"\s*(?:%|percent\b|pct\b|per\s+cent\b|[A-Za-z]+illion\b|thousand\b|hundred\b"
    r"|mln\b|bln\b|trln\b)"
    r"|(?:bn|tn|mn|m|k)\b",
    re.I,
)
# English wire copy dates by weekday ("the bureau said Thursday") where Chinese gives
# the day of the month (18日); without a calendar, the two cover each other in a bead.
WEEKDAY_KEY = "~weekday"
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# A decade ("1970s", "the '90s") is 20世纪70年代 / 90年代 in Chinese: it carries the
# decade's two digits, its century and the words decade and century.
_DECADE = re.compile(r"(?:1[0-9]|20)?[0-9]0")


def _decade_keys(raw: str, lex: Any) -> frozenset[str]:
    keys = {f"#{raw[-2:]}", lex.en_stem("decade"), lex.en_stem("century")}
    if len(raw) == 4:
        keys.add(f"#{int(raw[:2]) + 1}")  # 1970s: the 20th century
    return frozenset(keys)


# Business shorthand for parts of the year: "H1" is 上半年, "Q3" 第三季度.
_PERIODS = {"H": ("half", ("first", "second")),
            "Q": ("quarter", ("first", "second", "third", "fourth"))}
# "$450 million" is 4.5亿美元: the sign lends the currency's English name.
_CURRENCY_KEYS = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
# Month names ("Nov. 27" is 11月27日) carry the month's number key.
_EN_MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_PREFIXES = frozenset("co non pre anti ex vice semi sub multi mid post re".split())
# Short forms of news copy and the words they stand for: "Co., Ltd." is 有限公司, "km" 公里.
_SHORT_FORMS = {
    "co": "company", "corp": "corporation", "inc": "incorporated company", "ltd": "limited",
    "plc": "public limited company", "km": "kilometer kilometre",
    "kg": "kilogram", "cm": "centimeter centimetre", "mm": "millimeter millimetre",
    "mph": "mile hour", "kph": "kilometer kilometre hour",
    "sq": "square", "ft": "foot feet", "lb": "pound", "lbs": "pound", "oz": "ounce",
    "dept": "department", "govt": "government", "gov": "governor", "sen": "senator",
    "rep": "representative", "gen": "general", "lt": "lieutenant", "col": "colonel",
    "capt": "captain", "sgt": "sergeant", "dr": "doctor", "prof": "professor",
    "mt": "mount mountain", "ave": "avenue", "blvd": "boulevard", "univ": "university",
    "intl": "international", "natl": "national", "assn": "association",
}  # fmt: skip
# "third anniversary" is 三周年: ordinals carry their number's key (first and second
# are left alone: "second" is also a unit of time, "first" a stopword).
_EN_ORDINALS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
_ABBREV = {"u.s.": "usa", "u.s.a.": "usa", "us": "usa", "usa": "usa", "u.k.": "uk", "uk": "uk"}
# Keys of the meaningful function words (one stem each, the same for every lexicon).
_FUNCTION_KEYS: dict[str, frozenset[str]] = {}
_SHORT_KEYS: dict[str, frozenset[str]] = {}
# Suffixes Snowball keeps that hide a dictionary word (see _base_keys).
_BASE_SUFFIXES = ("est", "er")
_QUOTE = str.maketrans({"\u2019": "'", "\u2018": "'"})


# What a word's keys are made of depends on its spelling only: (spelling, keys, content,
# stem), shared by every occurrence, so a long text keeps one copy of each word's keys.
WordKeys = tuple[str, frozenset[str], bool, str]


def en_words(text: str, lex: Any, memo: dict[str, WordKeys] | None = None) -> tuple[Word, ...]:
    """The words of an English sentence with their keys (stem, number, name, month);
    ``memo`` keeps each spelling's keys (see WordKeys) across sentences."""
    out: list[Word] = []
    skip_to = 0  # the end of a number's unit ("5.2 percent", "1 mln"): read with it
    # "1.5 trillion yuan (about 211 billion U.S. dollars)": the conversion Xinhua's English
    # adds (or a translation drops) is no content of its own.
    aside = conversion_spans(text) if "(" in text else []
    for m in _EN_WORD.finditer(text):
        raw = m.group(0)
        start, end = m.start(), m.end()
        if start < skip_to:
            continue
        if raw[0].isdigit():
            tail = _EN_NUMBER_TAIL.match(text, end)
            values = numbers_of(raw + (tail.group(0) if tail else ""), "en") + numbers_of(raw, "en")
            if values:
                keys = number_keys(values)
                sign = text[start - 1 : start].strip() if start else ""
                if sign in _CURRENCY_KEYS:
                    keys |= {_CURRENCY_KEYS[sign], lex.en_stem(_CURRENCY_KEYS[sign])}
                if tail and tail.group(0).strip()[:1].isalpha():
                    # The unit is the number's: covered and tinted with it.
                    end = skip_to = tail.end()
                elif _DECADE.fullmatch(raw) and text[end : end + 1] == "s":
                    keys |= _decade_keys(raw, lex)  # "the 1970s" is 20世纪70年代
                    end = skip_to = end + 1
                out.append(Word(start, end, text[start:end], keys, True, raw))
            continue
        if raw[0] in _PERIODS and len(raw) == 2 and raw[1].isdigit():
            unit, ordinals = _PERIODS[raw[0]]
            n = int(raw[1])
            if n <= len(ordinals):
                keys = frozenset({unit, lex.en_stem(unit), ordinals[n - 1], f"#{n}"})
                out.append(Word(start, end, raw, keys, True, raw))
                continue
        low = raw.lower().translate(_QUOTE)
        if low.endswith("'s"):
            low = low[:-2]
        elif low.endswith("s'"):
            low = low[:-1]
        abbrev = _ABBREV.get(low) if (raw.isupper() or "." in raw) else None
        if abbrev:
            short = frozenset((abbrev, lex.en_stem(abbrev)))
            out.append(Word(start, end, raw, short, True, abbrev))
            continue
        if low in EN_STOPWORDS or "n't" in low or _contraction(low):
            if low in EN_MEANINGFUL_FUNCTION:
                # "can", "any", "through": never tested, but they cover 能够, 任何, 通过.
                key = _FUNCTION_KEYS.get(low)
                if key is None:
                    key = _FUNCTION_KEYS[low] = frozenset((lex.en_stem(low),))
                out.append(Word(start, end, raw, key, False, low))
            continue
        expansion = _SHORT_FORMS.get(low)
        if expansion and not text.startswith("-", end):  # not the "co" of "co-director"
            found = _SHORT_KEYS.get(low)  # the same for every lexicon
            if found is None:
                stems = {lex.en_stem(w) for w in expansion.split()}
                found = _SHORT_KEYS[low] = frozenset(stems | {low})
            out.append(Word(start, end, raw, found, True, low))
            continue
        after_hyphen = start > 0 and text[start - 1] == "-"
        if len(low) <= 2 and raw[0].islower() and not after_hyphen:
            continue  # "vs", "ok" (but "Ye", "UN", and "yu" of "Bao-yu" are names)
        if low in _EN_PREFIXES and text.startswith("-", end):
            continue  # "co" of "co-director", "non" of "non-starter"
        known = memo.get(raw) if memo is not None else None
        if known is None:
            known = _word_keys(raw, low, lex)
            if memo is not None:
                remember(memo, raw, known, 200_000)
        spelling, keys, content, stem = known
        out.append(Word(start, end, spelling, keys, content, stem))
    if aside:
        out = [Word(w.start, w.end, w.text, w.keys, False, w.base)
               if w.content and any(a <= w.start < b for a, b in aside) else w for w in out]
    return _join_names(text, out, lex)


def _word_keys(raw: str, low: str, lex: Any) -> WordKeys:
    stem = lex.en_stem(low)
    word_keys: set[str] = {stem}
    if "'" in low:  # O'Brien: also "brien"
        word_keys.add(lex.en_stem(low.rsplit("'", 1)[1]))
    if low.startswith("un") and len(stem) >= 6:
        word_keys.add(stem[2:])  # "unclear" is 不清楚: meets 清楚 "clear"
    month = _EN_MONTH_NUMBERS.get(low) if raw[0].isupper() else None
    if month:
        word_keys |= number_keys([str(month)])
        word_keys.add("month")  # "in March" is 3月份: 月份 is "month"
    word_keys |= _base_keys(low, stem, lex)
    ordinal = _EN_ORDINALS.get(low)
    if ordinal:
        word_keys |= number_keys([str(ordinal)])
    if low in _WEEKDAYS and raw[0].isupper():
        word_keys.add(WEEKDAY_KEY)  # "said Thursday" renders 18日: wire copy's weekday
    period = EN_PERIOD_WORDS.get(low)
    if period:
        word_keys.add(period)  # "annual" inflation is 年通胀率
    if raw[0].isupper() and len(low) >= 3:
        key = en_name_key(raw[:-2] if raw.endswith(("'s", "\u2019s")) else raw)
        if key:
            word_keys.add(key)
    return raw, frozenset(word_keys), low not in _EN_FUNCTION, stem


def _base_keys(low: str, stem: str, lex: Any) -> set[str]:
    """Stems of the word a comparative, superlative or agent noun is made from, when the
    dictionary knows them: "biggest" meets 最大 (big), "higher" 更高, "seller" 销售商
    (sell). Snowball leaves these suffixes on."""
    if not low.endswith(_BASE_SUFFIXES) or stem == low[:-2]:
        return set()
    known = lexicon_vocabulary(lex)
    out: set[str] = set()
    for suffix in _BASE_SUFFIXES:
        if not low.endswith(suffix):
            continue
        base = low[: -len(suffix)]
        if len(base) < 3:
            continue
        if base.endswith("i"):
            base = base[:-1] + "y"  # easiest: easy
        forms = [base, base + "e"]  # largest: large
        if base[-1] == base[-2] and base[-1] not in "lsz":
            forms.append(base[:-1])  # biggest: big
        out.update(k for k in (lex.en_stem(f) for f in forms) if k in known)
    return out


def _join_names(text: str, words: list[Word], lex: Any) -> tuple[Word, ...]:
    """Give "Jia Huan", "Bao-chai" and "Ye Wenjie" the joined key of their pinyin spelling.

    The lexicon spells a Chinese name as one word ("jiahuan", "baochai"); English writes
    its syllables apart.
    """

    def links(out: list[Word], k: int, j: int) -> bool:
        nxt = _bare(out[j + 1].text)
        return (
            j - k < 3
            and out[j].text[:1].isupper()
            and out[j].text.isalpha()  # "Ning's" ends a name
            and text[out[j].end : out[j + 1].start] in (" ", "-")
            and nxt.isalpha()
            and (nxt[:1].isupper() or text[out[j].end] == "-")
            # Syllables of a pinyin name: a title-case headline's "Foreign Ministry
            # Spokesperson Mao Ning" is no name of five syllables.
            and is_pinyin(out[j].text)
            and is_pinyin(nxt)
        )

    def run_key(out: list[Word], k: int, j: int) -> str | None:
        parts = [_bare(w.text) for w in out[k : j + 1]]
        if all(p.isalpha() for p in parts):
            return lex.en_stem("".join(p.lower() for p in parts))
        return None

    return keyed_runs(words, links, run_key)


def _bare(word: str) -> str:
    """A name part without its possessive: "Ning's" -> "Ning"."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _contraction(low: str) -> bool:
    """I'm, you're, we've, she'll, they'd: a function word with its verb."""
    head, _, tail = low.partition("'")
    return tail in ("m", "re", "ve", "ll", "d") and head in EN_STOPWORDS
