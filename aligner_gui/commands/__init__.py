"""What the `aligner` commands do; ``aligner_gui.cli`` holds their parser and ``main``."""
