"""Classify English text that the translation left out.

Editors of Chinese news translations routinely drop furniture of the English page:
the headline (given separately), "MORE:" cross-links and photo captions. Those
omissions are harmless; an omitted *content* sentence is not. The rules below look
at the shape of the text (layout, credit lines, caption grammar, datelines), never at
particular stories, and they err towards ``content`` so that a real omission is never
hidden behind a harmless-looking class.
"""

from __future__ import annotations

import re

from aligner_gui.core.text.load import COPYRIGHT_LINE
from aligner_gui.core.text.numbers import MONTH_NAMES

HEADLINE = "headline"
MORE_LINK = "more-link"
PHOTO_CAPTION = "photo-caption"
CONTENT = "content"
# Furniture beyond the first four classes (model.OMISSION_CLASSES lists all six):
# a byline or contributor line and an editor's note or correction notice. Both are
# routinely left out of translations.
BYLINE = "byline"
EDITOR_NOTE = "editor-note"
EXTRA_CLASSES = (BYLINE, EDITOR_NOTE)

# Longest text (in words) still treated as a headline.
HEADLINE_MAX_WORDS = 22
HEADLINE_MAX_CHARS = 170

# -- more-link -------------------------------------------------------------------------

_LINK_FIRST = {
    "more",
    "read",
    "related",
    "see",
    "also",
    "watch",
    "listen",
    "click",
    "further",
    "photos",
    "gallery",
}
_LINK_WORDS = _LINK_FIRST | {
    "story",
    "stories",
    "article",
    "articles",
    "coverage",
    "reading",
    "video",
    "videos",
    "here",
    "this",
    "the",
    "on",
    "from",
    "about",
    "latest",
    "link",
    "links",
    "too",
    "next",
    "full",
}
_LINK_PREFIX = re.compile(
    r"^\s*(?:[►▶▸•*»>→]\s*)?[\[(]?\s*([A-Za-z][A-Za-z' ]{0,40}?)\s*[\])]?\s*[:：>»|]"
)
# "Follow AP's coverage of the storm at https://…", "Follow Jane Doe on X: @janedoe".
_FOLLOW = re.compile(r"^\s*Follow\b.{0,120}?(?:https?://|www\.|\S+\.(?:com|org|net)\b|@\w)")
# A web page's calls to action, copied with the article: "Sign up for our newsletter",
# "Click here to read more.", "Watch the video above.", "Advertisement".
_CALL_TO_ACTION = re.compile(
    r"^\s*(?:(?:Sign\s+up|Subscribe|Click|Tap|Download|Share|Watch|Listen|Read|Get|Join"
    r"|Register|Don['’]t\s+miss|Like\s+us|Follow\s+us)\b[^.!?]{0,80}?\b(?:newsletters?"
    r"|here|above|below|app|podcasts?|video|updates|briefing|inbox|e-?mail|links?|article"
    r"|story|Facebook|Twitter|Instagram|WhatsApp|YouTube|channel)\b[^.!?]{0,60}[.!]?"
    r"|Advertisement|ADVERTISEMENT|Share\s+this\s+(?:article|story)|Continue\s+reading"
    r"|Skip\s+to\s+(?:main\s+)?content)\s*$"
)

# -- photo captions --------------------------------------------------------------------

_MONTH = rf"(?:{MONTH_NAMES}\.?)"  # "Sept.", "June", "January"
_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
# The caption dateline: "... in Vienna, June 23, 2020." at the very end (comma-led, with
# the year; running news text says "on June 23" and rarely ends on a full date).
_DATELINE_END = re.compile(rf",\s+(?:[A-Z][a-z]+day,?\s+)?{_DATE}\s*\.?\)?\s*$")

