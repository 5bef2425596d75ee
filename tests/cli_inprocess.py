"""Run the ``claimcheck`` command inside the test process: the same entry point, without starting Python again."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``claimcheck ARGS`` through :func:`claimcheck.cli.main`: exit code, standard output and standard error."""
    import claimcheck.cli as cli

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, os.getcwd(), cli._install_handlers
    sys.argv = ["claimcheck", *args]
    cli._install_handlers = lambda: None  # the test process keeps its own signal handlers
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli.main()
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.argv, cwd_before, cli._install_handlers = saved
        os.chdir(cwd_before)
    return subprocess.CompletedProcess(["claimcheck", *args], code, out.getvalue(), err.getvalue())
