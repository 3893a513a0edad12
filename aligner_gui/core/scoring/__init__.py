"""Bead scores and flags, omission classes, the document summary, reference scoring and MQM."""
