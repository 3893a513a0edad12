"""The HTML report's collapsed "All figures" table: every count and score, labelled in the
report's language (English or Chinese).

The rows are the document's own counts (sentences aligned, omissions by class, flags,
statuses, annotations and their MQM penalty) followed by the scorer's ``doc.scores`` in
its order. A key the scorer adds later still shows, under a label made from the key.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from aligner_gui.core.model import SEVERITIES, AlignmentDocument
from aligner_gui.core.scoring.mqm import review_figures, score_document
from aligner_gui.io.html.strings import STRINGS, name_in
from aligner_gui.io.html.strings import text as tr

__all__ = ["figure_rows", "readable_scores"]

# key -> (English, Chinese)
_LABELS: dict[str, tuple[str, str]] = {
    "beads": ("Beads", "句对"),
    "bead_types": ("Bead types", "句对类型"),
    "sentences.source": ("Sentences \u2014 source", "句子数 \u2014 原文"),
    "sentences.target": ("Sentences \u2014 target", "句子数 \u2014 译文"),
    "coverage.source_sentences": ("Aligned share \u2014 source sentences",
                                  "已对齐比例 \u2014 原文句子"),
    "coverage.source": ("Aligned share \u2014 source", "已对齐比例 \u2014 原文"),
    "coverage.target": ("Aligned share \u2014 target", "已对齐比例 \u2014 译文"),
    "coverage.source_chars": ("Aligned share \u2014 source characters",
                              "已对齐比例 \u2014 原文字符"),
    "coverage.target_sentences": ("Aligned share \u2014 target sentences",
                                  "已对齐比例 \u2014 译文句子"),
    "coverage.target_chars": ("Aligned share \u2014 target characters",
                              "已对齐比例 \u2014 译文字符"),
    "omissions": ("Omitted source sentences", "漏译的原文句子"),
    "omissions_by_class": ("Omitted source sentences \u2014 {cls}", "漏译的原文句子 \u2014 {cls}"),
    "omission_chars": ("Omitted source characters", "漏译的原文字符"),
    "content_omissions": ("Omitted content sentences", "漏译的正文句子"),
    "additions": ("Added target sentences", "增译的译文句子"),
    "addition_chars": ("Added target characters", "增译的译文字符"),
    "scored_beads": ("Scored beads", "已评分的句对"),
    "mean_score": ("Mean match score", "平均匹配度"),
    "median_score": ("Median match score", "匹配度中位数"),
    "low_score": ("Beads with a doubtful pairing (low-score)", "对齐存疑的句对（low-score）"),
    "pairing_threshold": ("Doubtful pairing: alignment confidence under",
                          "对齐存疑：对齐置信度低于"),
    "low_score_threshold": ("Doubtful pairing, beads without a confidence: match under",
                            "对齐存疑（无置信度的句对）：匹配度低于"),
    "number_mismatch": ("Beads with a number mismatch", "数字不符的句对"),
    "name_mismatch": ("Beads with a name mismatch", "人名不符的句对"),
    "chrf_metric": ("Match metric", "匹配度指标"),
    "chrf_signature": ("Match metric signature", "匹配度指标签名"),
    "chrf_signature_full": ("Match metric signature (full)", "匹配度指标签名（完整）"),
    "uncovered": ("Uncovered content words \u2014 {side}", "未覆盖的实词 \u2014 {side}"),
    "risk.expected_major": ("Expected Major Accuracy errors", "预计的重大准确性错误数"),
    "risk.risky_beads": ("Risky beads (risk \u2265 0.5)", "高风险句对（风险 \u2265 0.5）"),
    "risk.model": ("Risk model", "风险模型"),
    # the document's own counts
    "aligned": ("Sentences aligned \u2014 {side}", "已对齐的句子 \u2014 {side}"),
    "omitted_by_class": ("Omitted source sentences by class", "按类别统计的漏译原文句子"),
    "flags": ("Flags", "标记"),
    "status": ("Status", "状态"),
    "annotations": ("Annotations", "标注"),
    "annotations_by_severity": ("Annotations by severity", "按严重程度统计的标注"),
    "annotations_by_category": ("Annotations by category", "按类别统计的标注"),
    "mqm_total": ("MQM penalty (WMT weights)", "MQM 扣分（WMT 权重）"),
    "mqm_segment": ("MQM penalty per segment", "每个句段的 MQM 扣分"),
    "mqm_words": ("MQM penalty per 1,000 source words", "每千个原文词的 MQM 扣分"),
    # values
    "side.source": ("source", "原文"),
    "side.target": ("target", "译文"),
    "x_of_y": ("{x} of {y}", "{y} 中的 {x}"),
    "chars": ("{n} ({chars} characters)", "{n}（{chars} 个字符）"),
    "words": ("{share} ({x} of {y} content words)", "{share}（{y} 个实词中的 {x} 个）"),
    "errors": ("{total} ({n} errors)", "{total}（{n} 个错误）"),
}


def _zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def _label(key: str, lang: str, **fields: str) -> str:
    en, zh = _LABELS[key]
    return (zh if _zh(lang) else en).format(**fields)


def _names(counts: Counter[str], lang: str) -> str:
    return ", ".join(f"{name_in(k, lang)}: {n}" for k, n in sorted(counts.items()))


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _percent(value: Any) -> str:
    return f"{float(value):.1%}" if isinstance(value, (int, float)) else str(value)


def _listing(counts: dict[str, Any] | Counter[str]) -> str:
    return ", ".join(f"{k}: {_value(v)}" for k, v in counts.items())


def _fallback(key: str) -> str:
    label = key.replace("_", " ").replace(".", " \u2014 ")
    return label[:1].upper() + label[1:]


def _named(key: str, lang: str) -> str:
    return _label(key, lang) if key in _LABELS and "{" not in _LABELS[key][0] else _fallback(key)


def figure_rows(doc: AlignmentDocument, lang: str = "en") -> list[tuple[str, str]]:
    """The whole table: the document's counts, then the scorer's figures."""
    beads = doc.beads
    rows: list[tuple[str, str]] = []
    scores = doc.scores or {}
    if "beads" not in scores:  # an unscored (imported) project: count them here
        rows.append((_label("beads", lang), str(len(beads))))
        kinds = Counter(b.kind for b in beads)
        rows.append((_label("bead_types", lang), _listing(dict(sorted(kinds.items())))))
    for name, side, paired in (("source", doc.source, lambda b: bool(b.target)),
                               ("target", doc.target, lambda b: bool(b.source))):
        total = len(side.sentences)
        aligned = sum(len(getattr(b, name)) for b in beads if paired(b))
        shown = _label("x_of_y", lang, x=str(aligned), y=str(total))
        if total:
            shown += f" ({aligned / total:.1%})"
        role = _label(f"side.{name}", lang)
        if _zh(lang) and f"lang.{side.lang}" in STRINGS:
            label = _label("aligned", lang, side=tr(f"lang.{side.lang}", lang) + role)
        else:
            label = _label("aligned", lang, side=f"{side.lang}, {role}")
        rows.append((label, shown))
    by_class = Counter(review_figures(doc).omissions)
    rows.append((_label("omitted_by_class", lang), _names(by_class, lang) or tr("none", lang)))
    flags = Counter(f for b in beads for f in b.flags)
    if flags:
        rows.append((_label("flags", lang), _names(flags, lang)))
    rows.append((_label("status", lang), _names(Counter(b.status for b in beads), lang)))
    if doc.annotations:
        by_sev = Counter(a.severity for a in doc.annotations)
        rows.append((_label("annotations", lang), str(len(doc.annotations))))
        rows.append((_label("annotations_by_severity", lang),
                     ", ".join(f"{s}: {by_sev[s]}" for s in reversed(SEVERITIES) if by_sev[s])))
        by_cat = Counter(a.category or a.type for a in doc.annotations)
        rows.append((_label("annotations_by_category", lang), _listing(dict(by_cat.most_common()))))
        mqm = score_document(doc)  # the same figures as the GUI's scores panel
        rows.append((_label("mqm_total", lang),
                     _label("errors", lang, total=f"{mqm.total:.1f}", n=str(mqm.errors))))
        rows.append((_label("mqm_segment", lang), _value(mqm.per_segment)))
        rows.append((_label("mqm_words", lang), _value(mqm.per_1000_words)))
    rows.extend(readable_scores(scores, lang))
    return rows


def readable_scores(scores: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    """doc.scores as (label, value) rows a reader understands, in the scorer's order."""
    rows: list[tuple[str, str]] = []
    for key, value in scores.items():
        if key == "omissions_by_class" and isinstance(value, dict):
            for cls, entry in value.items():
                if isinstance(entry, dict):
                    shown = _label("chars", lang, n=str(entry.get("count", 0)),
                                   chars=str(entry.get("chars", 0)))
                else:
                    shown = _value(entry)
                rows.append((_label(key, lang, cls=name_in(cls, lang)), shown))
        elif key == "bead_types" and isinstance(value, dict):
            rows.append((_label(key, lang), _listing(value)))
        elif key == "uncovered" and isinstance(value, dict):
            for side in ("source", "target"):
                if side in value:
                    shown = _percent(value[side])
                    words, missed = value.get(f"{side}_words"), value.get(f"{side}_uncovered")
                    if words is not None and missed is not None:
                        shown = _label("words", lang, share=shown, x=str(missed), y=str(words))
                    rows.append((_label(key, lang, side=_label(f"side.{side}", lang)), shown))
        elif key == "coverage" and isinstance(value, dict):
            for sub, share in value.items():
                label = (_label(f"coverage.{sub}", lang) if f"coverage.{sub}" in _LABELS
                         else f"Aligned share \u2014 {sub}")
                rows.append((label, _percent(share)))
        elif isinstance(value, dict):
            for sub, inner in value.items():
                shown = _value(inner) if not isinstance(inner, dict) else _listing(inner)
                rows.append((_named(f"{key}.{sub}", lang), shown))
        elif isinstance(value, (list, tuple)):
            rows.append((_named(key, lang), ", ".join(_value(v) for v in value)))
        else:
            rows.append((_named(key, lang), _value(value)))
    return rows