_STRONG_CAPTION = [
    # Agency credit lines: "(AP Photo/Evan Vucci)", "(Reuters photo)", "(Getty Images)".
    re.compile(r"\((?:[A-Z][\w.&'-]*\s+){1,3}(?:Photo|PHOTO|Pool Photo)s?\s*[/)]"),
    re.compile(r"\bPhoto(?:graph)?s?\s*(?:by|credit|courtesy)\b", re.I),
    re.compile(r"\b(?:Getty Images|Shutterstock|Xinhua via Getty|via Getty|AFP via)\b"),
    # Labels: "Photo: ...", "Credit: ...", "Pictured: ...".
    re.compile(
        r"(?:^|\(|[.!?]\s+)(?:Photo(?:graph)?|Image|Picture|Credit|Pictured|Caption|Illustration)"
        r"\s*[:：]",
        re.I,
    ),
    # "In this ... file photo", "handout photo", "undated image".
    re.compile(
        r"\b(?:file|handout|undated|archive|archival|pool|courtesy)\s+"
        r"(?:photo(?:graph)?|image|picture|pic|video|still|screenshot|screen\s?grab)s?\b",
        re.I,
    ),
    re.compile(r"^\s*FILE\s*[-–—:]"),
    # "This image provided by NASA shows …", "In this photo released by the army, …".
    re.compile(
        r"^\s*(?:In\s+)?(?:this|these)\s+(?:[\w-]+\s+){0,3}?(?:photo(?:graph)?|image|"
        r"picture|video|frame|screenshot|screen\s?grab)s?\s+(?:provided|released|made\s+"
        r"available|distributed|obtained|posted|shared|taken)\s+by\b",
        re.I,
    ),
    re.compile(
        r"^\s*In this\b[^.]{0,80}?\b(?:photo(?:graph)?|image|picture|pic|screen\s?grab|"
        r"screenshot|handout)s?\b",
        re.I,
    ),
    re.compile(r"\b(?:is|are|was|were)?\s*(?:seen|shown|pictured)\s+(?:here|above|below)\b", re.I),
    re.compile(r"\bpictured\b", re.I),
    re.compile(r"\((?:L|R|C|left|right|center|centre|front|top|bottom)\s*(?:-|to)?\s*(?:R|L)?\)"),
]

# Present-tense verbs typical of caption grammar ("X takes questions", "X is moored").
_CAPTION_VERBS_SINGULAR = (
    "addresses|answers|arrives|attends|boards|carries|casts|celebrates|chairs|cheers|"
    "checks|claps|departs|delivers|displays|exits|gestures|greets|holds|hugs|inspects|"
    "kneels|leaves|listens|looks|marches|meets|pauses|points|poses|prays|prepares|"
    "presents|raises|reacts|reads|receives|rests|rides|salutes|shakes|sits|smiles|"
    "speaks|stands|steps|takes|talks|testifies|tours|visits|votes|waits|walks|watches|"
    "waves|wears|wipes|writes|rises|burns|flies|sails|floats|lands|passes|patrols|"
    "crosses|drives|hangs|lies|sits"
)
_CAPTION_VERBS_PLURAL = (
    "arrive|attend|gather|gesture|line up|listen|march|pose|protest|rally|sit|stand|wait|"
    "walk|watch|wave|cheer|pray|queue"
)
_CAPTION_PRESENT = re.compile(rf"\b(?:{_CAPTION_VERBS_SINGULAR}|{_CAPTION_VERBS_PLURAL})\b")
_CAPTION_PASSIVE = re.compile(
    r"\b(?:is|are)\s+(?:seen|shown|pictured|displayed|moored|docked|parked|anchored|"
    r"reflected|silhouetted|illuminated|lit|surrounded|escorted|flanked|framed|projected|"
    r"stacked|lined up|piled|visible|hoisted|towed|guarded|gathered|crowded)\b"
)
_CAPTION_PROGRESSIVE = re.compile(
    r"\b(?:is|are)\s+(?!expected|going|set|due|scheduled|planning|hoping|seeking|trying)"
    r"\w+ing\b"
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|according to|announced|stated|wrote|added|argued|"
    r"warned|claimed|insisted|reported|tweeted|will|would|could|should|might|must|"
    r"was|were|had|has|have)\b",
    re.I,
)
# A sentence end inside the text (not after initials or "St.", "Mr.", "Gen." ...).
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?]\s+[A-Z\"“]")
_QUOTES = re.compile(r"[\"“”]")
# A place trailer: "... in Vienna.", "... near Kronstadt, Russia." (Capitalised words).
_PLACE_END = re.compile(
    r"\b(?:in|near|at|outside|inside|off|over|of|from)\s+(?:the\s+)?[A-Z][\w.'-]*"
    r"(?:\s+[A-Z][\w.'-]*)*(?:,\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)*\s*\.?\s*$"
)

