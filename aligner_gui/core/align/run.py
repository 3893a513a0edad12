"""State shared by the steps of one alignment: the unit bead and the progress/cancel run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from aligner_gui.core.errors import Cancelled

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


@dataclass
class UnitBead:
    """A bead in local unit coordinates with the statistics its cost was made of."""

    x0: int
    a: int
    y0: int
    b: int
    cost: float = 0.0
    score: float = 0.5
    stats: tuple[float, ...] = ()  # lx, ly, nx, ny, mx, my, quote edges
    fixed: int | None = None  # index into the caller's fixed beads
    # Per sentence of the bead (x side, y side): posterior probability that it is
    # unaligned (1-0 / 0-1), from the final pass's forward-backward.
    p_un: tuple[list[float], list[float]] = ((), ())  # type: ignore[assignment]


@dataclass
class _Run:
    """Bookkeeping shared by the DPs of one align_sides call."""

    cancel: Cancel | None
    progress: Progress | None
    total_units: float
    done: float = 0.0
    pass_index: int = 0
    n_passes: int = 2
    offpath: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0, 0.0])

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled("alignment cancelled")

    # Share of the progress bar given to reading features; the passes share the rest.
    features_share: float = 0.15

    def advance(self, units: float) -> None:
        self.done += units
        self.report(0.0, 0.0)

    def report(self, inner: float, units: float) -> None:
        """Progress after ``done`` units plus ``inner`` of a DP over ``units`` more."""
        if self.progress is None:
            return
        within = min(1.0, (self.done + inner * units) / max(self.total_units, 1.0))
        share = (1.0 - self.features_share) / self.n_passes
        frac = self.features_share + share * (self.pass_index + within)
        self.progress(min(1.0, max(0.0, frac)))

    def features(self, fraction: float) -> None:
        self.check()
        if self.progress is not None:
            self.progress(self.features_share * min(1.0, max(0.0, fraction)))
