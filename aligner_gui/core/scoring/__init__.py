"""Bead scores, review flags, omission classes and the MQM vocabulary and scores."""
