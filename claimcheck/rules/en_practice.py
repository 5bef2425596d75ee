"""Which office's practice an English rule follows: US, EP or PCT (the default)."""

from __future__ import annotations

from claimcheck.rules.base import Context

PRACTICES = ("us", "ep", "pct")


def practice(ctx: Context, rule: str) -> str:
    """``us``, ``ep`` or ``pct``: the rule's ``practice`` option, else the profile's name, else ``pct``."""
    chosen = str(ctx.option(rule, "practice", "") or ctx.profile).lower()
    return chosen if chosen in PRACTICES else "pct"
