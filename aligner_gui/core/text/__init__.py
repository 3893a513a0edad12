"""Text in: reading files, encodings, segmentation into sentences, numbers and names."""
