"""Locate bundled data files (schema, icons, the seed) in any install layout.

The repository keeps them in top-level resources/ and seeds/; an installed wheel
carries them as the packages aligner_gui.resources and aligner_gui.seeds (see
setup.py). Running from a source checkout, the checkout's folders are used.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

SEED_NAME = "000_730210bb8f392e85.txt"
_CHECKOUT = Path(__file__).resolve().parents[2]


def _root(package: str, folder: str) -> Traversable:
    local = _CHECKOUT / folder
    if (_CHECKOUT / "pyproject.toml").is_file() and local.is_dir():
        return local
    return resources.files(package)


def resource(*parts: str) -> Traversable:
    """A file under the project's resources/ folder."""
    node = _root("aligner_gui.resources", "resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def seed_path() -> Path:
    """The bundled demo document (the user's seed), as a real file path."""
    node = _root("aligner_gui.seeds", "seeds").joinpath(SEED_NAME)
    return Path(str(node))
