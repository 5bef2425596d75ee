"""The typer application: the root callback and the commands, each defined in its own module."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.cli.diff_cmd import diff, support
from claimcheck.cli.index_cmd import index_app
from claimcheck.cli.lint_cmd import lint, rules
from claimcheck.cli.match_cmd import match
from claimcheck.cli.parse_cmd import parse, tree
from claimcheck.cli.score_cmd import score
from claimcheck.cli.search_cmd import search
from claimcheck.cli.serve_cmd import serve
from claimcheck.cli.translation_cmd import translation

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
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """claimcheck: parse and lint patent claim sets (权利要求书)."""


for command in (parse, tree, lint, rules, diff, support, score, match):
    app.command()(command)
app.command()(search)
app.add_typer(index_app)
app.command()(serve)
app.command()(translation)
