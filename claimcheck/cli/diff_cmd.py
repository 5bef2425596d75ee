"""``claimcheck diff`` and ``claimcheck support``."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import FileArg, LangOpt, MaxSizeOpt, TextOrJson, emit, megabytes


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"
    html = "html"
    docx = "docx"


def diff(
    old: Annotated[Path, typer.Argument(help="The claims before the amendment.")],
    new: Annotated[Path, typer.Argument(help="The amended claims.")],
    against_original: Annotated[
        Path | None,
        typer.Option(
            "--against-original", help="The application as filed: look every added feature up in it (修改超范围)."
        ),
    ] = None,
    description: Annotated[
        Path | None,
        typer.Option("--description", help="The original description, when not in the --against-original file."),
    ] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text output.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically); required for docx.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="docx: the page's language, zh or en.")] = "zh",
) -> None:
    """Compare two versions of a claim set claim by claim (权利要求修改对照); exit 1 when added matter is suspected."""
    import sys

    from claimcheck.application import load_application
    from claimcheck.diff import check_added_matter, pair_claims
    from claimcheck.errors import InputError
    from claimcheck.report import diff_output

    limit = megabytes(max_size)
    if format is DiffFormat.docx and output is None:
        raise InputError("--format docx needs --output FILE.docx (the 修改对照页)")
    old_app = load_application(old, lang=claims_lang, max_bytes=limit)
    new_app = load_application(new, lang=claims_lang, max_bytes=limit)
    changes = pair_claims(old_app.claims, new_app.claims)
    if against_original is not None:
        original = load_application(against_original, description=description, lang=claims_lang, max_bytes=limit)
        check_added_matter(changes, original)
    if format is DiffFormat.docx:
        from claimcheck.report.diff_docx import diff_docx

        assert output is not None
        diff_docx(changes, output, old, new, lang)
        typer.echo(f"claimcheck: wrote {output}", err=True)
    elif format is DiffFormat.json:
        emit(diff_output.diff_json(changes), output)
    elif format is DiffFormat.html:
        emit(diff_output.diff_html(changes, f"{old.name} → {new.name}"), output)
    else:
        emit(diff_output.diff_text(changes, color if color is not None else sys.stdout.isatty()), output)
    raise typer.Exit(1 if any(not lk.found for ch in changes for lk in ch.lookups) else 0)


def support(
    file: FileArg,
    description: Annotated[
        Path | None,
        typer.Option("--description", help="The description, when it is not in FILE."),
    ] = None,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    claims_lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Show where the description supports each claim term (说明书支持对照), citing paragraphs."""
    from claimcheck.analysis.support import term_support
    from claimcheck.application import load_application
    from claimcheck.errors import InputError
    from claimcheck.lint.config import load_config
    from claimcheck.report.support_output import support_json, support_text

    lex = load_config(file).lexicons()
    app_ = load_application(
        file, description=description, lang=claims_lang, max_bytes=megabytes(max_size), lexicons=lex
    )
    if app_.description is None:
        raise InputError(f"{file}: no description found (give a whole application or --description FILE)")
    rows = term_support(app_.claims, app_.description, lex)
    typer.echo(support_json(rows) if format is TextOrJson.json else support_text(rows))
