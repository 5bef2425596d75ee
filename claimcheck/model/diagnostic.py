"""Diagnostics: what a rule reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from claimcheck.model.source import SourceText, Span


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in output and configuration."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """``"error"`` -> ``Severity.ERROR`` (raises ValueError for unknown names)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity '{value}' (use error, warning or info)") from None


class Applicability(enum.Enum):
    """Whether a fix may be applied automatically."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Fix:
    """A suggested change: replace ``span`` by ``replacement`` (or just advice when ``span`` is None)."""

    title_zh: str
    title_en: str
    span: Span | None = None
    replacement: str | None = None
    applicability: Applicability = Applicability.DISPLAY_ONLY


@dataclass(slots=True)
class Diagnostic:
    """One finding of one rule, pointing at a span of the source.

    The engine fills ``rule``, ``code`` and applies configured severities; a
    rule sets the claim, the span, the two messages and, where it can, a fix.
    """

    rule: str
    code: str
    severity: Severity
    claim: int | None
    span: Span
    message_zh: str
    message_en: str
    fix: Fix | None = None
    catalogue: tuple[str, ...] = ()
    source: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    where: SourceText | None = None  # set when the span points into another text than the claims (the description)
