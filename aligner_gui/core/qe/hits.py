"""What a QA check's text rule returns: hits with offsets into the texts it was given.

Its own module so that a rule the risk pass runs (``idioms``) does not import the other
rules' word lists at start-up.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Hits", "RuleHit"]


class RuleHit(NamedTuple):
    side: str  # "source" | "target"
    start: int  # offsets into the text of that side given to the rule
    end: int
    category: str
    severity: str
    comment: str


Hits = tuple[RuleHit, ...]
