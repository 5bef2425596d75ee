"""The outcome of a lint run: one result per file, and the report formatters read."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.model import ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Severity


@dataclass
class FileResult:
    """The outcome of linting one file."""

    path: str
    claimset: ClaimSet | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    baselined: int = 0


@dataclass
class Report:
    """Everything formatters need: one result per file."""

    files: list[FileResult]
    fail_on: Severity = Severity.ERROR

    def count(self, severity: Severity) -> int:
        """Number of findings of exactly this severity."""
        return sum(1 for f in self.files for d in f.diagnostics if d.severity is severity)

    @property
    def failed(self) -> bool:
        """True when a finding is at or above the fail level."""
        return any(d.severity >= self.fail_on for f in self.files for d in f.diagnostics)

    @property
    def input_errors(self) -> int:
        """Number of files that could not be read."""
        return sum(1 for f in self.files if f.error)
