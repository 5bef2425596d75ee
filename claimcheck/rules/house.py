"""An agency's house rules (H001): claim limits and forbidden words from configuration."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from claimcheck.model import ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules.base import Context, Rule


@dataclass
class HouseRules:
    """An agency's house rules, from a profile or config ``[house]`` table."""

    max_independent_claims: int | None = None
    max_claims: int | None = None
    forbidden_words: list[str] = field(default_factory=list)
    severity: Severity = Severity.WARNING

    @property
    def active(self) -> bool:
        """True when any house rule is set."""
        return bool(self.max_independent_claims or self.max_claims or self.forbidden_words)


class HouseRulesRule(Rule):
    """An agency's house rules from configuration: claim limits and forbidden words.

    ## What it flags
    More independent claims than ``max-independent-claims``, more claims than ``max-claims``, and any
    word of ``forbidden-words``, as set in a profile or the ``[house]`` table of the configuration.

    ## Why
    The agency's own drafting standard; no legal source.

    ## Bad
        1. 一种夹具，包括底座。

    ## Good
        1. 一种夹具，包括底座。

    ## Options
    ``[house] max-independent-claims``, ``max-claims``, ``forbidden-words`` and ``severity`` (warning).
    """

    name = "house-rules"
    code = "H001"
    severity = Severity.WARNING
    languages = ("zh", "en")

    def __init__(self, house: HouseRules) -> None:
        self.house = house

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        h = self.house
        sev = h.severity
        ind = cs.independent
        if h.max_independent_claims is not None and len(ind) > h.max_independent_claims:
            c = ind[h.max_independent_claims]
            yield self.report(
                c,
                c.label.span,
                zh=f"独立权利要求{len(ind)}项，超过本所规定的{h.max_independent_claims}项",
                en=f"{len(ind)} independent claims, more than the house limit of {h.max_independent_claims}",
                severity=sev,
            )
        if h.max_claims is not None and len(cs) > h.max_claims:
            c = cs.claims[h.max_claims]
            yield self.report(
                c,
                c.label.span,
                zh=f"权利要求{len(cs)}项，超过本所规定的{h.max_claims}项",
                en=f"{len(cs)} claims, more than the house limit of {h.max_claims}",
                severity=sev,
            )
        for c in cs:
            if c.flat is None:
                continue
            for w in h.forbidden_words:
                for m in re.finditer(re.escape(w), c.flat.text):
                    yield self.report(
                        c,
                        c.flat.span(m.start(), m.end()),
                        zh=f"本所规定不得使用“{w}”",
                        en=f"'{w}' is forbidden by the house rules",
                        severity=sev,
                    )
