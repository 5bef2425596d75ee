"""Every .docx claimcheck writes, converted by LibreOffice: A4 pages with their text (layout regressions show)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import docx_render


def test_docx_outputs_render_as_a4_with_their_text(tmp_path: Path) -> None:
    if not docx_render.available():
        pytest.skip(
            "LibreOffice (soffice) and pdftoppm are not installed (Debian: libreoffice-writer-nogui, poppler-utils)"
        )
    expected = docx_render.build_outputs(tmp_path / "docx")
    rendered = docx_render.render(list(expected), tmp_path / "pdf", png=False)
    for path, words in expected.items():
        r = rendered[path]
        assert r.pages_mm and all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in r.pages_mm), (path.name, r.pages_mm)
        text = "".join(r.text.split())
        assert [w for w in words if w not in text] == [], path.name
