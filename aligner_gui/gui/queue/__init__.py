"""The review queue of a folder of documents: a dock on the review window.

The window that opens on a folder is ``aligner_gui.gui.create_folder_window``.
"""

from __future__ import annotations

from aligner_gui.gui.queue.dock import ReviewQueueDock

__all__ = ["ReviewQueueDock"]
