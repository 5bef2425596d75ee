"""Which rules a configuration enables: ``select`` / ``extend-select`` / ``ignore`` by name, code or prefix."""

from __future__ import annotations

from claimcheck.lint.config import Config
from claimcheck.rules import ALL_RULES, Rule
from claimcheck.rules.house import HouseRulesRule


def _specificity(selectors: list[str], rule: type[Rule]) -> int:
    best = -1
    for s in selectors:
        if s == rule.name or s.upper() == rule.code:
            best = max(best, 100)
        elif s == "ALL":
            best = max(best, 0)
        elif s[:1].isalpha() and rule.code.startswith(s.upper()) and s.upper() == s:
            best = max(best, len(s))
    return best


def selected_rules(cfg: Config) -> list[Rule]:
    """Instances of the rules the configuration enables, in registry order."""
    select = cfg.select if cfg.select is not None else ["ALL"]
    out: list[Rule] = []
    for r in ALL_RULES:
        on = max(_specificity(select, r), _specificity(cfg.extend_select, r))
        off = _specificity(cfg.ignore, r)
        if on >= 0 and on > off:
            out.append(r())
    if cfg.house.active and _specificity(cfg.ignore, HouseRulesRule) < 100:
        out.append(HouseRulesRule(cfg.house))
    return out