# -- bylines and editor's notes -------------------------------------------------------

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|al|bin|el|la|le|du))*"
# "By Jane Doe, Associated Press", "By JANE DOE and JOHN ROE", "By Jane Doe | Reuters".
_BYLINE = re.compile(
    rf"^\s*(?:By|BY)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
    rf"(?:\s*[,|/—–-]\s*(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){{0,5}})?\s*$"
)
# "Associated Press writer Jim Gomez in Manila contributed to this report.",
# "Reporting by Jane Doe; Editing by John Roe".
_CONTRIBUTED = re.compile(
    r"\bcontributed(?:\s+(?:reporting|research|to\s+(?:this|the)\s+"
    r"(?:report|story|article)))?\s*\.?\s*$"
)
# A place and a date on a line of their own, closing a statement: "New York, 12 June
# 2024", "GENEVA, June 12, 2024" (a UN statement's; it was a dropped sentence at risk 0.9).
_PLACE_DATE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'’-]{{1,30}},\s*)?(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\.?\s*$")
_CREDITS = re.compile(
    r"^\s*(?:\(?(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Research)\s+by\b)",
    re.I,
)
_EDITOR_LABEL = re.compile(
    r"^\s*(?:Editor['’]?s\s+note|EDITOR['’]?S\s+NOTE|Correction|CORRECTION|Clarification|"
    r"CLARIFICATION)\s*[:：—–-]",
)
_EDITOR_NOTICE = re.compile(
    r"^\s*(?:This|An\s+earlier\s+version\s+of\s+this|A\s+previous\s+version\s+of\s+this)"
    r"\s+(?:story|article|report|post)\s+(?:(?:has\s+been|was|is\s+being)\s+"
    r"(?:corrected|updated|clarified|revised|amended|changed)|misstated|incorrectly|"
    r"misidentified|misspelled|misreported|erroneously)\b",
    re.I,
)


def is_byline(text: str, *, is_whole_paragraph: bool = True) -> bool:
    """ "By Jane Doe, Associated Press" or a contributor line closing the story."""
    stripped = text.strip()
    if not stripped or not is_whole_paragraph or len(_words(stripped)) > 40:
        return False
    if len(_words(stripped)) <= 16 and _BYLINE.match(stripped):
        return True
    if _CREDITS.match(stripped) or COPYRIGHT_LINE.match(stripped) or _PLACE_DATE.match(stripped):
        return True
    # One sentence ending on "contributed (to this report)".
    return bool(_CONTRIBUTED.search(stripped)) and not _SENTENCE_BREAK.search(stripped)


# Funding disclosure: "The Associated Press receives support from … The AP is solely
# responsible for all content."
_DISCLOSURE = re.compile(
    r"^\s*(?:The\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}\s+receives\s+"
    r"(?:financial\s+)?support\s+from\b|\bis\s+solely\s+responsible\s+for\s+all\s+content\b"
)


def is_editor_note(text: str) -> bool:
    """ "Editor's note: …", "CORRECTION: …", "This story has been corrected to show …",
    and the funding disclosure some agencies close stories with."""
    stripped = text.strip()
    if not stripped:
        return False
    return bool(
        _EDITOR_LABEL.match(stripped)
        or _EDITOR_NOTICE.match(stripped)
        or _DISCLOSURE.search(stripped)
    )


