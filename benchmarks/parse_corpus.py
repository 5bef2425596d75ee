"""Parse speed: claim sets per second over the corpus, and a cold ``claimcheck parse`` against the typer floor.

python benchmarks/parse_corpus.py [--rounds N]
"""

from __future__ import annotations

import argparse
import time

from _timing import ROOT, cold_seconds, corpus_files

from claimcheck.parse import parse_source
from claimcheck.readers import read_path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    files = corpus_files()
    claims = sum(len(parse_source(read_path(f))) for f in files)
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for f in files:
            parse_source(read_path(f))
    dt = time.perf_counter() - t0
    n = args.rounds * len(files)
    print(f"corpus: {len(files)} claim sets, {claims} claims")
    print(f"parse (read + parse, warm): {n / dt:,.0f} claim sets/s, {args.rounds * claims / dt:,.0f} claims/s")
    sample = str(ROOT / "sample_claims" / "CN101223695A.txt")
    floor = cold_seconds(["-c", "import typer"])
    cold = cold_seconds(["-m", "claimcheck", "parse", sample])
    print(f"cold 'python -c \"import typer\"': {floor * 1000:.0f} ms (floor)")
    print(f"cold 'claimcheck parse {sample.split('/')[-1]}': {cold * 1000:.0f} ms ({cold / floor:.2f}x the floor)")


if __name__ == "__main__":
    main()
