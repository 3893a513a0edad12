"""The window's controllers: files, alignment runs, review operations and the QA-check menu."""
