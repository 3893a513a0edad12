"""``python -m aligner_gui.cli``: the ``aligner`` command."""

import sys

from aligner_gui.cli import main

sys.exit(main())
