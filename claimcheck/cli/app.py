"""The typer application: the root callback and the commands, each defined in its own module."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

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

_COMMANDS: tuple[Callable[..., Any] | typer.Typer, ...] = (
    parse,
    tree,
    lint,
    rules,
    diff,
    support,
    score,
    match,
    search,
    index_app,
    serve,
    translation,
)
"""Every command (``index`` a group of its own), in the order ``claimcheck --help`` lists them."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """claimcheck: parse and lint patent claim sets (权利要求书)."""


def _name(command: Callable[..., Any] | typer.Typer) -> str:
    if isinstance(command, typer.Typer):
        return str(command.info.name)
    return command.__name__


def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with the command named ``only`` alone.

    Typer reads the options of every command it holds each time it runs, so a run of one command builds an
    application that holds just that command: its options, help and errors are the same.
    """
    application = typer.Typer(
        name="claimcheck",
        help="Check the drafting quality of Chinese patent claims (权利要求书质量检查).",
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(_root)
    for command in _COMMANDS:
        if only is not None and _name(command) != only:
            continue
        if isinstance(command, typer.Typer):
            application.add_typer(command)
        else:
            application.command()(command)
    return application


def for_arguments(args: Sequence[str]) -> typer.Typer:
    """The application to run ``claimcheck ARGS``: only the named command when ``ARGS`` begins with one."""
    if args and args[0] in {_name(c) for c in _COMMANDS}:
        return build(args[0])
    return app


app = build()
