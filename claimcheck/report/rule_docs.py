"""The rule list and one rule's documentation, as ``claimcheck rules`` prints them."""

from __future__ import annotations

import difflib
import inspect

from claimcheck.errors import InputError
from claimcheck.rules import ALL_RULES, Rule, find_rule
from claimcheck.rules.house import HouseRulesRule


def _all() -> list[type[Rule]]:
    return [*ALL_RULES, HouseRulesRule]


def rule_table() -> str:
    """One line per rule: code, name, default severity, summary and legal source."""
    lines = [f"{'code':<5} {'name':<34} {'severity':<8} summary [source]"]
    lines.extend(
        f"{r.code:<5} {r.name:<34} {r.severity.label:<8} {r.summary()} [{r.source or 'configuration'}]" for r in _all()
    )
    return "\n".join(lines)


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
    return head + "\n\n" + inspect.cleandoc(rule.__doc__ or "")
