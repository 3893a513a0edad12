"""Where a new project is offered to be saved (io.pairing.save_folder)."""

from __future__ import annotations

from pathlib import Path


def test_a_new_project_is_not_offered_the_bundled_seeds_folder(tmp_path):
    """Saving the seed suggested the installed package's own folder (writable inside a
    virtual environment): the home folder instead; a text's own folder otherwise."""
    from aligner_gui.core.resources import seed_path
    from aligner_gui.io.pairing import save_folder

    assert save_folder(seed_path().parent) == Path.home()
    assert save_folder(None) == Path.home()
    assert save_folder(tmp_path) == tmp_path
