"""A cold ``claimcheck lint FILE`` imports only what a one-file text lint needs and builds only its command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli.app import _COMMANDS, _name, app, for_arguments

ROOT = Path(__file__).resolve().parent.parent

# modules of other paths: processes for a batch, baselines, JSON output, writing files atomically
NOT_ON_THE_LINT_PATH = ("multiprocessing", "concurrent.futures", "hashlib", "json", "tempfile", "pickle", "logging")


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import contextlib, io, sys\n"
        f"sys.argv = ['claimcheck', *{args!r}]\n"
        "from claimcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_a_one_file_text_lint_leaves_the_other_paths_unloaded() -> None:
    loaded = _modules_after(["lint", "sample_claims/CN101223695A.txt"])
    assert "claimcheck.rules.form" in loaded  # the lint ran
    assert [m for m in NOT_ON_THE_LINT_PATH if m in loaded] == []


def test_json_output_loads_json() -> None:
    loaded = _modules_after(["lint", "-f", "json", "sample_claims/CN86105254A.txt"])
    assert "json" in loaded
    assert "multiprocessing" not in loaded


def test_a_run_of_one_command_builds_that_command_alone() -> None:
    group = typer.main.get_command(for_arguments(["lint", "claims.txt"]))
    assert isinstance(group, typer.core.TyperGroup)
    assert list(group.commands) == ["lint"]
    assert for_arguments(["--help"]) is app
    assert for_arguments(["-h", "lint"]) is app  # the root's help lists every command
    assert for_arguments(["lnt"]) is app  # an unknown command is answered with a did-you-mean


@pytest.mark.parametrize("name", [_name(c) for c in _COMMANDS])
def test_each_command_alone_has_the_same_help(name: str) -> None:
    runner = CliRunner()
    full = runner.invoke(app, [name, "--help"])
    alone = runner.invoke(for_arguments([name, "--help"]), [name, "--help"])
    assert full.exit_code == alone.exit_code == 0
    assert alone.output == full.output
