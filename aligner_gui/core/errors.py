"""Typed errors of the engine. Each carries a one-line message fit for an editor."""

from __future__ import annotations


class AlignerError(Exception):
    """Base of all expected failures; the CLI prints str(error) and exits 2."""


class InputError(AlignerError):
    """An input text cannot be used (missing, empty, binary, one language only, too large)."""


class Cancelled(AlignerError):
    """A long operation was cancelled by its caller."""
