"""Cold start: CPU time of a fresh ``claimcheck lint FILE`` against a fresh ``python -c "import typer"``.

python benchmarks/startup.py [--runs N]

The two commands run alternately, N times each, and the medians of their CPU times (user + system, from
``resource.getrusage``) are compared, so other work on a shared machine counts for neither. Target: a ratio of
at most 2. Also printed: which heavy modules the lint path loaded (rich, the segmenter rjieba, docx, pypdf), and
where the time goes: importing the command line alone, and a lint of a one-claim file (imports and the regular
expressions the rules compile, but hardly any text to read).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import ROOT

FILES = ("sample_claims/CN86105254A.txt", "sample_claims/CN101223695A.txt")
HEAVY = ("rich", "rjieba", "docx", "pypdf", "sqlalchemy", "lxml")


def cpu(args: list[str]) -> float:
    """CPU seconds of one fresh interpreter running ``args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, *args], capture_output=True, check=False, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def loaded(path: str) -> list[str]:
    """The heavy top-level modules a cold ``claimcheck lint`` of ``path`` imports."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claimcheck", "lint", path], capture_output=True, text=True, cwd=ROOT
    ).stderr
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.splitlines() if "|" in line}
    return [h for h in HEAVY if h in names]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    floor: list[float] = []
    runs: dict[str, list[float]] = {f: [] for f in FILES}
    parts: dict[str, list[float]] = {"import claimcheck.cli.app": [], "lint of a one-claim file": []}
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "one.txt"
        tiny.write_text("1. 一种夹具，包括底座。\n", encoding="utf-8")
        for _ in range(args.runs):
            floor.append(cpu(["-c", "import typer"]))
            parts["import claimcheck.cli.app"].append(cpu(["-c", "import claimcheck.cli.app"]))
            parts["lint of a one-claim file"].append(cpu(["-m", "claimcheck", "lint", str(tiny)]))
            for f in FILES:
                runs[f].append(cpu(["-m", "claimcheck", "lint", f]))
    base = statistics.median(floor)
    print(f'python -c "import typer": {base * 1000:.0f} ms CPU (median of {args.runs})')
    for name, times in parts.items():
        t = statistics.median(times)
        print(f"  {name}: {t * 1000:.0f} ms CPU, {t / base:.2f}x the floor")
    for f, times in runs.items():
        t = statistics.median(times)
        heavy = ", ".join(loaded(f)) or "none"
        print(f"claimcheck lint {f}: {t * 1000:.0f} ms CPU, {t / base:.2f}x the floor (target 2x); heavy: {heavy}")


if __name__ == "__main__":
    main()
