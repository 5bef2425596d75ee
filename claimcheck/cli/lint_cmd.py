"""``claimcheck lint`` and ``claimcheck rules``."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import ColorMode, LangOpt, MaxSizeOpt, emit, megabytes, split_list, wants_color


class LintFormat(enum.StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    docx = "docx"
    jsonl = "jsonl"


class Level(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Revisions(enum.StrEnum):
    accepted = "accepted"
    original = "original"


class MessageLang(enum.StrEnum):
    zh = "zh"
    en = "en"
    both = "both"


def lint(
    paths: Annotated[list[Path], typer.Argument(help="Claim files or folders (searched for .txt, .xml, .docx).")],
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.text,
    fail_on: Annotated[
        Level | None,
        typer.Option("--fail-on", help="Exit 1 when a finding at or above this level is found [default: error]."),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rules (names, codes, prefixes, ALL).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rules (names, codes or prefixes).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Use this config file instead of searching upward.")
    ] = None,
    profile: Annotated[
        str | None, typer.Option("--profile", help="Profile: cn-invention, cn-utility-model or a .toml file.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report only findings not recorded in this baseline.")
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record today's findings in this file (and exit 0)."),
    ] = None,
    lang: Annotated[MessageLang | None, typer.Option("--lang", help="Message language: zh, en or both.")] = None,
    description: Annotated[
        Path | None,
        typer.Option(
            "--description", help="The description (说明书), when it is not in the claims file: enables the W rules."
        ),
    ] = None,
    abstract: Annotated[
        Path | None,
        typer.Option("--abstract", help="The abstract (说明书摘要), when it is not in the claims file."),
    ] = None,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes linting a batch of files [default: all cores].")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Lint on a Dask cluster: its scheduler address (tcp://host:8786), or local."),
    ] = None,
    color: Annotated[
        ColorMode, typer.Option("--color", help="Colour the text output: auto (on a terminal), always or never.")
    ] = ColorMode.auto,
    no_color: Annotated[bool, typer.Option("--no-color", help="Same as --color never.")] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically); required for docx."),
    ] = None,
    track_fixes: Annotated[
        bool, typer.Option("--track-fixes", help="docx: write safe textual fixes as tracked changes (修订).")
    ] = False,
    revisions: Annotated[
        Revisions,
        typer.Option("--revisions", help="Tracked changes in a .docx: read as accepted, or the original text."),
    ] = Revisions.accepted,
) -> None:
    """Check claim sets against the drafting rules (权利要求书形式与撰写检查). Exit 0 clean, 1 findings, 2 bad input."""
    import sys

    from claimcheck.errors import InputError
    from claimcheck.lint.config import ConfigResolver
    from claimcheck.lint.engine import Report, expand_paths, lint_paths
    from claimcheck.lint.files import check_inputs
    from claimcheck.model.diagnostic import Severity
    from claimcheck.report.formatters import FORMATTERS

    config_for = ConfigResolver(
        config,
        profile,
        split_list(select),
        split_list(ignore),
        Severity.parse(fail_on.value) if fail_on is not None else None,
        lang.value if lang is not None else None,
    )
    for extra in (description, abstract):
        if extra is not None and not extra.is_file():
            raise InputError(f"{extra}: no such file")
    files = expand_paths(paths)
    if not files:
        raise InputError("no claim files found in " + ", ".join(str(p) for p in paths))
    check_inputs(files, description, abstract, format.value, output)
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None:
            from claimcheck.outfile import check_writable

            check_writable(target, option)
    from claimcheck.cli.lint_batch import run_batch, streams

    if streams(format.value, baseline, write_baseline):
        raise typer.Exit(
            run_batch(
                paths,
                total=len(files),
                fmt=format.value,
                color=format is LintFormat.text
                and wants_color(ColorMode.never if no_color else color, output is None and sys.stdout.isatty()),
                output=output,
                jobs=jobs,
                dask=dask,
                fail_on=config_for(files[0]).fail_on,
                output_lang=config_for(files[0]).lang,
                options={
                    "config": config,
                    "profile": profile,
                    "select": tuple(split_list(select)),
                    "ignore": tuple(split_list(ignore)),
                    "fail_on": Severity.parse(fail_on.value) if fail_on is not None else None,
                    "lang": lang.value if lang is not None else None,
                    "claims_lang": claims_lang,
                    "max_bytes": megabytes(max_size),
                    "description": description,
                    "abstract": abstract,
                    "read_options": (("revisions", revisions.value),),
                },
            )
        )
    progress = None
    if len(files) > 10 and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        # the bar on stderr; stdout is taken over (lines printed above the bar) only when it is the terminal too
        progress = Progress(console=Console(stderr=True), transient=True, redirect_stdout=sys.stdout.isatty())
        progress.start()
        task = progress.add_task("linting", total=len(files))

    def tick(_: Path) -> None:
        if progress is not None:
            progress.advance(task)

    try:
        results = lint_paths(
            paths,
            config_for=config_for,
            lang=claims_lang,
            max_bytes=megabytes(max_size),
            description_path=description,
            abstract_path=abstract,
            on_file=tick,
            revisions=revisions.value,
        )
    finally:
        if progress is not None:
            progress.stop()
    first_cfg = config_for(files[0])
    if write_baseline is not None or baseline is not None:
        from claimcheck.lint import baseline as bl
    if write_baseline is not None:
        n = bl.write_baseline(write_baseline, results)
        typer.echo(f"claimcheck: recorded {n} finding(s) in {write_baseline}", err=True)
        for r in results:
            if r.error:
                typer.echo(f"claimcheck: error: {r.error} (its recorded findings are kept)", err=True)
        raise typer.Exit(2 if any(r.error for r in results) else 0)
    if baseline is not None:
        bl.apply_baseline(results, bl.read_baseline(baseline))
    report = Report(results, fail_on=first_cfg.fail_on)
    if format is LintFormat.docx:
        from claimcheck.report.docx_review import write_review

        assert output is not None
        line = write_review(results[0], output, first_cfg.lang, revisions=revisions.value, track_fixes=track_fixes)
        typer.echo(line, err=True)
    elif format is LintFormat.text:
        use_color = wants_color(ColorMode.never if no_color else color, output is None and sys.stdout.isatty())
        emit(FORMATTERS[format.value](report, first_cfg.lang, use_color), output, use_color or None)
    else:
        emit(FORMATTERS[format.value](report, first_cfg.lang), output)
    if report.input_errors:
        for r in results:
            if r.error and format is not LintFormat.text:
                typer.echo(f"claimcheck: error: {r.error}", err=True)
        raise typer.Exit(2)
    raise typer.Exit(1 if report.failed else 0)


def rules(
    name: Annotated[str | None, typer.Argument(help="A rule name or code: print its documentation.")] = None,
) -> None:
    """List the rules, or print one rule's documentation (规则说明)."""
    from claimcheck.report.rule_docs import rule_doc, rule_table

    typer.echo(rule_table() if name is None else rule_doc(name))
