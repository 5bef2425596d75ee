"""Which rules a configuration enables: ``select`` / ``extend-select`` / ``ignore`` by name, code or prefix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from claimcheck.lint.config import Config
from claimcheck.rules import REGISTRY, Rule
from claimcheck.rules.house import HouseRulesRule


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def code(self) -> str: ...


def _specificity(selectors: list[str], rule: _Named) -> int:
    best = -1
    for s in selectors:
        if s == rule.name or s.upper() == rule.code:
            best = max(best, 100)
        elif s == "ALL":
            best = max(best, 0)
        elif s[:1].isalpha() and rule.code.startswith(s.upper()) and s.upper() == s:
            best = max(best, len(s))
    return best


def selected_rules(
    cfg: Config, *, language: str | None = None, has_part: Callable[[str], bool] | None = None
) -> list[Rule]:
    """Instances of the rules the configuration enables, in registry order.

    ``language`` keeps only the rules that read claims of that language, and ``has_part`` only those whose
    part of the application (``needs``) is there: the others are never imported.
    """
    select = cfg.select if cfg.select is not None else ["ALL"]
    out: list[Rule] = []
    for info in REGISTRY:
        on = max(_specificity(select, info), _specificity(cfg.extend_select, info))
        off = _specificity(cfg.ignore, info)
        if on < 0 or on <= off:
            continue
        if language is not None and language not in info.languages:
            continue
        if has_part is not None and info.needs is not None and not has_part(info.needs):
            continue
        out.append(info.load()())
    if cfg.house.active and _specificity(cfg.ignore, HouseRulesRule) < 100:
        out.append(HouseRulesRule(cfg.house))
    return out
