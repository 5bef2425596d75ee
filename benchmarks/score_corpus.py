"""Disclosure scores of the real descriptions in tests/corpus/cn (stand-ins for disclosures), and the time taken.

python benchmarks/score_corpus.py
"""

from __future__ import annotations

import statistics
import time

from _timing import CORPUS

from claimcheck.disclose import score_disclosure
from claimcheck.readers import read_path


def main() -> None:
    files = sorted((CORPUS / "cn").glob("*.desc.txt"))
    t0 = time.perf_counter()
    reports = [score_disclosure(read_path(f)) for f in files]
    dt = time.perf_counter() - t0
    for f, r in zip(files, reports, strict=True):
        crit = " ".join(f"{c.result.name}={100 * c.result.score:.0f}" for c in r.criteria)
        print(f"{f.name:<24} {r.score:5.1f} {r.verdict:<13} {crit}")
    scores = [r.score for r in reports]
    print(
        f"{len(scores)} descriptions: min {min(scores):.1f}, median {statistics.median(scores):.1f}, "
        f"max {max(scores):.1f}; {dt / len(files) * 1000:.0f} ms each"
    )


if __name__ == "__main__":
    main()
