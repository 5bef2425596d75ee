"""Print seeded-defect recall per rule over the Chinese claim sets of tests/corpus/cn.

python benchmarks/seeded_recall.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from seeding import caught, seeded_cases  # noqa: E402


def main() -> None:
    files = [p for p in sorted((ROOT / "tests" / "corpus" / "cn").glob("*.txt")) if not p.name.endswith(".desc.txt")]
    results: dict[str, list[bool]] = defaultdict(list)
    missed: dict[str, list[str]] = defaultdict(list)
    for path in files:
        for name, seed in seeded_cases(path):
            ok = caught(seed)
            results[seed[2]].append(ok)
            if not ok:
                missed[seed[2]].append(f"{name}: {seed[0]}")
    print(f"{'rule':<34} {'cases':>5} {'caught':>6} {'recall':>7}")
    for rule, oks in sorted(results.items()):
        print(f"{rule:<34} {len(oks):>5} {sum(oks):>6} {sum(oks) / len(oks):>7.1%}")
    for rule, items in sorted(missed.items()):
        for item in items:
            print(f"  missed [{rule}] {item}")


if __name__ == "__main__":
    main()
