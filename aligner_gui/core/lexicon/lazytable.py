"""Read-only dictionaries kept on disk in SQLite and read on demand.

A process that aligns two sentences needs a few hundred of jieba's 500,000 words and of
CC-CEDICT's 120,000 entries; unpickling all of them costs more than the alignment. A
:class:`LazyTable` answers ``in``, ``[]`` and ``get`` from an SQLite file (a few
microseconds a lookup, remembered), and once a document has asked for many words it reads
the whole table into a plain dict and hands it to ``on_full``, so that big documents pay
dict speed. Files are written to a temporary name and renamed into place, and carry a
stamp of what they were made from: a stale or damaged file is simply not used.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# After this many distinct lookups a dict of the whole table is cheaper than SQLite.
FULL_AFTER = 40_000

_MISSING = object()  # not in the table (also remembered as such)
_UNKNOWN = object()  # not asked yet


def write_table(
    path: Path,
    items: Iterable[tuple[str, Any]],
    meta: dict[str, Any],
    *,
    tmp_prefix: str = ".table-",
) -> bool:
    """Write ``items`` and ``meta`` (JSON values) to ``path`` atomically; False on failure."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            dir=path.parent, prefix=f"{tmp_prefix}{os.getpid()}-", suffix=".tmp"
        )
        os.close(fd)
    except OSError:
        return False
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            con.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v) WITHOUT ROWID")
            con.executemany("INSERT OR REPLACE INTO t VALUES (?, ?)", items)  # last wins
            (count,) = con.execute("SELECT count(*) FROM t").fetchone()
            meta = {**meta, "count": count}
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()],
            )
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def read_meta(path: Path) -> dict[str, Any] | None:
    """The meta values of a table file, or None if it is missing or unreadable."""
    con = _connect(path)
    if con is None:
        return None
    try:
        return {k: json.loads(v) for k, v in con.execute("SELECT k, v FROM meta")}
    except (sqlite3.Error, ValueError):
        return None
    finally:
        con.close()


def _connect(path: Path) -> sqlite3.Connection | None:
    if not Path(path).is_file():
        return None
    try:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    except (sqlite3.Error, ValueError, OSError):
        return None


class LazyTable:
    """A read-only ``str -> value`` mapping over a table file written by :func:`write_table`.

    Thread-safe; after a fork the child opens its own connection. ``on_full(d)`` is
    called once with the whole table as a dict when :meth:`full` is first needed (many
    lookups, or iteration), so that the owner can swap the dict in.
    """

    def __init__(
        self,
        path: Path,
        *,
        full_after: int = FULL_AFTER,
        on_full: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._memo: dict[str, Any] = {}
        self._full: dict[str, Any] | None = None
        self._full_after = full_after
        self.on_full = on_full
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._pid = -1
        meta = read_meta(self.path)
        if meta is None:
            raise OSError(f"cannot read {self.path}")
        self.meta = meta
        self._count = int(meta.get("count", 0))

    @classmethod
    def open(cls, path: Path, stamp: Any, **options: Any) -> LazyTable | None:
        """The table at ``path`` if its meta ``stamp`` equals ``stamp``, else None."""
        try:
            table = cls(path, **options)
        except OSError:
            return None
        return table if table.meta.get("stamp") == stamp else None

    # -- mapping protocol ----------------------------------------------------------------

    def __contains__(self, key: object) -> bool:
        return self._lookup(key) is not _MISSING

    def __getitem__(self, key: str) -> Any:
        value = self._lookup(key)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._lookup(key)
        return default if value is _MISSING else value

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Any:
        return iter(self.full())

    def values(self) -> Any:
        return self.full().values()

    def items(self) -> Any:
        return self.full().items()

    # -- internals -----------------------------------------------------------------------

    def _lookup(self, key: object) -> Any:
        full = self._full
        if full is not None:
            return full.get(key, _MISSING)  # type: ignore[call-overload]
        value = self._memo.get(key, _UNKNOWN)  # type: ignore[call-overload]
        if value is not _UNKNOWN:
            return value
        if not isinstance(key, str):
            return _MISSING
        if len(self._memo) >= self._full_after:
            return self.full().get(key, _MISSING)
        with self._lock:
            row = self._connection().execute("SELECT v FROM t WHERE k = ?", (key,)).fetchone()
        value = _MISSING if row is None else row[0]
        self._memo[key] = value
        return value

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            con = _connect(self.path)
            if con is None:
                raise OSError(f"cannot read {self.path}")
            self._con, self._pid = con, os.getpid()
        return self._con

    def full(self) -> dict[str, Any]:
        """The whole table as a dict (read once; ``on_full`` is told)."""
        full = self._full
        if full is None:
            with self._lock:
                full = self._full
                if full is None:
                    full = dict(self._connection().execute("SELECT k, v FROM t"))
                    self._full = full
                    self._memo = {}
            if self.on_full is not None:
                self.on_full(full)
        return full
