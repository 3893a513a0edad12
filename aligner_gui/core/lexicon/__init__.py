"""The bilingual lexicon: CC-CEDICT compiled once, jieba's tables, learned translations."""
