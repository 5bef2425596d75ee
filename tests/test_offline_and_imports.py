"""Linting is offline by construction and keeps heavy libraries out of the lint path."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from conftest import ROOT

from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_paths


def test_lint_never_opens_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during lint")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    files = sorted((ROOT / "sample_claims").iterdir())
    results = lint_paths(files, config_for=lambda p: Config())
    assert results and all(r.error is None for r in results)


def test_heavy_imports_stay_out_of_the_lint_path() -> None:
    code = (
        "import sys\n"
        "from claimcheck.cli.app import app\n"
        "from claimcheck.lint.engine import lint_text\n"
        "lint_text('1. 一种夹具，包括底座。\\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。')\n"
        "heavy = [m for m in ('spacy', 'lxml', 'docx', 'jieba', 'rjieba', 'rjieba.rjieba', 'pypdf', 'pydantic') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported on the lint path: {out.stdout}"
