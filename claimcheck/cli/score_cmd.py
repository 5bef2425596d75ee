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


def score(
    paths: Annotated[list[Path], typer.Argument(help="Disclosures (.docx, .md, .txt) or folders of them.")],
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
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Score invention disclosures (技术交底书评分) for a pre-filing review panel: score, verdict, requests."""
    from claimcheck.disclose import disclosure_files, load_panel, load_rubric, read_corpus, score_disclosure
    from claimcheck.errors import InputError
    from claimcheck.readers import read_path
    from claimcheck.report import score_output

    limit = megabytes(max_size)
    files = disclosure_files(paths)
    rub = load_rubric(rubric)
    sheet = load_panel(panel) if panel is not None else None
    docs = read_corpus(corpus) if corpus is not None else None
    if against:
        from claimcheck.match import read_document

        docs = (docs or []) + [(p.name, read_document(p, f"D{i}", limit).text) for i, p in enumerate(against, start=1)]
    reports = []
    errors = 0
    for f in files:
        try:
            reports.append(score_disclosure(read_path(f, max_bytes=limit), rub, sheet, docs))
        except InputError as e:
            errors += 1
            typer.echo(f"claimcheck: error: {e}", err=True)
    if not reports:
        raise typer.Exit(2)
    render = {
        ScoreFormat.text: score_output.score_text,
        ScoreFormat.json: score_output.score_json,
        ScoreFormat.html: score_output.score_html,
        ScoreFormat.csv: score_output.score_csv,
    }[format]
    emit(render(reports), output)
    raise typer.Exit(2 if errors else 0)