# What a Chinese translation adds as a line of its own, page furniture rather than
# translation: a note (编者注/译者注/编者按), a source or author line (来源：…, 作者：…,
# 责任编辑：…, after a date or not), a share or related-reading line (分享到：…, 相关阅读).
_ZH_NOTE = re.compile(
    r"^[（(【\[]?\s*(?:编者注|编者按|译者注|译注|编注|注)\s*[：:]"
)
_ZH_BYLINE = re.compile(
    r"^(?:[（(【\[]?\s*)?(?:[\d\-/年月日:：.\s]+)?\s*(?:来源|作者|责任编辑|责编|编辑|稿源|记者"
    r"|通讯员|原标题|图片来源|图源|摄影|撰文)\s*[：:]"
)
_ZH_LINKS = re.compile(
    r"^[【\[（(]?\s*(?:分享到|分享|扫一扫|扫码|微信扫一扫|相关阅读|相关新闻|相关报道|延伸阅读"
    r"|推荐阅读|更多精彩|更多阅读|点击查看|打印本页|关闭窗口|纠错|完)\s*(?:[】\])）：:]|$)"
)
ZH_NOTE_MAX_CHARS = 120


# After 记者： a sentence is the reporter's question in an interview (记者：您怎么看？),
# a name or two the byline (记者：张晓明 李华).
_ZH_SENTENCE_MARK = re.compile("[，。？！；,?!;]")


def _speaks(label: str, rest: str) -> bool:
    return ("记者" in label or "通讯员" in label) and (
        len(rest) > 20 or _ZH_SENTENCE_MARK.search(rest) is not None)


def zh_furniture(text: str) -> str | None:
    """The class of a Chinese line that is no translation but the page's or translator's
    own: "editor-note" (（编者注：本文数据均以美元计价。）), "byline" (2024-12-06 来源：新华网
    作者：张三), "more-link" (分享到：微信 微博, 相关阅读, （完）); None for anything else."""
    stripped = text.strip()
    if len(stripped) > ZH_NOTE_MAX_CHARS:
        return None
    if _ZH_NOTE.match(stripped):
        return EDITOR_NOTE
    byline = _ZH_BYLINE.match(stripped)
    if byline and not _speaks(byline.group(0), stripped[byline.end():]):
        return BYLINE
    if _ZH_LINKS.match(stripped):
        return MORE_LINK
    return None


# -- headline --------------------------------------------------------------------------

_FINAL_PUNCT = re.compile(r"[.。;；:：…]\W*$")
_ZH_SENTENCE_PUNCT = re.compile(r"[。！？!?；;：:…]|[.](?!\d)")
_ZH_CHAR = re.compile(r"[\u4e00-\u9fff]")
ZH_HEADLINE_MAX_CHARS = 40
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "nor",
    "of",
    "off",
    "on",
    "or",
    "over",
    "per",
    "so",
    "than",
    "the",
    "to",
    "up",
    "vs",
    "via",
    "with",
    "yet",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)

# A wire story's end mark: Xinhua's "Enditem", Yonhap's "(END)", "-30-", "###"; （完）.
_END_MARK = re.compile(r"^\s*(?:Enditem|ENDITEM|End\s+item|\(\s*END\s*\)|\[\s*END\s*\]"
                       r"|-+\s*END\s*-+|-30-|#{3})\s*$")
_ZH_END_MARK = re.compile(r"^\s*[（(]\s*完\s*[)）]\s*$")


def is_end_mark(text: str, lang: str) -> bool:
    """A line that only ends a wire story: （完）, "Enditem", "(END)" …"""
    pattern = _ZH_END_MARK if lang == "zh" else _END_MARK if lang == "en" else None
    return pattern is not None and pattern.match(text) is not None


def is_more_link(text: str) -> bool:
    """ "MORE: …", "READ MORE: …", "RELATED: …", "SEE ALSO: …", "WATCH: …", a page's
    calls to action ("Sign up for our newsletter", "Advertisement") and a wire story's
    end mark ("Enditem", "(END)")."""
    if _FOLLOW.match(text) or _CALL_TO_ACTION.match(text) or _END_MARK.match(text):
        return True
    match = _LINK_PREFIX.match(text)
    if not match:
        return False
    rest = text[match.end() :].strip()
    if not rest:
        return False
    words = match.group(1).lower().replace("'", "").split()
    if not words or len(words) > 4 or words[0] not in _LINK_FIRST:
        return False
    if all(w in _LINK_WORDS for w in words):
        return True
    # "MORE FROM ABC NEWS:" - an upper-case label of a few words.
    return match.group(1).isupper() and words[0] in {"more", "read", "related", "watch"}


