"""Imported by the forkserver before it forks batch workers: they start warm.

The dictionary and the segmenter are loaded once, in the server; each forked worker
shares those pages instead of loading its own copy. ``gc.freeze`` keeps the collector
of each worker from walking (and so copying) the millions of objects it inherits.
"""

from __future__ import annotations

import gc

from aligner_gui.batch.work import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 - the workers load it themselves then
    pass
gc.freeze()
