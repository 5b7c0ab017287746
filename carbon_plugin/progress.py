"""A small progress/cancel/log channel the engine reports through (QGIS feedback or nothing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import Cancelled, fill


def _ignore(_: str) -> None:
    return None


@dataclass
class Progress:
    """Callbacks for one run. ``fraction`` is 0-1; ``is_cancelled`` is polled between blocks."""

    on_fraction: Callable[[float], None] = lambda _f: None
    is_cancelled: Callable[[], bool] = lambda: False
    info: Callable[[str], None] = _ignore
    warn: Callable[[str], None] = _ignore
    warnings: list[str] = field(default_factory=list)
    translate: Callable[[str], str] = lambda text: text

    def log(self, template: str, **values) -> None:
        """Log a message (a template marked with QT_TRANSLATE_NOOP) in the user's language."""
        self.info(fill(self.translate(template), values))

    def report(self, fraction: float) -> None:
        """Report progress and stop with ``Cancelled`` if the user asked to."""
        if self.is_cancelled():
            raise Cancelled("Cancelled by the user")
        self.on_fraction(min(max(fraction, 0.0), 1.0))

    def warning(self, template: str, **values) -> None:
        """Log a warning in the user's language and keep it (in English) for the caller or a test."""
        self.warnings.append(fill(template, values))
        self.warn(fill(self.translate(template), values))

    def sub(self, start: float, end: float) -> Progress:
        """A child channel mapping 0-1 onto [start, end] of this one (for multi-step runs)."""
        return Progress(
            on_fraction=lambda f: self.on_fraction(start + (end - start) * f),
            is_cancelled=self.is_cancelled,
            info=self.info,
            warn=self.warn,
            warnings=self.warnings,
            translate=self.translate,
        )
