"""Analyse the sentences of a long document on two cores before aligning it.

Most of the engine's time goes into per-sentence work that does not depend on the
alignment: jieba's words and their dictionary translations, English stems, numbers,
names and glosses. Each is memoised per text in the lexicon and the scorer.
:func:`warm_up` computes them for part of the sentences in a forked child (see
:mod:`aligner_gui.core.runtime.forked`) and for the rest here, then copies the child's
new entries into the same memos. The memos hold pure functions
of the text, so the alignment, scores and coverage that follow are the same as when
everything is computed on demand; they are just found ready.
"""

from __future__ import annotations

from typing import Any

from aligner_gui.core.model import Side
from aligner_gui.core.runtime import forked
from aligner_gui.core.runtime.gcpause import gc_paused

# Below this many sentences a child process costs more than it saves.
MIN_SENTENCES = 600
# The child also pickles what it found and this process unpickles it (about half as
# long again as finding it): this process takes the larger share of the sentences.
PARENT_SHARE = 0.6


def warm_up(source: Side, target: Side, lexicon: Any) -> bool:
    """Fill the per-sentence memos for both sides; True when a child process helped."""
    if len(source.sentences) + len(target.sentences) < MIN_SENTENCES or not forked.can_fork():
        return False
    texts = {side.lang: list(dict.fromkeys(s.text for s in side.sentences))
             for side in (source, target)}  # fmt: skip
    zh, en = texts.get("zh", []), texts.get("en", [])
    zh_cut, en_cut = round(len(zh) * PARENT_SHARE), round(len(en) * PARENT_SHARE)
    with gc_paused():  # millions of small objects made and unpickled, none of them garbage
        with forked.Forked(lambda: _new_entries(lexicon, zh[zh_cut:], en[en_cut:])) as job:
            if not job.forked:
                return False
            _analyse(lexicon, zh[:zh_cut], en[:en_cut])
            tables = _tables(lexicon)
            for name, entries in job.result().items():
                tables[name].update(entries)
    return True


def _tables(lexicon: Any) -> dict[str, dict[Any, Any]]:
    from aligner_gui.core.scoring.sentence_features import features_for as _features_for

    tables: dict[str, dict[Any, Any]] = {}
    for owner, part in (("lexicon", lexicon), ("scoring", _features_for(lexicon))):
        for name, table in part.memo_tables().items():
            tables[f"{owner}.{name}"] = table
    return tables


def _new_entries(lexicon: Any, zh: list[str], en: list[str]) -> dict[str, dict[Any, Any]]:
    """(In the child.) Analyse ``zh`` and ``en``; the memo entries that this added."""
    tables = _tables(lexicon)
    before = {name: set(table) for name, table in tables.items()}
    _analyse(lexicon, zh, en)
    return {name: {k: v for k, v in table.items() if k not in before[name]}
            for name, table in tables.items()}  # fmt: skip


def _analyse(lexicon: Any, zh: list[str], en: list[str]) -> None:
    """What the alignment and the bead scores read. Not the coverage lens's word keys:
    held through the alignment they made its peak (about 130 MB more on bible 003), and
    the lens computes them after it, while the scores are made in a child process."""
    from aligner_gui.core.scoring.sentence_features import features_for as _features_for

    features = _features_for(lexicon)
    per_language = {
        "zh": (lexicon.zh_content, features.zh_content_of, features.gloss_of),
        "en": (lexicon.en_content, features.en_content_of, features.names_of),
    }
    for lang, texts in (("zh", zh), ("en", en)):
        for text in texts:
            for analysis in per_language[lang]:
                analysis(text)
            features.numbers_of(text, lang)
