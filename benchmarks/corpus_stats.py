"""Median length and feature count of the independent claims in tests/corpus/cn.

Features are counted by :func:`claimcheck.analysis.features.feature_count` (the subject not counted).

These are the reference figures of narrow-independent (``lexicons/strategy.toml``, ``[corpus]``).

    python benchmarks/corpus_stats.py
"""

from __future__ import annotations

import statistics

from _timing import CORPUS

from claimcheck.analysis.features import feature_count
from claimcheck.parse import parse_source
from claimcheck.readers import read_path


def main() -> None:
    lengths: list[int] = []
    counts: list[int] = []
    for path in sorted((CORPUS / "cn").glob("*.txt")):
        if path.name.endswith(".desc.txt"):
            continue
        for c in parse_source(read_path(path)).independent:
            assert c.flat is not None
            n = feature_count(c)
            lengths.append(len(c.flat.text))
            counts.append(n)
            print(f"{path.name:<22} claim {c.number:>2}: {len(c.flat.text):>4} characters, {n:>2} features")
    print(f"median-length = {statistics.median(lengths):.0f}")
    print(f"median-features = {statistics.median(counts):.0f}")


if __name__ == "__main__":
    main()
