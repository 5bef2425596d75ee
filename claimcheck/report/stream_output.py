"""Lint output written file by file, as a batch run streams (``claimcheck lint`` over many files).

Each renderer turns one :class:`~claimcheck.lint.results.FileResult` into its part of the output with the very
formatter of a whole report (so the two can never differ), and :func:`write_stream` writes the parts as they
arrive, then the summary. The result is the output of the one-report formatters, byte for byte, for ``text``,
``json`` and ``github``; ``jsonl`` (JSON Lines) is one object per file, then one ``{"summary": …}`` line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TextIO

from claimcheck.lint.results import FileResult, Report
from claimcheck.lint.stream import FileOutcome, Renderer, Totals
from claimcheck.report.formatters import render_github, render_json, render_text

STREAM_FORMATS = ("text", "json", "jsonl", "github")


def file_entry(result: FileResult, lang: str) -> dict[str, Any]:
    """The file's object of the JSON report."""
    import json

    entry: dict[str, Any] = json.loads(render_json(Report([result]), lang))["files"][0]
    return entry


def file_jsonl(result: FileResult, lang: str) -> str:
    """One line of JSON Lines: the file's object of the JSON report."""
    import json

    return json.dumps(file_entry(result, lang), ensure_ascii=False, separators=(",", ":"))


def file_json(result: FileResult, lang: str) -> str:
    """The file's object as it is laid out inside the JSON report (indented by two levels)."""
    import json

    return _indent(json.dumps(file_entry(result, lang), ensure_ascii=False, indent=2), 4)


def file_text(result: FileResult, lang: str, color: bool = False) -> str:
    """The file's findings in the compiler-style text report, without the summary line."""
    text = render_text(Report([result]), lang, color)
    return text.rsplit("\n", 1)[0] if "\n" in text else ""


def file_github(result: FileResult, lang: str) -> str:
    """The file's workflow annotations."""
    return render_github(Report([result]), lang)


def renderer(fmt: str, color: bool = False) -> Renderer:
    """The per-file renderer of an output format (a picklable function, for worker processes)."""
    if fmt == "text":
        return partial(file_text, color=color)
    return {"json": file_json, "jsonl": file_jsonl, "github": file_github}[fmt]


def _indent(text: str, n: int) -> str:
    pad = " " * n
    return "\n".join(pad + line for line in text.split("\n"))


def summary_text(s: dict[str, Any], color: bool = False) -> str:
    """The last line of the text report."""
    import io

    if not color:  # plain text is written without loading rich
        counts = f"{s['files']} file(s), {s['claims']} claims: {s['errors']} error(s), {s['warnings']} warning(s)"
        base = f", {s['baselined']} baselined" if s["baselined"] else ""
        bad = f", {s['input_errors']} unreadable" if s["input_errors"] else ""
        verdict = "FAILED" if s["failed"] or s["input_errors"] else "OK"
        return f"{verdict}: {counts}, {s['infos']} info{base}{bad} (fail on {s['fail_on']})"
    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=bool(color),
        color_system="standard" if color else None,
        width=200,
        highlight=False,
        soft_wrap=True,
    )
    verdict = "[bold red]FAILED[/]" if s["failed"] or s["input_errors"] else "[bold green]OK[/]"
    base = f", {s['baselined']} baselined" if s["baselined"] else ""
    bad = f", {s['input_errors']} unreadable" if s["input_errors"] else ""
    console.print(
        f"{verdict}: {s['files']} file(s), {s['claims']} claims: {s['errors']} error(s), {s['warnings']} warning(s), "
        f"{s['infos']} info{base}{bad} (fail on {s['fail_on']})"
    )
    return buf.getvalue().rstrip("\n")


def write_stream(
    outcomes: Iterable[FileOutcome],
    out: TextIO,
    fmt: str,
    totals: Totals,
    *,
    color: bool = False,
    on_file: Callable[[FileOutcome], None] | None = None,
    errors_to: TextIO | None = None,
) -> Totals:
    """Write each file's part as soon as it arrives (flushed), then the summary; return the totals.

    Unreadable files are also named on ``errors_to`` (stderr) in the machine formats, as the one-report path does.
    """
    errors_to = errors_to or sys.stderr
    first = True
    wrote = False
    if fmt == "json":
        out.write('{\n  "version": 1,\n  "files": [')
    for o in outcomes:
        totals.add(o)
        if fmt == "json":
            out.write(("\n" if first else ",\n") + o.output)
        elif o.output:
            out.write(o.output + "\n")
            wrote = True
        first = False
        out.flush()
        if o.error and fmt != "text":
            errors_to.write(f"claimcheck: error: {o.error}\n")
        if on_file is not None:
            on_file(o)
    s = totals.summary()
    if fmt in ("json", "jsonl"):
        import json
    if fmt == "json":
        out.write(("]" if first else "\n  ]") + ',\n  "summary": ')
        out.write(_indent(json.dumps(s, ensure_ascii=False, indent=2), 2)[2:] + "\n}\n")
    elif fmt == "jsonl":
        out.write(json.dumps({"summary": s}, ensure_ascii=False, separators=(",", ":")) + "\n")
    elif fmt == "text":
        out.write(summary_text(s, color) + "\n")
    elif fmt == "github" and not wrote:
        out.write("\n")  # the one-report path prints one empty line when there is nothing to annotate
    out.flush()
    return totals
