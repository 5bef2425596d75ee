"""Linting files in either order, alone or together, gives each file exactly the same findings.

Two folders hold a file of the same name and the same claims; one folder's configuration extends the lexicons
(a firm's own unclear word and a subject head), the other's does not.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.lint.config import ConfigResolver
from claimcheck.lint.engine import lint_paths

CLAIMS = """1. 一种夹持总成，包括底座和滑块，其特征在于，所述滑块酌情设置在所述底座上。

2. 根据权利要求1所述的夹持总成，其特征在于，所述底座为铝合金。
"""

FIRM = """[meta]
extends = "unclear"

[[entry]]
kind = "exemplary"
severity = "warning"
words = ["酌情"]
note_zh = "本所规定不得使用“酌情”"
note_en = "the firm does not allow this word"
"""


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "x.txt").write_text(CLAIMS, encoding="utf-8")
    (a / "firm.toml").write_text(FIRM, encoding="utf-8")
    (a / "claimcheck.toml").write_text('extend-lexicons = ["firm.toml"]\n', encoding="utf-8")
    return a / "x.txt", b / "x.txt"


def _findings(paths: list[Path]) -> dict[str, list[tuple[str, int, int, str]]]:
    results = lint_paths(paths, config_for=ConfigResolver(select=["ALL"]))
    return {
        r.path: [(d.code, d.span.start, d.span.end, d.message_en) for d in r.diagnostics]
        for r in results
        if r.error is None
    }


def test_order_and_company_do_not_change_findings(tmp_path: Path) -> None:
    xa, xb = _folders(tmp_path)
    alone_a = _findings([xa])[str(xa)]
    alone_b = _findings([xb])[str(xb)]
    assert any("酌情" in m for *_, m in alone_a), "the firm's word is flagged in its own folder"
    assert not any("酌情" in m for *_, m in alone_b), "and only there"
    for order in ([xa, xb], [xb, xa], [xa, xb, xa]):
        together = _findings(order)
        assert together[str(xa)] == alone_a
        assert together[str(xb)] == alone_b
