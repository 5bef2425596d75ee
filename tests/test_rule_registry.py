"""The rule registry describes every rule without importing it, and a lint loads only the rules that can run."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from claimcheck.rules import ALL_RULES, REGISTRY, find_info, find_rule


def test_registry_matches_the_classes() -> None:
    assert len(REGISTRY) == len(ALL_RULES)
    for info, rule in zip(REGISTRY, ALL_RULES, strict=True):
        assert (info.name, info.code, info.languages, info.needs) == (rule.name, rule.code, rule.languages, rule.needs)
        assert rule.__module__ == f"claimcheck.rules.{info.module}" and rule.__name__ == info.cls


def test_lookup_by_name_and_code() -> None:
    assert find_info("a001") is find_info("antecedent-basis")
    assert find_rule("A101") is not None and find_rule("A101").name == "en-antecedent-basis"  # type: ignore[union-attr]
    assert find_rule("no-such-rule") is None


def test_chinese_claims_alone_load_no_english_or_description_rule() -> None:
    code = (
        "import sys\n"
        "from claimcheck.lint.engine import lint_text\n"
        "lint_text('1. 一种夹具，包括底座。\\n2. 根据权利要求1所述的夹具，所述底座为圆形。\\n')\n"
        "print(sorted(m for m in sys.modules if m.startswith('claimcheck.rules.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    for module in ("en_antecedent", "en_signs", "en_clarity", "numerals", "abstract", "figures"):
        assert f"claimcheck.rules.{module}" not in out
    assert "claimcheck.rules.antecedent" in out
