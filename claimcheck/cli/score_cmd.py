"""``claimcheck score``."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import MaxSizeOpt, emit, megabytes


class ScoreFormat(enum.StrEnum):
    text = "text"
    json = "json"
    html = "html"
    csv = "csv"
    docx = "docx"


def score(
    paths: Annotated[
        list[Path], typer.Argument(help="Disclosures (.docx, .md, .txt, .pdf with text) or folders of them.")
    ],
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.text,
    rubric: Annotated[
        Path | None, typer.Option("--rubric", help="The panel's rubric (weights, verdict bands).")
    ] = None,
    panel: Annotated[
        Path | None,
        typer.Option(
            "--panel",
            help="The panel's judgement sheet (TOML or CSV): market-demand, commercial-risk, grant-prospect 1–5.",
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="A folder of prior-art documents: the closest one gives a novelty risk."),
    ] = None,
    against: Annotated[
        list[Path],
        typer.Option(
            "--against", help="Prior-art documents (text, XML, PDF, .docx) to measure the novelty risk against."
        ),
    ] = [],  # noqa: B006
    pct: Annotated[
        bool, typer.Option("--pct", help="The panel wants protection abroad: the filing plan proposes a PCT route.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file; required for docx.")
    ] = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Score invention disclosures (技术交底书评分) for a pre-filing review panel: score, verdict, requests."""
    from claimcheck.disclose import (
        corpus_files,
        disclosure_files,
        load_panel,
        load_rubric,
        read_disclosure,
        score_disclosure,
    )
    from claimcheck.errors import InputError
    from claimcheck.report import score_output

    limit = megabytes(max_size)
    if format is ScoreFormat.docx and output is None:
        raise InputError("--format docx needs --output FILE.docx (the score sheet)")
    if output is not None:
        from claimcheck.outfile import check_writable

        check_writable(output, "--output")
    files = disclosure_files(paths)
    rub = load_rubric(rubric)
    sheet = load_panel(panel) if panel is not None else None
    if pct:
        sheet = {**(sheet or {}), "pct": 1.0}
    prior = corpus_files(corpus) if corpus is not None else []
    docs: list[tuple[str, str]] | None = None
    comparer = None
    if against or corpus is not None:
        from claimcheck.match import read_document
        from claimcheck.report.keypoint_match import match_comparer

        # each document read once, within --max-size: the comparer takes them all; the text measure takes the
        # corpus's text and .docx files and the --against documents
        documents = []
        docs = []
        for i, (p, given) in enumerate([*((p, False) for p in prior), *((p, True) for p in against)], start=1):
            if p.suffix.lower() not in (".txt", ".md", ".docx", ".xml", ".pdf"):
                continue
            try:
                d = read_document(p, f"D{i}", limit)
            except InputError as e:
                if p in against:
                    raise
                typer.echo(f"claimcheck: warning: --corpus: {e} (skipped)", err=True)
                continue
            documents.append(d)
            if given or p.suffix.lower() in (".txt", ".md", ".docx"):
                docs.append((p.name, d.text))
        comparer = match_comparer(documents)
    reports = []
    errors = 0
    for f in files:
        try:
            reports.append(score_disclosure(read_disclosure(f, limit), rub, sheet, docs, comparer))
        except InputError as e:
            errors += 1
            typer.echo(f"claimcheck: error: {e}", err=True)
    if not reports:
        raise typer.Exit(2)
    if format is ScoreFormat.docx:
        from claimcheck.report.score_docx import score_docx

        assert output is not None
        score_docx(reports, output)
        typer.echo(f"claimcheck: wrote {output}", err=True)
        raise typer.Exit(2 if errors else 0)
    render = {
        ScoreFormat.text: score_output.score_text,
        ScoreFormat.json: score_output.score_json,
        ScoreFormat.html: score_output.score_html,
        ScoreFormat.csv: score_output.score_csv,
    }[format]
    emit(render(reports), output)
    raise typer.Exit(2 if errors else 0)
