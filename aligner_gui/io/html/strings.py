"""The HTML report's words, English and Chinese side by side (io/ cannot use Qt's translations).

Keys ending in ".1" are the singular form of the key without it.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "lang.en": ("English", "英文"),
    "lang.zh": ("Chinese", "中文"),
    "omitted": (
        "{n} of {total} {language} sentences have no translation: {what}.",
        "{total} 个{language}句子中有 {n} 个没有译文：{what}。",
    ),
    "omitted.1": (
        "1 of {total} {language} sentences has no translation: {what}.",
        "{total} 个{language}句子中有 1 个没有译文：{what}。",
    ),
    "all_translated": (
        "All {total} {language} sentences have a translation.",
        "{total} 个{language}句子都有译文。",
    ),
    "class.headline": ("{n} headlines", "{n} 个标题"),
    "class.headline.1": ("the headline", "标题"),
    "class.more-link": ("{n} \u2018MORE:\u2019 links", "{n} 个\u201cMORE:\u201d链接"),
    "class.more-link.1": ("a \u2018MORE:\u2019 link", "\u201cMORE:\u201d链接"),
    "class.page-line": ("{n} link, share or end lines", "{n} 个链接、分享或结束行"),
    "class.page-line.1": ("a link, share or end line", "链接、分享或结束行"),
    "class.photo-caption": ("{n} photo captions", "{n} 个图片说明"),
    "class.photo-caption.1": ("a photo caption", "图片说明"),
    "class.content": ("{n} content sentences", "{n} 个正文句子"),
    "class.content.1": ("a content sentence", "1 个正文句子"),
    "class.byline": ("{n} bylines", "{n} 个署名"),
    "class.byline.1": ("a byline", "署名"),
    "class.editor-note": ("{n} editor\u2019s notes", "{n} 个编者按"),
    "class.editor-note.1": ("an editor\u2019s note", "编者按"),
    "additions": (
        "{n} {language} sentences have no source text (additions).",
        "有 {n} 个{language}句子没有原文（增译）。",
    ),
    "additions.1": (
        "1 {language} sentence has no source text (an addition).",
        "有 1 个{language}句子没有原文（增译）。",
    ),
    "all_paired": (
        "All {total} {language} sentences are paired with a translation.",
        "{total} 个{language}句子都已与译文配对。",
    ),
    "kept_out": (
        "Yet {n} of them look untranslated: the alignment keeps them with a neighbour "
        "(beads \0).",
        "但其中 {n} 个看来并未译出：对齐把它们与相邻句子放在同一句对中（句对 \0）。",
    ),
    "kept_out.1": (
        "Yet 1 of them looks untranslated: the alignment keeps it with a neighbour "
        "(bead \0).",
        "但其中 1 个看来并未译出：对齐把它与相邻句子放在同一句对中（句对 \0）。",
    ),
    "kept_more": (
        "{n} more look untranslated: the alignment keeps them with a neighbour (beads \0).",
        "另有 {n} 个看来并未译出：对齐把它们与相邻句子放在同一句对中（句对 \0）。",
    ),
    "kept_more.1": (
        "1 more looks untranslated: the alignment keeps it with a neighbour (bead \0).",
        "另有 1 个看来并未译出：对齐把它与相邻句子放在同一句对中（句对 \0）。",
    ),
    "glued": (
        "{n} headline, link or caption paragraphs are glued into translated beads and may "
        "be untranslated.",
        "另有 {n} 个标题、链接或图片说明段落并入了已对齐的句对，可能未翻译。",
    ),
    "glued.1": (
        "1 headline, link or caption paragraph is glued into a translated bead and may be "
        "untranslated.",
        "另有 1 个标题、链接或图片说明段落并入了已对齐的句对，可能未翻译。",
    ),
    "low_score": (
        "{n} beads have a doubtful pairing (low alignment confidence).",
        "{n} 个句对的对齐存疑（对齐置信度低）。",
    ),
    "low_score.1": (
        "1 bead has a doubtful pairing (low alignment confidence).",
        "1 个句对的对齐存疑（对齐置信度低）。",
    ),
    "annotations": (
        "{n} annotations: {what}; MQM penalty {per_1000} per 1,000 source words, a Chinese "
        "source's characters ({per_segment} per segment; 0 is flawless).",
        "{n} 条标注：{what}；MQM 扣分每千原文词（中文原文按字计）{per_1000}（每句对 "
        "{per_segment}；0 为无误）。",
    ),
    "annotations.1": (
        "1 annotation: {what}; MQM penalty {per_1000} per 1,000 source words, a Chinese "
        "source's characters ({per_segment} per segment; 0 is flawless).",
        "1 条标注：{what}；MQM 扣分每千原文词（中文原文按字计）{per_1000}（每句对 "
        "{per_segment}；0 为无误）。",
    ),
    "annotation_item": ("{n} {severity} {category}", "{n} 个{severity}{category}"),
    "no_annotations": ("No annotations yet.", "尚无标注。"),
    "suggestions": (
        "{n} open suggestions from the engine, not yet reviewed ({what}).",
        "引擎提出 {n} 条建议，尚未审阅（{what}）。",
    ),
    "suggestions.1": (
        "1 open suggestion from the engine, not yet reviewed ({what}).",
        "引擎提出 1 条建议，尚未审阅（{what}）。",
    ),
    "severity_item": ("{n} {severity}", "{severity} {n}"),
    "no_suggestions": ("No open suggestions from the engine.", "引擎没有待审阅的建议。"),
    "risk": (
        "Expected Major Accuracy errors: {expected}, an estimate learned on machine "
        "translation to rank the beads by (on a careful human translation it reads several "
        "times too high); riskiest beads: {beads}.",
        "预计重大准确性错误：{expected}（基于机器翻译学得的估计，用于给句对排序；对认真的人工"
        "翻译会偏高数倍）；风险最高的句对：{beads}。",
    ),
    "sep": (", ", "、"),
    "sev.neutral": ("neutral", "中性"),
    "sev.minor": ("minor", "轻微"),
    "sev.major": ("major", "重大"),
    "sev.critical": ("critical", "严重"),
    "cat.mistranslation": ("mistranslation", "误译"),
    "cat.omission": ("omission", "漏译"),
    "cat.addition": ("addition", "增译"),
    "cat.untranslated": ("untranslated text", "未翻译"),
    "cat.grammar": ("grammar error", "语法错误"),
    "cat.punctuation": ("punctuation error", "标点错误"),
    "cat.spelling": ("spelling error", "拼写错误"),
    "cat.inconsistency": ("inconsistency", "不一致"),
    "cat.terminology": ("terminology error", "术语错误"),
    "cat.style": ("style issue", "风格问题"),
    "cat.locale convention": ("locale convention error", "区域惯例错误"),
    "cat.source error": ("source error", "原文错误"),
    "cat.non-translation": ("non-translation", "未译"),
    "cat.other": ("other error", "其他错误"),
    # headings, table headers, legend
    "h.summary": ("Summary", "摘要"),
    "h.categories": (
        "Annotations and suggestions by MQM category",
        "按 MQM 类别统计的标注与建议",
    ),
    "h.overview": ("Overview", "全文概览"),
    "h.beads": ("Beads", "句对"),
    "h.figures": ("All figures", "全部数据"),
    "h.unplaced": ("Annotations outside any bead", "不属于任何句对的标注"),
    "orphan": ("its text has changed since it was marked", "标注后原文已改动"),
    "th.category": ("MQM category", "MQM 类别"),
    "th.annotations": ("Annotations", "标注"),
    "th.suggestions": ("Suggestions (not yet reviewed)", "建议（尚未审阅）"),
    "th.total": ("Total", "合计"),
    "th.source": ("Source", "原文"),
    "th.target": ("Target", "译文"),
    "th.type": ("Type", "类型"),
    "th.score": ("Match", "匹配度"),
    "th.risk": ("Risk", "风险"),
    "th.status": ("Status / flags", "状态 / 标记"),
    "title": ("Alignment review", "对齐审校"),
    "title.suffix": ("alignment review", "对齐审校"),
    "meta": (
        "Source: {source} \u00b7 Target: {target} \u00b7 Generated {when} by aligner-gui {version}",
        "源语言：{source} \u00b7 目标语言：{target} \u00b7 由 aligner-gui {version} 生成于 {when}",
    ),
    "role.original": ("original", "原文"),
    "role.translation": ("translation", "译文"),
    "footer": (
        "Generated {when} by aligner-gui {version}.",
        "由 aligner-gui {version} 生成于 {when}。",
    ),
    "suggested": ("suggested, not yet reviewed:", "建议，尚未审阅："),
    "omitted_cell": ("omitted in translation", "译文中漏译"),
    "added_cell": ("added in translation", "译文中增译"),
    "moved_to": ("moved: translated at bead {n}", "移位：译文在第 {n} 个句对"),
    "moved_from": ("moved: the translation of bead {n}", "移位：第 {n} 个句对的译文"),
    "glued_note": (
        "{cls} glued into this bead, possibly untranslated:",
        "{cls}并入了本句对，可能未翻译：",
    ),
    "none": ("none", "无"),
    "legend.omission": ("omission or addition", "漏译或增译"),
    "legend.annotated": ("annotated", "有标注"),
    "legend.low": ("doubtful pairing", "对齐存疑"),
    "legend.risky": ("risky (\u2265 50 %)", "高风险（\u2265 50%）"),
    "legend.suggested": ("open major findings", "有待处理的重大问题"),
    "legend.ok": ("no major finding", "无重大问题"),
    "legend.height": ("bar height: risk", "柱高：风险"),
    "bead": ("Bead", "句对"),
}


def text(key: str, lang: str = "en") -> str:
    """The report's string ``key`` in ``lang`` ("zh", "zh_CN" ... or English)."""
    en, zh = STRINGS[key]
    return zh if lang.lower().startswith("zh") else en


