"""Batch alignment: many documents in one run (``aligner batch``), Qt-free like core/ and io/."""
