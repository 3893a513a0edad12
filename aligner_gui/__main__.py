"""``python -m aligner_gui [FILE ...]``: the review window, as the ``aligner-gui`` command."""

from aligner_gui.app import main

raise SystemExit(main())
