"""The HTML review report: its front page, its bead table and its words in two languages."""
