"""One generic runner over tests/rules/fixtures/<rule>.toml.

Each ``[[case]]`` has ``text`` (a claim set) and ``expect``: the exact list of
findings of that rule, each as ``{claim = N, mark = "flagged text"}`` (the text
the finding must point at) and optionally ``severity``; an empty list means the
rule must find nothing.  Extra findings fail the test too.  Optional ``config``
holds rule options, as under ``[rules.<name>]`` in claimcheck.toml.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text
from claimcheck.rules import ALL_RULES

FIXTURES = Path(__file__).parent / "fixtures"


def _cases() -> list[Any]:
    out = []
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}::{case['name']}"))
    return out


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_fixture(rule: str, case: dict[str, Any]) -> None:
    text = case["text"]
    cfg = Config(select=[rule], rules={rule: case.get("config", {})})
    found = [d for d in lint_text(text, cfg) if d.rule == rule]
    got = sorted((d.claim or 0, text[d.span.start : d.span.end].replace("\n", "")) for d in found)
    want = sorted((e["claim"], e["mark"]) for e in case.get("expect", []))
    assert got == want, [d.message_en for d in found]
    for e in case.get("expect", []):
        if "severity" in e:
            match = [
                d
                for d in found
                if (d.claim or 0) == e["claim"] and text[d.span.start : d.span.end].replace("\n", "") == e["mark"]
            ]
            assert match and match[0].severity.label == e["severity"]
    for e in case.get("message_contains", []):
        assert any(e in d.message_zh or e in d.message_en for d in found), [d.message_zh for d in found]


def test_every_rule_has_fixtures_with_pass_and_fail_cases() -> None:
    have = {}
    for path in FIXTURES.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        have[data["rule"]] = data["case"]
    for r in ALL_RULES:
        assert r.name in have, f"no fixture file for {r.name}"
        assert any(c.get("expect") for c in have[r.name]), f"{r.name}: no failing case"
        assert any(not c.get("expect") for c in have[r.name]), f"{r.name}: no passing case"
