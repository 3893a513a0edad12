"""jieba's part-of-speech tagger, started cheaply: its word and tag tables read on demand
from SQLite copies. (Words are cut by rjieba, see ``segment.cut``; jieba itself is
imported only when a word's part of speech is asked for, 0.1 s saved on every start.)

jieba's tokenizer unpickles a 500,000-entry table when it first cuts a sentence (0.6 s)
and ``jieba.posseg`` re-reads the whole dictionary file for its tag table when imported
(0.3-0.5 s). A two-sentence document needs a few hundred of those entries. The tables
are kept as :class:`~aligner_gui.core.lexicon.lazytable.LazyTable` files in the cache folder,
written the first time and used from then on; a long document reads a table whole
(see ``Lexicon.expect_text``).

jieba is also imported without ``pkg_resources``: its ``_compat`` module imports it (a
tenth of a second, and deprecated) only to open its own data files, and opens them next
to its modules when that import fails. A ``None`` entry in ``sys.modules`` makes the
import fail; the entry is removed again at once.
"""

from __future__ import annotations

import importlib
import io
import logging
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aligner_gui.core.lexicon.lazytable import LazyTable, write_table

if TYPE_CHECKING:
    import jieba


@cache
def _jieba() -> Any:
    """The jieba module, imported without ``pkg_resources`` (see above)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


WORDS_NAME = "jieba-words-v1.sqlite"
CACHE_NAME = "jieba.cache"  # jieba's own pickled table, where it makes one
TAGS_NAME = "jieba-tags-v1.sqlite"

__all__ = ["CACHE_NAME", "TAGS_NAME", "WORDS_NAME", "open_words",
           "pos_tagger", "tokenizer", "write_words"]  # fmt: skip


def _stamp() -> dict[str, Any] | None:
    """What the tables are made of: jieba's version and dictionary file."""
    try:
        st = _dict_file().stat()
    except OSError:
        return None
    return {"jieba": _jieba().__version__, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _dict_file() -> Path:
    module = _jieba()
    return Path(module.__file__).with_name(module.DEFAULT_DICT_NAME)


def open_words(tk: jieba.Tokenizer, folder: Path | None) -> LazyTable | None:
    """Make ``tk`` ready with its word table read on demand; None if there is no table."""
    stamp = _stamp()
    if folder is None or stamp is None:
        return None

    def swap_in(full: dict[str, Any]) -> None:
        tk.FREQ = full

    table = LazyTable.open(folder / WORDS_NAME, stamp, on_full=swap_in)
    if table is not None:
        tk.FREQ = table
        tk.total = table.meta["total"]
        tk.initialized = True
    return table


def write_words(tk: jieba.Tokenizer, folder: Path | None, tmp_prefix: str) -> None:
    """Keep the word table of an initialised ``tk`` for the next process."""
    stamp = _stamp()
    if folder is not None and stamp is not None:
        meta = {"stamp": stamp, "total": tk.total}
        write_table(folder / WORDS_NAME, tk.FREQ.items(), meta, tmp_prefix=tmp_prefix)


def tokenizer(folder: Path | None, tmp_prefix: str) -> jieba.Tokenizer:
    """A ready jieba tokenizer: its word table read on demand from ``folder``, or loaded
    by jieba (and then kept there for the next process)."""
    module = _jieba()
    module.setLogLevel(logging.WARNING)
    tk = module.Tokenizer()
    tk.tmp_dir = str(folder) if folder is not None else None
    tk.cache_file = CACHE_NAME
    if open_words(tk, folder) is None:
        tk.initialize()
        write_words(tk, folder, tmp_prefix)
    return tk


def _tags(folder: Path | None, tmp_prefix: str) -> LazyTable | None:
    """jieba's word -> part-of-speech table, written from its dictionary file if needed."""
    stamp = _stamp()
    if folder is None or stamp is None:
        return None
    path = folder / TAGS_NAME
    table = LazyTable.open(path, stamp)
    if table is None:
        rows: dict[str, str] = {}  # a word listed twice keeps its last tag, as in posseg
        try:
            with open(_dict_file(), encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) == 3:
                        rows[parts[0]] = parts[2]
        except (OSError, UnicodeDecodeError):
            return None
        if write_table(path, rows.items(), {"stamp": stamp}, tmp_prefix=tmp_prefix):
            table = LazyTable.open(path, stamp)
    return table


def pos_tagger(tk: jieba.Tokenizer, folder: Path | None, tmp_prefix: str) -> Any:
    """jieba's part-of-speech tagger over ``tk`` (not over jieba's default tokenizer, whose
    dictionary would be loaded a second time), its tag table read on demand when a table
    file can be had."""
    tags = _tags(folder, tmp_prefix)
    if "jieba.posseg" not in sys.modules and tags is not None:
        # posseg builds a tagger over jieba.dt at import, reading the dictionary file for
        # its tags: give it an empty file, then the table.
        default = _jieba().dt
        default.get_dict_file = lambda: io.BytesIO()
        try:
            posseg = importlib.import_module("jieba.posseg")
        finally:
            del default.get_dict_file
        posseg.dt.word_tag_tab = tags
    posseg = importlib.import_module("jieba.posseg")
    tagger = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tagger.tokenizer = tk
    tagger.word_tag_tab = tags if tags is not None else posseg.dt.word_tag_tab
    return tagger
