"""Lint speed: claim sets per second for the whole rule set over the corpus, and a cold ``claimcheck lint``.

python benchmarks/lint_corpus.py [--rounds N]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from _timing import ROOT, cold_seconds, corpus_files

from claimcheck.lint.engine import lint_claimset
from claimcheck.parse import parse_source
from claimcheck.readers import read_path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    files = corpus_files()
    sets = [parse_source(read_path(f)) for f in files]
    per_rule: Counter[str] = Counter()
    for cs in sets:
        for d in lint_claimset(cs):
            per_rule[f"{d.rule} ({d.severity.label})"] += 1
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for f in files:
            lint_claimset(parse_source(read_path(f)))
    dt = time.perf_counter() - t0
    print(
        f"lint (read + parse + all rules, warm): {args.rounds * len(files) / dt:,.1f} claim sets/s over {len(files)} sets"
    )
    sample = str(ROOT / "sample_claims" / "CN101223695A.txt")
    floor = cold_seconds(["-c", "import typer"])
    cold = cold_seconds(["-m", "claimcheck", "lint", sample])
    print(f"cold 'claimcheck lint {sample.split('/')[-1]}': {cold * 1000:.0f} ms (typer floor {floor * 1000:.0f} ms)")
    print("findings over the corpus by rule:")
    for key, n in sorted(per_rule.items()):
        print(f"  {key:<45} {n}")


if __name__ == "__main__":
    main()
