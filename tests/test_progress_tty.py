"""Progress goes to standard error: ``lint many > report.txt`` on a terminal shows the progress, the file the report.

The command runs in the test process with standard error on a pseudo-terminal (the ``pty`` module) and standard
output captured, as when a user redirects the report to a file.
"""

from __future__ import annotations

import contextlib
import io
import os
import pty
import sys
import threading
from pathlib import Path

import pytest

CLAIMS = "1. 一种夹具，包括底座和卡爪。\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"


def lint_on_a_terminal(args: list[str]) -> tuple[int, str, str]:
    """``claimcheck ARGS`` with stderr on a pseudo-terminal: exit code, what the terminal showed, standard output."""
    import claimcheck.cli as cli

    master, slave = pty.openpty()
    shown = bytearray()

    def read() -> None:  # drain the terminal while the command writes to it
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # closed: the command has ended
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    out = io.StringIO()
    saved = sys.argv, cli._install_handlers
    sys.argv = ["claimcheck", *args]
    cli._install_handlers = lambda: None  # the test process keeps its own signal handlers
    with open(slave, "w", encoding="utf-8", closefd=True) as terminal:
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(terminal):
                try:
                    cli.main()
                    code = 0
                except SystemExit as e:
                    code = e.code if isinstance(e.code, int) else 1
        finally:
            sys.argv, cli._install_handlers = saved
    reader.join(timeout=10)
    os.close(master)
    return code, shown.decode("utf-8", "replace"), out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "sarif"])  # the streamed path and the one-report path
def test_progress_on_stderr_and_only_the_report_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)
    for i in range(12):  # more than 10 files: the progress bar is shown
        (tmp_path / f"c{i:02d}.txt").write_text(CLAIMS, encoding="utf-8")
    code, shown, text = lint_on_a_terminal(["lint", str(tmp_path), "-f", fmt, "-j", "1"])
    assert code in (0, 1), shown
    assert "linting" in shown  # the progress bar, on the terminal
    assert "c00.txt" not in shown  # and nothing of the report
    assert "linting" not in text and "\x1b[" not in text and "━" not in text  # no bar, no terminal codes
    if fmt == "text":
        assert all(f"c{i:02d}.txt" in text for i in range(12))
    else:
        assert text.lstrip().startswith("{") and '"runs"' in text