# Flag, class and status names in Chinese (the identifiers stay in an English report).
_ZH_NAMES = {
    "headline": "标题", "more-link": "\u201cMORE:\u201d链接", "photo-caption": "图片说明",
    "content": "正文句子", "byline": "署名", "editor-note": "编者按", "omission": "漏译",
    "addition": "增译", "low-score": "对齐存疑", "number-mismatch": "数字不符",
    "name-mismatch": "人名不符", "auto": "自动", "confirmed": "已确认", "manual": "手动",
}  # fmt: skip


# MQM categories and sides in Chinese, as the window's zh_CN translation names them.
_ZH_CATEGORIES = {
    "Accuracy/Mistranslation": "准确性/误译", "Accuracy/Omission": "准确性/漏译",
    "Accuracy/Addition": "准确性/增译", "Accuracy/Untranslated": "准确性/未翻译",
    "Fluency/Grammar": "流畅性/语法", "Fluency/Punctuation": "流畅性/标点",
    "Fluency/Spelling": "流畅性/拼写", "Fluency/Inconsistency": "流畅性/不一致",
    "Terminology": "术语", "Style": "风格", "Locale convention": "地区惯例",
    "Source error": "原文错误", "Non-translation": "未译", "Other": "其他",
    "source": "原文", "target": "译文",
}  # fmt: skip


def name_in(name: str, lang: str = "en") -> str:
    """A flag, omission class, status, MQM category or side as the report's
    language names it ("more-link" / "“MORE:”链接", "Accuracy/Omission" / "准确性/漏译");
    the identifier itself in English."""
    if not lang.lower().startswith("zh"):
        return name
    return _ZH_NAMES.get(name) or _ZH_CATEGORIES.get(name, name)
