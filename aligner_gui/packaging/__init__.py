"""The installed or packaged app's self-test (the build is in the repository's packaging/)."""
