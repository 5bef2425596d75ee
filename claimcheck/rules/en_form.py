"""English claim form (F101, F102): EP two-part form, and claim fees by the office's claim counts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.model import Category, ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.en_practice import practice

_JEPSON = re.compile(r"(?i)\bwherein\s+the\s+improvement\s+(?:comprises|consists)|\bthe\s+improvement\s+comprising")
_COMPOSITION = re.compile(r"(?i)\b(?:wt\s*%|weight\s*%|% by weight|parts by weight|mol\s*%|formula)\b|%")


class EnglishTwoPartForm(Rule):
    """An independent English product claim has no ``characterised in that`` between the known and the new.

    ## What it flags
    In EP and PCT practice, an independent product claim with no ``characterized in that``,
    ``characterised by`` or ``wherein the improvement comprises``: info, since the two-part form is expected
    "wherever appropriate". Nothing in US practice, where the form (Jepson) is optional.

    ## Why
    EPC Rule 43(1) and EPO Guidelines F-IV 2.2–2.3; PCT Rule 6.3(b); 37 CFR 1.75(e) (optional in the US).
    Catalogue EP-TPF-001, PCT-TPF-001.

    ## Bad
        1. A clamp comprising a base and a jaw movable on the base.

    ## Good
        1. A clamp comprising a base, characterized in that a jaw is movable on the base.

    ## Traps
    Method and use claims, compositions (percentages, parts by weight, formulae), closed (``consisting of``)
    claims and claims that build on another claim are left alone: the two-part form often does not suit them.

    ## Options
    ``practice`` = ``us`` | ``ep`` | ``pct`` (default: the profile's name when it is ``us`` or ``ep``, else ``pct``).
    """

    name = "en-two-part-form"
    code = "F101"
    severity = Severity.INFO
    catalogue = ("EP-TPF-001", "PCT-TPF-001")
    source = "EPC Rule 43(1); PCT Rule 6.3(b)"
    languages = ("en",)
    options: ClassVar[dict[str, Any]] = {"practice": "pct"}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        if practice(ctx, self.name) == "us":
            return
        for c in cs.independent:
            if c.marker is not None or c.mentions or c.category is not Category.PRODUCT or c.flat is None:
                continue
            text = c.flat.text
            if _JEPSON.search(text) or _COMPOSITION.search(text) or c.transition_type == "closed":
                continue
            span = c.subject.span if c.subject is not None else c.label.span
            yield self.report(
                c,
                span,
                zh="独立权利要求未采用两部分格式（characterised in that），请确认是否适宜",
                en="independent claim not in two-part form (characterised in that): check whether it would suit",
                fix=Fix(
                    "将与最接近现有技术共有的特征写入前序部分，其余写在“characterised in that”之后",
                    "put the features shared with the closest prior art before 'characterised in that'",
                ),
            )


class EnglishClaimFees(Rule):
    """The claim set incurs excess-claim fees at the office whose practice is chosen.

    ## What it flags
    US practice: more than 3 independent claims, more than 20 claims in total (a multiple dependent claim and
    every claim depending on it count as the number of claims it refers to), or any multiple dependent claim
    (its own fee). EP practice: a fee for the 16th and each further claim, a higher one from the 51st. Info;
    no amounts (they change: keep them in your own fee table).

    ## Why
    37 CFR 1.16(h), (i), (j) and 1.75(c), MPEP 607 and 714.10 (US); EPC Rule 45 and the Rules relating to Fees
    (EP). Catalogue US-FEE-001, EP-FEE-001.

    ## Bad
        1. A clamp comprising a base.
        2. A vice comprising a base.
        3. A press comprising a base.
        4. A jig comprising a base.

    ## Good
        1. A clamp comprising a base.
        2. The clamp of claim 1, wherein the base is steel.

    ## Traps
    Under PCT practice (the default) both offices' thresholds are reported, as a note for the national phase.

    ## Options
    ``practice`` = ``us`` | ``ep`` | ``pct`` (default: the profile's name when it is ``us`` or ``ep``, else ``pct``).
    """

    name = "en-claim-fees"
    code = "F102"
    severity = Severity.INFO
    catalogue = ("US-FEE-001", "EP-FEE-001")
    source = "37 CFR 1.16(h)-(j), 1.75(c); EPC Rule 45"
    languages = ("en",)
    options: ClassVar[dict[str, Any]] = {"practice": "pct"}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        office = practice(ctx, self.name)
        if not cs.claims:
            return
        first = cs.claims[0]
        us_zh, us_en = _us_fees(cs)
        n = len(cs.claims)
        ep_zh: list[str] = []
        ep_en: list[str] = []
        if n > 15:
            ep_zh.append(
                f"共{n}项权利要求，第16项起每项缴纳权利要求费（{n - 15}项）" + ("，第51项起费率更高" if n > 50 else "")
            )
            ep_en.append(
                f"{n} claims: a claims fee for each claim from the 16th ({n - 15})"
                + (f", {n - 50} of them at the higher rate from the 51st" if n > 50 else "")
            )
        parts: list[tuple[str, str]] = []
        if office in ("us", "pct") and us_en:
            parts.append(("美国超项费：" + "；".join(us_zh), "US excess-claim fees: " + "; ".join(us_en)))
        if office in ("ep", "pct") and ep_en:
            parts.append(("欧洲权利要求费：" + "；".join(ep_zh), "EP claims fees: " + "; ".join(ep_en)))
        if not parts:
            return
        lead_zh, lead_en = ("国家阶段费用提示：", "at the national phase, ") if office == "pct" else ("", "")
        label = first.label
        yield self.report(
            first,
            Span(label.span.start, label.span.start + len(label.text.rstrip())),
            zh=lead_zh + "；".join(z for z, _ in parts),
            en=lead_en + "; ".join(e for _, e in parts),
        )


def _us_fees(cs: ClaimSet) -> tuple[list[str], list[str]]:
    """What exceeds the US fee thresholds, in Chinese and English (37 CFR 1.16(h)-(j), 1.75(c))."""
    counted: dict[int, int] = {}
    for c in cs:
        parents = cs.parents(c)
        counted[c.number] = (
            len(set(c.refs)) if c.is_multiple_dependent else (counted.get(parents[0].number, 1) if parents else 1)
        )
    total = sum(counted.values())
    independent = len(cs.independent)
    multiple = [c.number for c in cs if c.is_multiple_dependent]
    zh: list[str] = []
    en: list[str] = []
    if independent > 3:
        zh.append(f"独立权利要求{independent}项（超出3项{independent - 3}项）")
        en.append(f"{independent} independent claims ({independent - 3} beyond 3)")
    if total > 20:
        zh.append(f"按计费规则共计{total}项（超出20项{total - 20}项）")
        en.append(f"{total} claims as counted for fees ({total - 20} beyond 20)")
    if multiple:
        zh.append(f"多项从属权利要求{'、'.join(map(str, multiple))}（另收多项从属费）")
        en.append(f"multiple dependent claim {', '.join(map(str, multiple))} (its own fee)")
    return zh, en
