"""The process's one lexicon: loaded once, shared by the aligner, the scorer and the checks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aligner_gui.core.lexicon.lexicon import Lexicon


# How get_lexicon loads in this process (set by the CLI; the window loads its own way).
_LOAD_OPTIONS: dict[str, Any] = {"save_in_background": False, "building": None,
                                 "progress": None, "also": None}


def load_options(*, save_in_background: bool = False,
                 building: Callable[[float], None] | None = None,
                 progress: Callable[[float], None] | None = None,
                 also: Callable[[], object] | None = None) -> None:
    """``save_in_background``: a first run's dictionary caches may be written by a forked
    child while this process goes on (for a command that exits when its document is done:
    the exit waits for it). ``building(seconds)`` is told when the dictionary is about to be
    compiled (a first run), so the pause can be announced then, and only then;
    ``progress(fraction)`` as the compile goes; ``also`` is other first-run preparation,
    done by a helper process while the dictionary compiles (see ``Lexicon.load``)."""
    _LOAD_OPTIONS.update(save_in_background=save_in_background, building=building,
                         progress=progress, also=also)


# One load at a time: the window may load it for the suggestions and for an alignment on
# two threads at once.
_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Lexicon:
    from aligner_gui.core.lexicon.lexicon import Lexicon

    return Lexicon.load(**_LOAD_OPTIONS)


def get_lexicon() -> Lexicon:
    """The dictionary, loaded once per process (it is immutable, so sharing is safe)."""
    if _load.cache_info().currsize:
        return _load()
    with _LOADING:
        return _load()


def loaded_lexicon() -> Lexicon | None:
    """The dictionary if something already loaded it, else None (never loads it).

    For callers on a GUI thread that must not pay the load (tooltips, tints).
    """
    if _load.cache_info().currsize:
        return _load()
    return None


def load_if_cached(compile: bool = False) -> bool:
    """Load the dictionary if that only reads its cache, or with ``compile`` in any case
    (True when loaded); else a first run's compile is left to whoever announces it (the
    alignment's progress). For the suggestions of an opened project, whose negation check
    and coverage spans need the dictionary (off the GUI thread)."""
    if loaded_lexicon() is not None:
        return True
    from aligner_gui.core.lexicon.cache import cache_is_current

    if not compile and not cache_is_current():
        return False
    get_lexicon()
    return True
