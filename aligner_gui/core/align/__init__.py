"""The aligner: paragraphs, then sentences, by banded dynamic programming; and its evaluation."""
