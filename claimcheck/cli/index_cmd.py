"""``claimcheck index build`` and ``claimcheck index update``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import MaxSizeOpt, megabytes

index_app = typer.Typer(
    name="index",
    help="Build or refresh a prior-art collection index (现有技术文献库索引) for search and match --index.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

FoldersArg = Annotated[
    list[Path], typer.Argument(help="Folders (or files) of prior-art documents: text, .docx, XML, PDF.")
]
IndexOpt = Annotated[
    str | None,
    typer.Option("--index", help="The index: a file, or a postgresql:// URL [default: 'index' in claimcheck.toml]."),
]
JobsOpt = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Processes reading documents [default: all cores].")
]


def _run(update: bool, paths: list[Path], index: str | None, jobs: int | None, max_size: int) -> None:
    import sys

    from claimcheck.index import build_index, resolve_location, update_index
    from claimcheck.index.output import stats_text

    location = resolve_location(index)

    def progress(stats: object) -> None:
        files = getattr(stats, "files", 0)
        print(f"claimcheck: {files} file(s) read …", file=sys.stderr, end="\r" if sys.stderr.isatty() else "\n")

    run = update_index if update else build_index
    stats = run(paths, location, jobs=jobs, max_bytes=megabytes(max_size), progress=progress)
    for err in stats.errors[:20]:
        typer.echo(f"claimcheck: skipped {err}", err=True)
    if len(stats.errors) > 20:
        typer.echo(f"claimcheck: … and {len(stats.errors) - 20} more unreadable file(s)", err=True)
    typer.echo(stats_text(stats, location), err=True)


@index_app.command("build")
def build(paths: FoldersArg, index: IndexOpt = None, jobs: JobsOpt = None, max_size: MaxSizeOpt = 20) -> None:
    """Index every document under the folders, replacing what the index held."""
    _run(False, paths, index, jobs, max_size)


@index_app.command("update")
def update(paths: FoldersArg, index: IndexOpt = None, jobs: JobsOpt = None, max_size: MaxSizeOpt = 20) -> None:
    """Add new and changed documents, forget the ones removed from the folders."""
    _run(True, paths, index, jobs, max_size)
