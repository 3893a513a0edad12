"""The compiled dictionary on disk: one SQLite file and its version stamp.

The file is stamped with the CC-CEDICT file's size and time and a digest of the code
that compiles it, so a changed dictionary or compiler rebuilds it. Half-written files of
killed processes, and the caches of older versions (a JSON copy up to version 6), are
swept away here too.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from aligner_gui.core.lexicon import cedict, supplement, words
from aligner_gui.core.lexicon.cedict import cedict_path
from aligner_gui.core.lexicon.lazytable import LazyTable, read_meta, write_table
from aligner_gui.core.runtime.forked import Forked

__all__ = [
    "BUILD_SECONDS",
    "CACHE_NAME",
    "FORMAT_VERSION",
    "TMP_PREFIX",
    "cache_is_current",
    "default_cache_dir",
    "finish_saving",
    "open_store",
    "remove_stale_temp_files",
    "source_stamp",
    "start_saving",
    "writable_dir",
    "write_store",
]

log = logging.getLogger(__name__)

FORMAT_VERSION = 16
CACHE_NAME = f"cedict-v{FORMAT_VERSION}.sqlite"  # read on demand (see lazytable.py)
_OLD_VERSIONS = re.compile(r"cedict-v(\d+)\.(?:json|sqlite)")
# Roughly how long compiling CC-CEDICT takes (what the window and the CLI tell the user):
# 2.2 s on two cores from the CLI, 2.6 s in the window's one process, on a 2-core machine
# of 2026 (benchmarks/seed_cold.py); rounded up.
BUILD_SECONDS = 3
# A half-written cache (.cedict-<pid>-*.tmp) older than this, or whose writer has exited,
# was left by a process killed mid-write: the next load removes it.
STALE_TMP_SECONDS = 600
TMP_PREFIX = ".cedict-"


def default_cache_dir() -> Path:
    """The user cache directory, where the dictionary and jieba's tables are kept."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("aligner-gui"))


def source_stamp(path: Path) -> dict[str, int | str]:
    """What the cache depends on: the dictionary file and the code that compiles it."""
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "builder": _builder_digest()}


@lru_cache(maxsize=1)
def _builder_digest() -> str:
    # Editing the compiler (sense rules: cedict.py; supplement.py), the word lists it uses
    # (stopwords, irregular forms: words.py; British spellings: breame's table) or the
    # file formats (this module) invalidates old caches even if FORMAT_VERSION was not
    # bumped. A frozen app without sources relies on FORMAT_VERSION alone.
    digest = hashlib.sha1()
    for source in (cedict.__file__, supplement.__file__, words.__file__, __file__,
                   words.spellings_file()):
        if source is None:
            return ""
        try:
            digest.update(Path(source).read_bytes())
        except OSError:
            return ""
    return digest.hexdigest()[:12]


def open_store(path: Path, stamp: dict[str, int | str]) -> LazyTable | None:
    """The dictionary read on demand from its SQLite copy, if that is current."""
    table = LazyTable.open(path, {"version": FORMAT_VERSION, "source": stamp})
    if table is None or not isinstance(table.meta.get("t2s"), str):
        return None
    if not isinstance(table.meta.get("vocabulary"), str):
        return None
    return table


def write_store(
    path: Path,
    stamp: dict[str, int | str],
    items: Iterable[tuple[str, str]],
    t2s: str,
    vocabulary: frozenset[str],
) -> bool:
    """Keep an SQLite copy of the compiled dictionary for lookups on demand (False if it
    could not be written)."""
    if open_store(path, stamp) is not None:
        return True
    meta = {
        "stamp": {"version": FORMAT_VERSION, "source": stamp},
        "t2s": t2s,
        "vocabulary": " ".join(sorted(vocabulary)),
    }
    if not write_table(path, items, meta, tmp_prefix=TMP_PREFIX):
        log.info("lexicon cache not written; using the in-memory dictionary")
        return False
    # Only older versions go: another install (the packaged app beside a pip one) of a
    # newer version would otherwise rebuild its cache on every start, and this one too.
    for old in path.parent.glob("cedict-v*"):
        found = _OLD_VERSIONS.fullmatch(old.name)
        if old.name != path.name and found and int(found.group(1)) < FORMAT_VERSION:
            try:
                old.unlink()
            except OSError:
                pass
    return True


def cache_is_current(cache_dir: Path | None = None, source: Path | None = None) -> bool:
    """True when ``Lexicon.load`` would read the cache rather than compile CC-CEDICT.

    Cheap (the file's stamp only), so that a caller can announce the build before
    paying for it.
    """
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    source = Path(source) if source is not None else cedict_path()
    try:
        stamp = source_stamp(source)
    except OSError:
        return False
    meta = read_meta(cache_dir / CACHE_NAME)
    return meta is not None and meta.get("stamp") == {"version": FORMAT_VERSION,
                                                      "source": stamp}


def _writer_gone(pid: int) -> bool:
    """True when no process ``pid`` exists (POSIX only; elsewhere age decides)."""
    if os.name != "posix" or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False


def remove_stale_temp_files(
    cache_dir: Path, now: float | None = None, prefix: str = TMP_PREFIX
) -> list[Path]:
    """Delete half-written caches (``<prefix><pid>-*.tmp`` files or folders) of killed
    processes; returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = list(Path(cache_dir).glob(f"{prefix}*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        match = re.match(rf"{re.escape(prefix)}(\d+)-", tmp.name)
        try:
            old = now - tmp.stat().st_mtime > STALE_TMP_SECONDS
            if old or (match is not None and _writer_gone(int(match.group(1)))):
                if tmp.is_dir():
                    shutil.rmtree(tmp)
                else:
                    tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


def writable_dir(path: Path) -> bool:
    """True when ``path`` exists (made if need be) and this process may write in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


# Caches a forked child is still writing (Lexicon.load(save_in_background=True)).
_SAVING: list[Forked[bool]] = []


def start_saving(save: Callable[[], bool]) -> None:
    if not _SAVING:
        # Registered after multiprocessing's own exit handler (which terminates daemonic
        # children), so this one runs first: the writer is waited for, not cut short.
        import multiprocessing.util  # noqa: F401 - registers that handler if not yet done

        atexit.register(finish_saving)
    _SAVING.append(Forked(save))


def finish_saving() -> None:
    """Wait for dictionary caches still being written in the background (if any)."""
    while _SAVING:
        job = _SAVING.pop()
        try:
            if not job.result():
                log.info("lexicon cache not written; the next run compiles it again")
        except Exception as error:  # noqa: BLE001 - a cache not written is compiled again
            log.info("lexicon cache not written: %s", error)
