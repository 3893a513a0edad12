"""aligner-gui: review Chinese/English translation alignments."""

__version__ = "0.1.0"
