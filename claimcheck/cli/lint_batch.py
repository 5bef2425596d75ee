"""The streaming path of ``claimcheck lint``: many files, on every core or a Dask cluster, written as they finish."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from claimcheck.lint.files import LintInput


def streams(fmt: str, baseline: Path | None, write_baseline: Path | None) -> bool:
    """Whether ``claimcheck lint`` streams this run (a baseline needs every result at once; SARIF is one document)."""
    from claimcheck.report.stream_output import STREAM_FORMATS

    return fmt in STREAM_FORMATS and baseline is None and write_baseline is None


def run_batch(
    paths: list[Path],
    *,
    total: int,
    fmt: str,
    color: bool,
    output: Path | None,
    jobs: int | None,
    dask: str | None,
    fail_on: Any,
    output_lang: str,
    options: dict[str, Any],
) -> int:
    """Lint and write file by file; return the exit code (0 clean, 1 findings, 2 unreadable files)."""
    from claimcheck.lint.stream import BatchOptions, FileOutcome, Totals, iter_inputs, stream_lint
    from claimcheck.report.stream_output import renderer, write_stream

    opts = BatchOptions(render=renderer(fmt, color), output_lang=output_lang, **options)
    client = None
    inputs: Iterator[LintInput] = iter_inputs(paths)
    if dask:
        from claimcheck.lint.distributed import connect, dask_lint

        client = connect(dask)
        outcomes: Iterator[FileOutcome] = dask_lint(inputs, opts, client)
    else:
        outcomes = stream_lint(inputs, opts, jobs)
    progress = None
    if total > 10 and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        # the bar on stderr; stdout is taken over (lines printed above the bar) only when it is the terminal too
        progress = Progress(console=Console(stderr=True), transient=True, redirect_stdout=sys.stdout.isatty())
        progress.start()
        task = progress.add_task("linting", total=total)

    def tick(_: FileOutcome) -> None:
        if progress is not None:
            progress.advance(task)

    totals = Totals(fail_on=fail_on)

    def write(out: TextIO) -> None:
        write_stream(outcomes, out, fmt, totals, color=color, on_file=tick)

    try:
        if output is None:
            write(sys.stdout)
        else:
            from claimcheck.outfile import write_atomic

            def to_file(tmp: Path) -> None:
                with tmp.open("w", encoding="utf-8") as fh:
                    write(fh)

            write_atomic(output, to_file)
            print(f"claimcheck: wrote {output}", file=sys.stderr)
    finally:
        if progress is not None:
            progress.stop()
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:  # a local cluster started for this run
                cluster.close()
    if totals.input_errors:
        return 2
    return 1 if totals.failed else 0
