"""Median length and feature count of the independent claims in tests/corpus/cn.

These are the reference figures of narrow-independent (``lexicons/strategy.toml``, ``[corpus]``).

    python benchmarks/corpus_stats.py
"""

from __future__ import annotations

import statistics

from _timing import CORPUS

from claimcheck.parse import parse_source
from claimcheck.readers import read_path
from claimcheck.rules.strategy import features


def main() -> None:
    lengths: list[int] = []
    counts: list[int] = []
    for path in sorted((CORPUS / "cn").glob("*.txt")):
        if path.name.endswith(".desc.txt"):
            continue
        for c in parse_source(read_path(path)).independent:
            assert c.flat is not None
            lengths.append(len(c.flat.text))
            counts.append(len(features(c)))
            print(
                f"{path.name:<22} claim {c.number:>2}: {len(c.flat.text):>4} characters, {len(features(c)):>2} features"
            )
    print(f"median-length = {statistics.median(lengths):.0f}")
    print(f"median-features = {statistics.median(counts):.0f}")


if __name__ == "__main__":
    main()
