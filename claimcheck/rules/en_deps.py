"""English multiple dependency (D101, D102): in the alternative only, never the basis of another one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.model import Claim, ClaimSet, RefMode
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.en_practice import practice

_BARE_RANGE = re.compile(r"(?i)^claims\s+\d+\s*(?:-|–|to|through)\s*\d+$")


def _multiple(c: Claim) -> bool:
    return c.is_multiple_dependent


def _severity(ctx: Context, rule: str) -> Severity | None:
    """A multiple-dependency finding's severity under the rule's practice: error (US), warning (PCT), none (EP)."""
    office = practice(ctx, rule)
    if office == "ep":
        return None
    return Severity.ERROR if office == "us" else Severity.WARNING


class EnglishMultipleDependencyAlternative(Rule):
    """A multiple dependent claim refers to its claims cumulatively (``claims 1 and 2``), not in the alternative.

    ## What it flags
    ``The device of claims 1 and 2``, ``according to claims 3, 4 and 5`` (error in US practice, warning under
    PCT Rule 6.4 by default); a bare range ``claims 1-3`` without ``any one of`` (warning: not clearly in the
    alternative). Off in EP practice, where a cumulative reference is allowed if clear.

    ## Why
    35 U.S.C. 112(e) and 37 CFR 1.75(c): a multiple dependent claim refers back in the alternative only;
    MPEP 608.01(n) gives the accepted forms (``claim 1 or 2``, ``any one of claims 1 to 3``); PCT Rule 6.4(a).
    Catalogue US-DEP-002, PCT-DEP-001.

    ## Bad
        1. A clamp comprising a base.
        2. The clamp of claim 1, wherein the base is made of steel.
        3. The clamp of claims 1 and 2, wherein the base is square.

    ## Good
        1. A clamp comprising a base.
        2. The clamp of claim 1, wherein the base is made of steel.
        3. The clamp of claim 1 or 2, wherein the base is square.

    ## Traps
    ``any one of claims 1 to 3``, ``claim 1 or claim 2``, ``claims 1 or 2`` and ``any preceding claim`` are in
    the alternative; a claim named twice is not a multiple reference.

    ## Options
    ``practice`` = ``us`` | ``ep`` | ``pct`` (default: the profile's name when it is ``us`` or ``ep``, else ``pct``).
    """

    name = "en-multiple-dependency-alternative"
    code = "D101"
    severity = Severity.ERROR
    catalogue = ("US-DEP-002", "PCT-DEP-001")
    source = "35 U.S.C. 112(e); 37 CFR 1.75(c); PCT Rule 6.4(a)"
    languages = ("en",)
    options: ClassVar[dict[str, Any]] = {"practice": "pct"}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        level = _severity(ctx, self.name)
        if level is None:
            return
        for c in cs:
            ref = c.reference
            if ref is None or len(set(ref.numbers)) < 2 or ref.all_preceding:
                continue
            nums = sorted(set(ref.numbers))
            alt = f"{', '.join(map(str, nums[:-1]))} or {nums[-1]}" if len(nums) <= 4 else None
            fix_en = f"write 'claim {alt}'" if alt else f"write 'any one of claims {nums[0]} to {nums[-1]}'"
            if ref.mode is RefMode.CUMULATIVE:
                yield self.report(
                    c,
                    ref.segment.span,
                    zh=f"多项从属权利要求未以择一方式引用：“{ref.segment.text}”",
                    en=f"multiple dependent claim does not refer in the alternative: '{ref.segment.text}'",
                    fix=Fix(f"改为择一引用（{fix_en}）", fix_en),
                    severity=level,
                )
            elif _BARE_RANGE.match(ref.segment.text.strip()):
                yield self.report(
                    c,
                    ref.segment.span,
                    zh=f"引用范围“{ref.segment.text}”未写明“any one of”，不清楚是否择一引用",
                    en=f"range reference '{ref.segment.text}' without 'any one of': not clearly in the alternative",
                    fix=Fix(
                        f"改为“any one of claims {nums[0]} to {nums[-1]}”",
                        f"write 'any one of claims {nums[0]} to {nums[-1]}'",
                    ),
                    severity=Severity.WARNING,
                )


class EnglishMultipleDependencyChain(Rule):
    """A multiple dependent claim serves, directly or indirectly, as a basis for another multiple dependent claim.

    ## What it flags
    A claim referring to two or more claims, one of which refers to two or more claims itself or depends on
    such a claim through single references (error in US practice, warning under PCT Rule 6.4 by default); off
    in EP practice, which allows it.

    ## Why
    37 CFR 1.75(c): a multiple dependent claim shall not serve as a basis for any other multiple dependent
    claim (MPEP 608.01(n): directly or indirectly); PCT Rule 6.4(a). Catalogue US-DEP-003.

    ## Bad
        1. A clamp comprising a base.
        2. The clamp of claim 1, wherein the base is made of steel.
        3. The clamp of claim 1 or 2, wherein the base is square.
        4. The clamp of claim 1 or 3, wherein the base is hollow.

    ## Good
        1. A clamp comprising a base.
        2. The clamp of claim 1, wherein the base is made of steel.
        3. The clamp of claim 1 or 2, wherein the base is square.
        4. The clamp of claim 3, wherein the base is hollow.

    ## Traps
    A single reference to a multiple dependent claim is allowed; references to missing or later claims are
    reported by reference-missing and reference-forward, not here.

    ## Options
    ``practice`` = ``us`` | ``ep`` | ``pct`` (default: the profile's name when it is ``us`` or ``ep``, else ``pct``).
    """

    name = "en-multiple-dependency-chain"
    code = "D102"
    severity = Severity.ERROR
    catalogue = ("US-DEP-003", "PCT-DEP-001")
    source = "37 CFR 1.75(c); MPEP 608.01(n); PCT Rule 6.4(a)"
    languages = ("en",)
    options: ClassVar[dict[str, Any]] = {"practice": "pct"}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        level = _severity(ctx, self.name)
        if level is None:
            return
        for c in cs:
            if c.reference is None or not _multiple(c):
                continue
            bases = sorted(
                {p.number for p in cs.parents(c) if _multiple(p) or any(_multiple(a) for a in cs.ancestors(p))}
            )
            if not bases:
                continue
            listed = ", ".join(map(str, bases))
            yield self.report(
                c,
                c.reference.segment.span,
                zh=f"多项从属权利要求以多项从属权利要求为基础（直接或经权利要求{'、'.join(map(str, bases))}间接）",
                en=f"multiple dependent claim based, directly or through claim {listed}, on a multiple dependent claim",
                fix=Fix(
                    "拆分为若干项单独引用的权利要求，或删去对多项从属权利要求的引用",
                    "split it into claims with single references, or drop the references to multiple dependent claims",
                ),
                severity=level,
            )
