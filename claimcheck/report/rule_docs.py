"""The rule list and one rule's documentation, as ``claimcheck rules`` prints them."""

from __future__ import annotations

import difflib
import inspect
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.rules import ALL_RULES, Rule, find_rule
from claimcheck.rules.house import HouseRulesRule
from claimcheck.tomlfile import read_toml

ZH_DOCS = Path(__file__).with_name("rules_zh.toml")


def _all() -> list[type[Rule]]:
    return [*ALL_RULES, HouseRulesRule]


def rule_table() -> str:
    """One line per rule: code, name, default severity, summary and legal source."""
    lines = [f"{'code':<5} {'name':<34} {'severity':<8} summary [source]"]
    lines.extend(
        f"{r.code:<5} {r.name:<34} {r.severity.label:<8} {r.summary()} [{r.source or 'configuration'}]" for r in _all()
    )
    return "\n".join(lines)


def chinese_docs() -> dict[str, dict[str, str]]:
    """The Chinese summary (``summary``) and reason (``why``) of each rule, by rule name."""
    return {name: {k: str(v) for k, v in entry.items()} for name, entry in read_toml(ZH_DOCS, "rule docs").items()}


def rule_doc(name: str) -> str:
    """The documentation of the rule named (or coded) ``name``; a one-line error with a suggestion otherwise."""
    rule = find_rule(name) or (HouseRulesRule if name in ("house-rules", "H001") else None)
    if rule is None:
        close = difflib.get_close_matches(name, [r.name for r in _all()], n=1)
        raise InputError(
            f"unknown rule '{name}'" + (f" (did you mean '{close[0]}'?)" if close else "") + "; see 'claimcheck rules'"
        )
    langs = ", ".join(rule.languages)
    catalogue = ", ".join(rule.catalogue) or "-"
    head = f"{rule.code} {rule.name}  (default severity: {rule.severity.label}; languages: {langs}; catalogue: {catalogue})"
    head += f"\nsource: {rule.source or 'configuration'}"
    zh = chinese_docs().get(rule.name)
    if zh is not None:
        head += f"\n\n说明：{zh['summary']}\n理由：{zh['why']}\n依据：{rule.source or '配置文件'}"
    return head + "\n\n" + inspect.cleandoc(rule.__doc__ or "")
