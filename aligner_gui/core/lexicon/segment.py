"""Chinese words, cut as jieba's precise mode cuts them, by its compiled port."""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

__all__ = ["cut"]

log = logging.getLogger(__name__)


@cache
def _segmenter() -> Any:
    """jieba's precise mode as jieba-rs implements it (the ``rjieba`` binding): the same
    dictionary and algorithm (DAG, best route, HMM for unknown words) in compiled code,
    about 30 times faster than jieba's pure Python, which was a sixth of aligning a long
    document. Its dictionary is built in memory on first use (about 0.1 s). On the Bible
    and mac-dev it cuts 99.98 % of the sentences as jieba does; its HMM joins a few pairs
    of single characters jieba leaves apart (常在). jieba itself stays for its part-of-speech
    tagger (:meth:`.Lexicon.zh_word_tag`), which rjieba has only for dictionary words.
    Without rjieba (a platform it has no wheel for), jieba's own cut does the same work,
    slower."""
    try:
        import rjieba  # its default instance is made at import
    except ImportError:
        log.warning("rjieba is not installed: Chinese words are cut by jieba (slower)")
        return _JiebaCut()
    return rjieba


class _JiebaCut:
    """jieba's precise mode behind rjieba's ``cut(text, hmm)``: the tokenizer the tagger
    uses (``jieba_tables.tokenizer``), its word table read from the cache folder."""

    def __init__(self) -> None:
        from aligner_gui.core.lexicon.cache import TMP_PREFIX, default_cache_dir, writable_dir
        from aligner_gui.core.lexicon.jieba_tables import tokenizer

        folder = default_cache_dir()
        self._tokenizer = tokenizer(folder if writable_dir(folder) else None, TMP_PREFIX)

    def cut(self, text: str, hmm: bool) -> list[str]:
        return list(self._tokenizer.lcut(text, HMM=hmm))


# rjieba takes UTF-8: a lone surrogate (a broken file read with surrogateescape) cannot pass.
_SURROGATE = re.compile("[\ud800-\udfff]")


def cut(text: str, simplified: str) -> list[str]:
    """The words of ``text``, cut where jieba cuts ``simplified``, its one-for-one
    simplified form (or ``text`` itself)."""
    if _SURROGATE.search(simplified):
        simplified = _SURROGATE.sub("\ufffd", simplified)
    words: list[str] = _segmenter().cut(simplified, True)
    if simplified is text or simplified == text:
        return words
    # Same length, character for character: cut the original at the same places.
    pieces = []
    pos = 0
    for w in words:
        pieces.append(text[pos : pos + len(w)])
        pos += len(w)
    return pieces
