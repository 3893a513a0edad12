"""Qt-free file formats: the project JSON, exports and imports."""
