"""The coverage lens's per-sentence words and keys, memoised per lexicon (the token cache)."""

from __future__ import annotations

import weakref
from typing import Any

from aligner_gui.core.coverage.chinese import ChineseWords
from aligner_gui.core.coverage.english import WordKeys, en_words
from aligner_gui.core.coverage.matching import KeySet
from aligner_gui.core.coverage.word import Word, lexicon_vocabulary, number_keys, numbers_of


class TokenCache:
    """Memoised per-sentence words for one lexicon."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self.en: dict[str, tuple[Word, ...]] = {}
        self.zh: dict[str, tuple[Word, ...]] = {}
        self.en_numbers: dict[str, frozenset[str]] = {}
        self.zh_numbers: dict[str, frozenset[str]] = {}
        self.en_sentence_keys: dict[str, KeySet] = {}
        self.zh_sentence_keys: dict[str, KeySet] = {}
        self.en_counts: dict[str, int] = {}
        self.en_word_keys: dict[str, WordKeys] = {}
        self.zh_counts: dict[str, int] = {}
        self.chinese = ChineseWords(lexicon)
        self._vocabulary: frozenset[str] | None = None

    def memo_tables(self) -> dict[str, dict[Any, Any]]:
        """The per-text and per-word caches, by name (see core/warmup.py)."""
        names = ("en", "zh", "en_numbers", "zh_numbers", "en_sentence_keys", "zh_sentence_keys",
                 "en_counts", "zh_counts")  # fmt: skip
        tables: dict[str, dict[Any, Any]] = {name: getattr(self, name) for name in names}
        tables["zh_token_keys"] = self.chinese.token_keys
        tables["zh_char_glosses"] = self.chinese.char_glosses
        return tables

    def words(self, text: str, lang: str) -> tuple[Word, ...]:
        table = self.zh if lang == "zh" else self.en
        found = table.get(text)
        if found is None:
            if lang == "zh":
                found = self.chinese.words(text)
            else:
                found = en_words(text, self.lexicon, self.en_word_keys)
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    def coverable(self, w: Word, lang: str) -> bool:
        """Whether the dictionary could cover this word at all."""
        if lang == "zh":
            return bool(w.keys)
        if self._vocabulary is None:
            self._vocabulary = lexicon_vocabulary(self.lexicon)
        if not self._vocabulary or w.base in self._vocabulary:
            return True
        return any(k[0] in "#~" for k in w.keys)

    def content_count(self, text: str, lang: str) -> int:
        table = self.zh_counts if lang == "zh" else self.en_counts
        found = table.get(text)
        if found is None:
            found = sum(1 for w in self.words(text, lang) if w.content)
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    def sentence_keys(self, text: str, lang: str) -> KeySet:
        """All match keys of a sentence (its words' and its numbers'), indexed once."""
        table = self.zh_sentence_keys if lang == "zh" else self.en_sentence_keys
        found = table.get(text)
        if found is None:
            keys: set[str] = set(self.numbers(text, lang))
            for w in self.words(text, lang):
                keys |= w.keys
            found = KeySet(frozenset(keys))
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found

    def numbers(self, text: str, lang: str) -> frozenset[str]:
        """Number keys of a whole sentence (numbers the word split may have cut apart)."""
        table = self.zh_numbers if lang == "zh" else self.en_numbers
        found = table.get(text)
        if found is None:
            values = numbers_of(text, lang)
            found = number_keys(values)
            if len(table) > 200_000:
                table.clear()
            table[text] = found
        return found


_TOKEN_CACHES: weakref.WeakKeyDictionary[Any, TokenCache] = weakref.WeakKeyDictionary()


def token_cache(lexicon: Any) -> TokenCache:
    """The token cache of ``lexicon``, shared by every lens on it (made on first use)."""
    try:
        cached = _TOKEN_CACHES.get(lexicon)
    except TypeError:
        return TokenCache(lexicon)
    if cached is None:
        cached = _TOKEN_CACHES[lexicon] = TokenCache(lexicon)
    return cached
