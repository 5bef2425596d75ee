"""Batch lint that streams: one file at a time, on several processes, each result rendered where it was linted.

:func:`lint_one` is the pure unit of work: one claim file (with the description and abstract filed beside it)
in, one :class:`FileOutcome` out: the file's output already rendered (by a formatter function the caller
passes, so this layer never imports the report layer) and its counts. Nothing of the parsed claim set crosses
back, so a run over any number of files holds only the files in flight. :func:`stream_lint` runs it in this
process or on ``jobs`` processes (:func:`claimcheck.parallel.ordered_map`), results in input order and identical
either way; :mod:`claimcheck.lint.distributed` runs the same function on a Dask cluster.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.lint.config import ConfigResolver
from claimcheck.lint.files import ABSTRACT_TAGS, DESCRIPTION_TAGS, LintInput, companion, is_companion
from claimcheck.lint.results import FileResult
from claimcheck.model.diagnostic import Severity
from claimcheck.parallel import cpu_count, ordered_map

Renderer = Callable[[FileResult, str], str]


@dataclass(frozen=True, eq=False)
class BatchOptions:
    """Everything a worker needs to lint one file the way ``claimcheck lint`` would (picklable).

    Two options objects are equal when they belong to the same run (``run``, a fresh identifier by default), so
    each process reads the configuration files once per run, and a later run reads them again.
    """

    render: Renderer
    config: Path | None = None
    profile: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    lang: str | None = None  # message language given on the command line
    output_lang: str = "both"  # the language the output is rendered in
    claims_lang: str | None = None
    max_bytes: int | None = None
    description: Path | None = None
    abstract: Path | None = None
    read_options: tuple[tuple[str, Any], ...] = ()  # further keyword arguments of lint_paths (e.g. revisions)
    run: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BatchOptions) and other.run == self.run

    def __hash__(self) -> int:
        return hash(self.run)


@dataclass(frozen=True)
class FileOutcome:
    """One linted file: its rendered output and the counts of the run's summary."""

    path: str
    output: str
    claims: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    error: str | None = None


@dataclass
class Totals:
    """The summary of a streamed run, added up as outcomes arrive."""

    fail_on: Severity = Severity.ERROR
    files: int = 0
    claims: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    input_errors: int = 0
    unreadable: list[str] = field(default_factory=list)

    def add(self, o: FileOutcome) -> None:
        self.files += 1
        self.claims += o.claims
        self.errors += o.errors
        self.warnings += o.warnings
        self.infos += o.infos
        if o.error:
            self.input_errors += 1
            if len(self.unreadable) < 1000:
                self.unreadable.append(o.error)

    @property
    def failed(self) -> bool:
        """True when a finding is at or above the fail level (of the run, as in a report of every file)."""
        counts = {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}
        return any(n and sev >= self.fail_on for sev, n in counts.items())

    def summary(self) -> dict[str, Any]:
        """The same keys as the JSON report's ``summary``."""
        return {
            "files": self.files,
            "claims": self.claims,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "baselined": 0,
            "input_errors": self.input_errors,
            "fail_on": self.fail_on.label,
            "failed": self.failed,
        }


@lru_cache(maxsize=8)
def resolver(options: BatchOptions) -> ConfigResolver:
    """One configuration resolver per set of options in each process (config files are read once per folder)."""
    return ConfigResolver(
        options.config,
        options.profile,
        list(options.select),
        list(options.ignore),
        options.fail_on,
        options.lang,
    )


def lint_one(job: tuple[LintInput, BatchOptions]) -> FileOutcome:
    """Lint one file and render it: the unit of work of every batch runner."""
    from claimcheck.lint.engine import lint_paths

    item, options = job
    config_for = resolver(options)
    results = lint_paths(
        [item.path],
        config_for=config_for,
        lang=options.claims_lang,
        max_bytes=options.max_bytes,
        description_path=options.description or item.description,
        abstract_path=options.abstract or item.abstract,
        **dict(options.read_options),
    )
    result = results[0]
    diags = result.diagnostics
    return FileOutcome(
        path=result.path,
        output=options.render(result, options.output_lang),
        claims=len(result.claimset) if result.claimset is not None else 0,
        errors=sum(d.severity is Severity.ERROR for d in diags),
        warnings=sum(d.severity is Severity.WARNING for d in diags),
        infos=sum(d.severity is Severity.INFO for d in diags),
        error=result.error,
    )


def iter_inputs(paths: Iterable[Path]) -> Iterator[LintInput]:
    """The claim files of ``paths`` in the order :func:`claimcheck.lint.files.expand_inputs` gives, found lazily.

    A folder is walked one directory at a time (entries sorted by name, so the order is that of the sorted
    paths); a collection of a million files is never listed in memory at once. Linked folders are not followed,
    as :func:`~claimcheck.lint.files.expand_inputs` does not follow them.
    """
    from claimcheck.readers import SUFFIXES, walk_files

    for p in paths:
        if not p.is_dir():
            yield LintInput(p)
            continue
        for f in walk_files(p, SUFFIXES):
            if not is_companion(f):
                yield LintInput(f, companion(f, DESCRIPTION_TAGS), companion(f, ABSTRACT_TAGS))


def stream_lint(
    inputs: Iterable[LintInput], options: BatchOptions, jobs: int | None = None, min_files_per_job: int = 4
) -> Iterator[FileOutcome]:
    """Lint ``inputs`` one by one, in input order, on ``jobs`` processes (default: every core).

    Processes are started only when there are at least ``min_files_per_job`` files per extra process; a
    handful of files is linted in this process, without the start-up cost.
    """
    jobs = jobs or cpu_count()
    it = iter(inputs)
    head: list[LintInput] = []
    if jobs > 1:
        for item in it:
            head.append(item)
            if len(head) >= jobs * min_files_per_job:
                break
        if len(head) < jobs * min_files_per_job:
            jobs = 1

    def chained() -> Iterator[tuple[LintInput, BatchOptions]]:
        for item in head:
            yield item, options
        for item in it:
            yield item, options

    yield from ordered_map(lint_one, chained(), jobs)
