"""The coverage lens: which words of a bead did not make it across."""