def _title_case_share(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper()) / len(content)


def is_headline(text: str, *, is_first_paragraph: bool, is_whole_paragraph: bool = True) -> bool:
    """A short, unpunctuated title line at the top of the document."""
    stripped = text.strip()
    if not is_first_paragraph or not is_whole_paragraph or not stripped:
        return False
    words = _words(stripped)
    if not words or len(words) > HEADLINE_MAX_WORDS or len(stripped) > HEADLINE_MAX_CHARS:
        return False
    if _FINAL_PUNCT.search(stripped):
        return False
    # Several sentences are not a title.
    if re.search(r"[a-z]{2}[.!?]\s+[A-Z]", stripped):
        return False
    if _title_case_share(words) >= 0.6:
        return True
    # Sentence-case headline: a short clause with no sentence-final punctuation.
    return len(words) <= 16 and stripped[0].isupper()


def zh_headline(text: str, *, is_first_paragraph: bool) -> bool:
    """A Chinese title line: the first paragraph, short, one sentence, unpunctuated
    (比亚迪超越特斯拉成为全球最大电动车销售商)."""
    stripped = text.strip()
    return (
        is_first_paragraph
        and 0 < len(stripped) <= ZH_HEADLINE_MAX_CHARS
        and _ZH_CHAR.search(stripped) is not None
        and not _ZH_SENTENCE_PUNCT.search(stripped)
    )


def is_photo_caption(text: str, *, is_whole_paragraph: bool = True) -> bool:
    """Credit lines and caption grammar: present-tense description plus place/date trailer."""
    stripped = text.strip()
    if not stripped:
        return False
    if any(p.search(stripped) for p in _STRONG_CAPTION):
        return True
    if not is_whole_paragraph:
        return False
    # Captions are one sentence without quotations or reported speech.
    if _QUOTES.search(stripped) or _REPORTING.search(stripped):
        return False
    if _SENTENCE_BREAK.search(stripped):
        return False
    if _DATELINE_END.search(stripped):
        return bool(
            _CAPTION_PRESENT.search(stripped)
            or _CAPTION_PASSIVE.search(stripped)
            or _CAPTION_PROGRESSIVE.search(stripped)
        )
    # No date: a present-tense passive of depiction ("is moored near", "are seen at")
    # ending on a place, in one short sentence.
    return (
        bool(_CAPTION_PASSIVE.search(stripped) and _PLACE_END.search(stripped))
        and len(_words(stripped)) <= 40
    )


def classify_unaligned(
    text: str,
    *,
    paragraph_index: int = -1,
    is_whole_paragraph: bool = False,
    is_first_paragraph: bool | None = None,
) -> str:
    """Class of unaligned English text: one of model.OMISSION_CLASSES.

    ``is_first_paragraph`` defaults to ``paragraph_index == 0``. Pass the whole
    paragraph's text when the whole paragraph is unaligned: the rules for headlines and
    captions only fire on whole paragraphs (a sentence dropped from a paragraph is
    content), except for unmistakable credit lines.
    """
    if is_first_paragraph is None:
        is_first_paragraph = paragraph_index == 0
    if is_more_link(text):
        return MORE_LINK
    if is_editor_note(text):
        return EDITOR_NOTE
    if is_byline(text, is_whole_paragraph=is_whole_paragraph):
        return BYLINE
    if is_headline(
        text, is_first_paragraph=is_first_paragraph, is_whole_paragraph=is_whole_paragraph
    ):
        return HEADLINE
    if is_photo_caption(text, is_whole_paragraph=is_whole_paragraph):
        return PHOTO_CAPTION
    return CONTENT
