"""The package's layers import only downwards: the model and the parser never reach for the CLI or the engine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PKG = ROOT / "claimcheck"
FORBIDDEN = {
    "model": (
        "claimcheck.parse",
        "claimcheck.readers",
        "claimcheck.rules",
        "claimcheck.lint",
        "claimcheck.cli",
        "rich",
        "typer",
    ),
    "readers": ("claimcheck.parse", "claimcheck.rules", "claimcheck.lint", "claimcheck.cli", "rich", "typer"),
    "parse": ("claimcheck.rules", "claimcheck.lint", "claimcheck.cli", "claimcheck.report", "rich", "typer"),
    "rules": ("claimcheck.lint", "claimcheck.cli", "claimcheck.report", "typer"),
    "lint": ("claimcheck.cli", "claimcheck.report", "typer"),
    "match": ("claimcheck.lint", "claimcheck.cli", "typer"),
    "disclose": ("claimcheck.lint", "claimcheck.cli", "claimcheck.match", "typer"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
    return out


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    for path in sorted((PKG / layer).rglob("*.py")):
        for name in _imports(path):
            bad = [f for f in FORBIDDEN[layer] if name == f or name.startswith(f + ".")]
            assert not bad, f"{path.relative_to(ROOT)} imports {name}"
