"""Seeded defects in real applications: each whole-application rule catches its defect in at least 95% of cases,
and the unseeded applications give a known, small number of findings."""

from __future__ import annotations

from collections import defaultdict

import pytest
from seeding_application import SEEDERS, application_text, applications, caught, seeded_cases

from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text

CASES = list(seeded_cases())


@pytest.mark.parametrize("seeder", [s.__name__ for s in SEEDERS])
def test_seeded_recall(seeder: str) -> None:
    results = [(pub, seed[0], caught(seed)) for pub, name, seed in CASES if name == seeder]
    assert len(results) >= 8, f"too few cases for {seeder}: {len(results)}"
    missed = [(p, d) for p, d, ok in results if not ok]
    assert 1 - len(missed) / len(results) >= 0.95, missed


def test_unseeded_abstract_and_titles_are_clean() -> None:
    per_rule: dict[str, int] = defaultdict(int)
    for pub in applications():
        for d in lint_text(application_text(pub), Config(select=["W004", "W005", "W006"])):
            per_rule[d.rule] += 1
    assert dict(per_rule) == {}
