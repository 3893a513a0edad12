"""``python -m aligner_gui.cli``: the ``aligner`` command."""

from aligner_gui.cli import run

run()
