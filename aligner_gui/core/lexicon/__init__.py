"""The bilingual lexicon: CC-CEDICT compiled once, Chinese words, learned translations."""
