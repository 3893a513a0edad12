"""Imported by the forkserver before it forks batch workers: they start warm.

The dictionary and the segmenter are loaded once, in the server; each forked worker
shares those pages instead of loading its own copy.
"""

from __future__ import annotations

from aligner_gui.batch.work import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 - the workers load it themselves then
    pass
