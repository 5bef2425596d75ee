"""Seeded-defect recall over the real Chinese claim sets: each rule catches its defect in at least 95% of cases."""

from __future__ import annotations

from collections import defaultdict

import pytest
from conftest import CORPUS
from seeding import SEEDERS, caught, seeded_cases

FILES = [p for p in sorted((CORPUS / "cn").glob("*.txt")) if not p.name.endswith(".desc.txt")]


def _results() -> dict[str, list[tuple[str, str, bool]]]:
    out: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for path in FILES:
        for name, seed in seeded_cases(path):
            out[seed[2]].append((name, seed[0], caught(seed)))
    return out


RESULTS = _results()


@pytest.mark.parametrize("rule", sorted(SEEDERS))
def test_seeded_recall(rule: str) -> None:
    cases = RESULTS[rule]
    assert len(cases) >= 10, f"too few seeded cases for {rule}"
    missed = [(f, d) for f, d, ok in cases if not ok]
    recall = 1 - len(missed) / len(cases)
    assert recall >= 0.95, f"{rule}: recall {recall:.1%}; missed {missed[:10]}"
