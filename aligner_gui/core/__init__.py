"""The Qt-free engine: loading, segmentation, lexicon, alignment, scoring, the document model."""
