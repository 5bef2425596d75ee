"""``claimcheck search``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import MaxSizeOpt, TextOrJson, emit, megabytes


def search(
    index: Annotated[str, typer.Argument(help="The index: a file built by 'claimcheck index build', or a URL.")],
    query: Annotated[str, typer.Argument(help="Words to look for, or a claim file (its claims are the query).")],
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=1000, help="How many documents to show.")] = 10,
    passages: Annotated[int, typer.Option("--passages", min=0, max=20, help="Passages quoted per document.")] = 3,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Find the documents of a prior-art index closest to a query or a claim set (检索), with the passages that matched."""
    from claimcheck.index import open_store, query_text
    from claimcheck.index import search as run_search
    from claimcheck.index.output import hits_json, hits_text

    text = query_text(query, megabytes(max_size))
    with open_store(index, readonly=True) as store:
        hits = run_search(store, text, top, passages)
    emit(hits_json(hits) if format is TextOrJson.json else hits_text(hits), output)
