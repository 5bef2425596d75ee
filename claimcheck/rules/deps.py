"""Dependency rules (D): references to missing or later claims, multiple dependency, claim order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimcheck.model import Claim, ClaimSet, RefMode, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule


def _ref_span(c: Claim) -> Span:
    return c.reference.segment.span if c.reference is not None else c.label.span


def _multiple(cs: ClaimSet, c: Claim) -> bool:
    """True when ``c`` depends on two or more existing earlier claims.

    A reference to a missing, later or the claim's own number is reported once, by
    reference-missing or reference-forward; it does not make a claim multiple dependent here.
    """
    return len(cs.parents(c)) >= 2


def _all_refs(c: Claim) -> Sequence[int]:
    """Numbers a claim refers to in its reference part, dependent or not."""
    if c.reference is not None:
        return c.reference.numbers
    return c.mentions


class ReferenceMissing(Rule):
    """A claim refers to a claim number that does not exist.

    ## What it flags
    A reference (根据权利要求N所述) to a number that no claim of the set carries.

    ## Why
    专利法实施细则 (2023) 第25条: a dependent claim states the number of the claim it refers to;
    a reference to no claim leaves the scope undefined (专利法 第26条第4款). Catalogue CN-DEP-003.

    ## Bad
        1. 一种夹具，包括底座。
        2. 根据权利要求5所述的夹具，其特征在于，所述底座为钢制。

    ## Good
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
    """

    name = "reference-missing"
    code = "D001"
    severity = Severity.ERROR
    catalogue = ("CN-DEP-003",)
    source = "专利法实施细则 第25条"
    languages = ("zh", "en", "de", "fr")

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        for c in cs:
            missing = [n for n in dict.fromkeys(_all_refs(c)) if cs.get(n) is None]
            if missing:
                nums = "、".join(map(str, missing))
                yield self.report(
                    c,
                    _ref_span(c),
                    zh=f"引用了不存在的权利要求{nums}",
                    en=f"refers to claim {', '.join(map(str, missing))}, which does not exist",
                )


class ReferenceForward(Rule):
    """A dependent claim refers to itself or to a later claim.

    ## What it flags
    A reference to the claim's own number or to a higher number.

    ## Why
    专利法实施细则 (2023) 第25条第2款 (2010: 第22条第2款): a dependent claim may refer only to
    claims before it. Catalogue CN-DEP-003.

    ## Bad
        1. 一种夹具，包括底座。
        2. 根据权利要求3所述的夹具，其特征在于，所述底座为钢制。
        3. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。

    ## Good
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
        3. 根据权利要求2所述的夹具，其特征在于，所述底座为方形。

    ## Traps
    A claim of another category that refers to a later claim (一种用权利要求5所述方法制得的产品,
    placed as claim 3) is still a forward reference in Chinese practice: reorder.
    如前述权利要求任一项所述 in claim 1 refers to no claim and is reported too.
    The claim stays a dependent claim; the defect is reported here once, and does not make
    later claims out of order (independent-order) or multiple dependent (multiple-dependency-chain).
    """

    name = "reference-forward"
    code = "D002"
    severity = Severity.ERROR
    catalogue = ("CN-DEP-003",)
    source = "专利法实施细则 第25条第2款"
    languages = ("zh", "en", "de", "fr")

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        for c in cs:
            bad = [n for n in dict.fromkeys(_all_refs(c)) if n >= c.number and cs.get(n) is not None]
            if c.reference is not None and c.reference.all_preceding:
                if not c.reference.numbers:
                    yield self.report(
                        c,
                        _ref_span(c),
                        zh="权利要求引用“前述权利要求”，但其前没有权利要求；只能引用在前的权利要求",
                        en="the claim refers to the preceding claims, but none precedes it",
                    )
                continue
            if not bad:
                continue
            self_ref = c.number in bad
            yield self.report(
                c,
                _ref_span(c),
                zh=(
                    "权利要求引用了自身"
                    if self_ref
                    else f"权利要求{c.number}引用了在后的权利要求{'、'.join(map(str, bad))}"
                )
                + "；只能引用在前的权利要求",
                en=(
                    "the claim refers to itself"
                    if self_ref
                    else f"claim {c.number} refers to later claim {', '.join(map(str, bad))}"
                )
                + "; a claim may refer only to earlier claims",
            )


class MultipleDependencyAlternative(Rule):
    """A claim refers to two or more claims, but not in the alternative (或 / 任一项).

    ## What it flags
    Multiple references joined by 和, 及, 以及, 与 or 和/或, or listed with 、 and no 或
    (error); a bare range such as 权利要求1-3所述 without 任一项 (warning); 和 combined with
    任一项 (info: prefer 或).

    ## Why
    专利法实施细则 (2023) 第25条第2款: a multiple dependent claim refers to the earlier claims only
    in the alternative; 专利审查指南 第二部分第二章 §3.3.2 gives the proper forms
    (根据权利要求1或2所述的…; 根据权利要求4至9中任一权利要求所述的…). Catalogue CN-DEP-004.

    ## Bad
        1. 一种散热装置，包括底板。
        2. 根据权利要求1所述的散热装置，其特征在于，所述底板为铜制。
        3. 根据权利要求1和2所述的散热装置，其特征在于，所述底板为方形。

    ## Good
        1. 一种散热装置，包括底板。
        2. 根据权利要求1所述的散热装置，其特征在于，所述底板为铜制。
        3. 根据权利要求1或2所述的散热装置，其特征在于，所述底板为方形。

    ## Traps
    Only the reference part is read, not commas or 和 in the body; a claim named twice
    (权利要求1和权利要求1) is not a multiple reference.
    """

    name = "multiple-dependency-alternative"
    code = "D003"
    severity = Severity.ERROR
    catalogue = ("CN-DEP-004",)
    source = "专利法实施细则 第25条第2款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        for c in cs:
            ref = c.reference
            if ref is None or len(set(ref.numbers)) < 2 or ref.all_preceding:
                continue
            nums = sorted(set(ref.numbers))
            alt_text = (
                f"{'、'.join(map(str, nums[:-1]))}或{nums[-1]}" if len(nums) <= 4 else f"{nums[0]}至{nums[-1]}中任一项"
            )
            if ref.mode is RefMode.CUMULATIVE and ref.bare_range:
                yield self.report(
                    c,
                    ref.segment.span,
                    zh=f"引用范围“{ref.segment.text}”未写明“任一项”，不清楚是否择一引用",
                    en=f"range reference '{ref.segment.text}' without 任一项: not clearly in the alternative",
                    severity=Severity.WARNING,
                    fix=Fix(
                        f"改为“权利要求{nums[0]}至{nums[-1]}中任一项所述”",
                        f"write 权利要求{nums[0]}至{nums[-1]}中任一项所述",
                    ),
                )
            elif ref.mode is RefMode.CUMULATIVE:
                yield self.report(
                    c,
                    ref.segment.span,
                    zh=f"多项从属权利要求未以择一方式引用：“{ref.segment.text}”",
                    en=f"multiple dependent claim does not refer in the alternative: '{ref.segment.text}'",
                    fix=Fix(f"改为“权利要求{alt_text}所述”", f"write 权利要求{alt_text}所述"),
                )
            elif ref.any_of and any(x in ("和", "及", "以及", "与") for x in ref.connectors):
                yield self.report(
                    c,
                    ref.segment.span,
                    zh=f"“{ref.segment.text}”以“和”连接又写“任一项”，宜改用“或”",
                    en=f"'{ref.segment.text}' joins with 和 and says 任一项: prefer 或",
                    severity=Severity.INFO,
                )


class MultipleDependencyChain(Rule):
    """A multiple dependent claim refers to another multiple dependent claim (多引多).

    ## What it flags
    A claim referring to two or more claims, at least one of which itself refers to two or more
    claims (error); or one of which depends, through single references, on a multiple dependent
    claim (info: the Chinese texts speak of the direct case, and examination practice on the indirect
    case is divided).

    ## Why
    专利法实施细则 (2023) 第25条第2款: a multiple dependent claim may not serve as the basis of
    another multiple dependent claim; 专利审查指南 第二部分第二章 §3.3.2. Catalogue CN-DEP-005.

    ## Bad
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
        3. 根据权利要求1或2所述的夹具，其特征在于，所述底座为方形。
        4. 根据权利要求1或3所述的夹具，其特征在于，所述底座为空心。

    ## Good
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
        3. 根据权利要求1或2所述的夹具，其特征在于，所述底座为方形。
        4. 根据权利要求3所述的夹具，其特征在于，所述底座为空心。

    ## Traps
    A single reference to a multiple dependent claim (claim 4 above, in the good example) is allowed.
    Only existing earlier claims count: a reference to a missing or later claim is reported by
    reference-missing or reference-forward, not again here.
    """

    name = "multiple-dependency-chain"
    code = "D004"
    severity = Severity.ERROR
    catalogue = ("CN-DEP-005",)
    source = "专利法实施细则 第25条第2款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        for c in cs:
            if c.reference is None or not _multiple(cs, c):
                continue
            parents = cs.parents(c)
            direct = [p.number for p in parents if _multiple(cs, p)]
            if direct:
                yield self.report(
                    c,
                    c.reference.segment.span,
                    zh=f"多项从属权利要求引用了多项从属权利要求{'、'.join(map(str, direct))}（多引多）",
                    en=f"multiple dependent claim refers to multiple dependent claim {', '.join(map(str, direct))}",
                    fix=Fix(
                        "拆分为若干项单独引用的权利要求，或删去对多项从属权利要求的引用",
                        "split it, or drop the references to multiple dependent claims",
                    ),
                )
                continue
            indirect = sorted({p.number for p in parents if any(_multiple(cs, a) for a in cs.ancestors(p))})
            if indirect:
                yield self.report(
                    c,
                    c.reference.segment.span,
                    zh=f"多项从属权利要求通过权利要求{'、'.join(map(str, indirect))}间接引用了多项从属权利要求",
                    en=f"multiple dependent claim refers, through claim {', '.join(map(str, indirect))}, to a multiple dependent claim",
                    severity=Severity.INFO,
                )


class IndependentOrder(Rule):
    """Dependent claims of one independent claim are interleaved with another independent claim's group.

    ## What it flags
    A dependent claim placed after a later independent claim although it depends only on an
    earlier one: each independent claim should be followed by all of its dependent claims, before
    the next independent claim.

    ## Why
    专利法实施细则 (2023) 第24条第3款 (2010: 第21条第3款); 专利审查指南 第二部分第二章 §3.3.2.
    Catalogue CN-IND-003.

    ## Bad
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
        3. 一种夹紧方法，包括将工件放置在底座上。
        4. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。

    ## Good
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
        3. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。
        4. 一种夹紧方法，包括将工件放置在底座上。

    ## Traps
    An independent claim of another category that refers to claim 1 (一种制备权利要求1所述X的方法)
    starts a new group; it is not an out-of-place dependent claim.  A dependent claim whose
    reference is broken (missing, later or its own number) starts no group: the broken reference
    is reported once, by reference-missing or reference-forward.
    """

    name = "independent-order"
    code = "D005"
    severity = Severity.WARNING
    catalogue = ("CN-IND-003",)
    source = "专利法实施细则 第24条第3款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        current: Claim | None = None
        for c in cs:
            if not cs.parents(c):
                if c.is_independent:
                    current = c
                continue  # a dependent claim whose reference is broken is reported by D001/D002
            roots = [r for r in cs.roots(c) if r.is_independent]
            if roots and current is not None and current not in roots:
                root_nums = "、".join(str(r.number) for r in roots)
                yield self.report(
                    c,
                    _ref_span(c),
                    zh=f"从属于权利要求{root_nums}的权利要求{c.number}位于独立权利要求{current.number}之后；"
                    f"应紧接在其独立权利要求的其他从属权利要求之后",
                    en=f"claim {c.number} depends on claim {root_nums} but stands after independent claim {current.number}; "
                    f"place it with the other dependents of claim {root_nums}",
                )
