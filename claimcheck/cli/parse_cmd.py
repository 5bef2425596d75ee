"""``claimcheck parse`` and ``claimcheck tree``."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.options import FileArg, LangOpt, MaxSizeOpt, TextOrJson, megabytes

if TYPE_CHECKING:
    from claimcheck.model import ClaimSet


class TreeFormat(enum.StrEnum):
    text = "text"
    json = "json"
    mermaid = "mermaid"
    dot = "dot"


def _load(path: FileArg, lang: str | None, max_size: int) -> ClaimSet:
    from claimcheck.parse import parse_source
    from claimcheck.readers import read_path

    return parse_source(read_path(path, lang=lang, max_bytes=megabytes(max_size)))


def parse(
    file: FileArg,
    format: Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")] = TextOrJson.text,
    lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Parse a claim set and show each claim's kind, category, subject and references (解析权利要求)."""
    from claimcheck.report import parse_output

    cs = _load(file, lang, max_size)
    typer.echo(parse_output.parse_json(cs) if format is TextOrJson.json else parse_output.parse_text(cs))


def tree(
    file: FileArg,
    format: Annotated[TreeFormat, typer.Option("--format", "-f", help="Output format.")] = TreeFormat.text,
    lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Draw the dependency tree of a claim set (引用关系树); Mermaid and Graphviz for documents."""
    from claimcheck.report import parse_output

    cs = _load(file, lang, max_size)
    if format is TreeFormat.text:
        from rich.console import Console

        Console(highlight=False).print(parse_output.tree_rich(cs))
        return
    render = {
        TreeFormat.json: parse_output.tree_json,
        TreeFormat.mermaid: parse_output.tree_mermaid,
        TreeFormat.dot: parse_output.tree_dot,
    }
    typer.echo(render[format](cs))
