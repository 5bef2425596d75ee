"""Typer commands: parse, tree, lint, rules."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from claimcheck import __version__

app = typer.Typer(
    name="claimcheck",
    help="Check the drafting quality of Chinese patent claims (权利要求书质量检查).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer needs Optional on 3.11
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """claimcheck: parse and lint patent claim sets (权利要求书)."""


class ParseFormat(str, enum.Enum):
    text = "text"
    json = "json"


class TreeFormat(str, enum.Enum):
    text = "text"
    json = "json"
    mermaid = "mermaid"
    dot = "dot"


FileArg = Annotated[Path, typer.Argument(help="Claims file: .txt (UTF-8 or GBK), CNIPA/WIPO/EPO .xml, or .docx; - for stdin.")]
LangOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--lang", help="Language of the claim set to read from a multilingual XML file (default: zh, else en)."),
]
MaxSizeOpt = Annotated[int, typer.Option("--max-size", help="Refuse input files larger than this many MB.")]


def _load(path: Path, lang: str | None, max_size: int):  # type: ignore[no-untyped-def]
    from claimcheck.parse import parse_source
    from claimcheck.readers import read_path

    return parse_source(read_path(path, lang=lang, max_bytes=max_size * 1024 * 1024))


@app.command()
def parse(
    file: FileArg,
    format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
    lang: LangOpt = None,
    max_size: MaxSizeOpt = 20,
) -> None:
    """Parse a claim set and show each claim's kind, category, subject and references (解析权利要求)."""
    from claimcheck.report import parse_output

    cs = _load(file, lang, max_size)
    typer.echo(parse_output.parse_json(cs) if format is ParseFormat.json else parse_output.parse_text(cs))


@app.command()
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
    render = {TreeFormat.json: parse_output.tree_json, TreeFormat.mermaid: parse_output.tree_mermaid, TreeFormat.dot: parse_output.tree_dot}
    typer.echo(render[format](cs))
