"""Shared helpers for the benchmarks: corpus files and cold whole-process timing."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def corpus_files() -> list[Path]:
    """Every claim set of the corpus (CN, EN, XML)."""
    files = [p for p in sorted((CORPUS / "cn").glob("*.txt")) if not p.name.endswith(".desc.txt")]
    return files + sorted((CORPUS / "en").glob("*.txt")) + sorted((CORPUS / "xml").glob("*.xml"))


def cold_seconds(args: list[str], runs: int = 7) -> float:
    """Median wall time of a fresh interpreter running ``args``."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
