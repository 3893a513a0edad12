"""The process's one lexicon: loaded once, shared by the aligner, the scorer and the checks."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aligner_gui.core.lexicon.lexicon import Lexicon


_SAVE_IN_BACKGROUND = [False]


def save_caches_in_background() -> None:
    """A first run's dictionary caches may be written by a forked child while this process
    goes on (for a command that exits when its document is done: the exit waits for it)."""
    _SAVE_IN_BACKGROUND[0] = True


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The dictionary, loaded once per process (it is immutable, so sharing is safe)."""
    from aligner_gui.core.lexicon.lexicon import Lexicon

    return Lexicon.load(save_in_background=_SAVE_IN_BACKGROUND[0])


def loaded_lexicon() -> Lexicon | None:
    """The dictionary if something already loaded it, else None (never loads it).

    For callers on a GUI thread that must not pay the load (tooltips, tints).
    """
    if get_lexicon.cache_info().currsize:
        return get_lexicon()
    return None
