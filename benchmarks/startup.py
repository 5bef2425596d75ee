"""Cold start: CPU time of a fresh ``claimcheck lint FILE`` against a fresh ``python -c "import typer"``.

python benchmarks/startup.py [--runs N]

The two commands run alternately, N times each, and the medians of their CPU times (user + system, from
``resource.getrusage``) are compared, so other work on a shared machine counts for neither. Target: a ratio of
at most 2. Also printed: which heavy modules the lint path loaded (rich, the segmenter rjieba, docx, pypdf).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys

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
    for _ in range(args.runs):
        floor.append(cpu(["-c", "import typer"]))
        for f in FILES:
            runs[f].append(cpu(["-m", "claimcheck", "lint", f]))
    base = statistics.median(floor)
    print(f'python -c "import typer": {base * 1000:.0f} ms CPU (median of {args.runs})')
    for f, times in runs.items():
        t = statistics.median(times)
        heavy = ", ".join(loaded(f)) or "none"
        print(f"claimcheck lint {f}: {t * 1000:.0f} ms CPU, {t / base:.2f}x the floor (target 2x); heavy: {heavy}")


if __name__ == "__main__":
    main()
