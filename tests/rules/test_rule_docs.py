"""Rule documentation cannot rot: every ## Bad example yields a finding of its rule, every ## Good example none."""

from __future__ import annotations

import inspect
import re

import pytest

from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text
from claimcheck.rules import ALL_RULES, RETIRED_CODES
from claimcheck.rules.base import CODE_RE, NAME_RE, REQUIRED_SECTIONS


def _example(doc: str, section: str) -> str:
    body = inspect.cleandoc(doc).split(section, 1)[1]
    body = re.split(r"\n## ", body, maxsplit=1)[0]
    lines = [ln.strip() for ln in body.strip("\n").splitlines() if ln.strip()]
    return "\n".join(lines)


def test_names_and_codes() -> None:
    names = [r.name for r in ALL_RULES]
    codes = [r.code for r in ALL_RULES]
    assert len(set(names)) == len(names) and len(set(codes)) == len(codes)
    for r in ALL_RULES:
        assert NAME_RE.match(r.name) and CODE_RE.match(r.code) and r.code not in RETIRED_CODES
        doc = r.__doc__ or ""
        positions = [doc.index(s) for s in REQUIRED_SECTIONS]
        assert positions == sorted(positions), f"{r.name}: sections out of order"
        assert r.summary().endswith(".")


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_bad_example_is_flagged_and_good_is_not(rule: type) -> None:
    cfg = Config(select=[rule.name])
    bad = _example(rule.__doc__, "## Bad")
    good = _example(rule.__doc__, "## Good")
    assert [d for d in lint_text(bad, cfg) if d.rule == rule.name], f"{rule.name}: Bad example not flagged"
    assert not [d for d in lint_text(good, cfg) if d.rule == rule.name], f"{rule.name}: Good example flagged"
