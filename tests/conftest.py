"""Shared fixtures: paths to the copied corpus and sample claims."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def corpus_claim_files() -> list[Path]:
    """Every real claim set copied into the repository (CN, EN and XML)."""
    files = [p for p in sorted((CORPUS / "cn").glob("*.txt")) if not p.name.endswith(".desc.txt")]
    files += sorted((CORPUS / "en").glob("*.txt"))
    files += sorted((CORPUS / "xml").glob("*.xml"))
    return files


@pytest.fixture
def corpus() -> Path:
    return CORPUS
