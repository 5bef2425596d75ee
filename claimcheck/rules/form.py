"""Form and numbering rules (F): claim-numbering, single-sentence, claim-count."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule


class ClaimNumbering(Rule):
    """Claims are not numbered 1, 2, 3 … in order, or a number repeats or is skipped.

    ## What it flags
    A claim whose number is not the previous number plus one (a gap, a repeat, or a
    number out of order), and a claim label written as 权利要求1 instead of a bare number.

    ## Why
    专利法实施细则 (2023) 第22条第2款 (2010: 第19条第2款): claims are numbered consecutively
    with Arabic numerals; 专利审查指南 第二部分第二章 §3.3. Catalogue CN-NUM-001, CN-NUM-002.

    ## Bad
        1. 一种夹具，包括底座。
        3. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。

    ## Good
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。

    ## Traps
    Decimals (3.5mm) and numbered steps inside a claim (1)…；2)…) are not claim labels;
    the parser keeps them inside their claim.
    """

    name = "claim-numbering"
    code = "F001"
    severity = Severity.ERROR
    catalogue = ("CN-NUM-001", "CN-NUM-002")
    source = "专利法实施细则 第22条第2款"
    languages = ("zh", "en", "de", "fr")

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        expected = 1
        seen: set[int] = set()
        for c in cs:
            if c.number in seen:
                yield self.report(
                    c,
                    c.label.span,
                    zh=f"权利要求编号{c.number}重复",
                    en=f"claim number {c.number} is used twice",
                    fix=Fix(f"改为{expected}", f"renumber as {expected}", c.label.span, f"{expected}."),
                )
            elif c.number != expected:
                what = "跳号" if c.number > expected else "顺序错误"
                what_en = "skips a number" if c.number > expected else "is out of order"
                yield self.report(
                    c,
                    c.label.span,
                    zh=f"权利要求编号{what}：应为{expected}，实为{c.number}",
                    en=f"claim numbering {what_en}: expected {expected}, found {c.number}",
                    fix=Fix(
                        f"改为{expected}并更新引用",
                        f"renumber as {expected} and update references",
                        c.label.span,
                        f"{expected}.",
                    ),
                )
            if c.number not in seen:
                expected = c.number + 1
            seen.add(c.number)
            if re.match(r"\s*(?:权利要求|权项)", c.label.text):
                yield self.report(
                    c,
                    c.label.span,
                    zh="权利要求编号前不得冠以“权利要求”或“权项”",
                    en="a claim number must not be prefixed with 权利要求 or 权项",
                    severity=Severity.WARNING,
                    fix=Fix("只写编号", "write the number alone", c.label.span, f"{c.number}."),
                )


class SingleSentence(Rule):
    """A claim contains a full stop (。) before its end: a claim must be one sentence.

    ## What it flags
    Any 。 inside a claim other than the last character.  A claim with no final full stop
    gets an info note.

    ## Why
    专利审查指南 第二部分第二章 §3.3: each claim may use a full stop only at its end.
    Catalogue CN-NUM-003.

    ## Bad
        1. 一种夹具，包括底座。所述底座上设有滑槽。

    ## Good
        1. 一种夹具，包括底座，所述底座上设有滑槽。

    ## Traps
    The full-width ． used as a decimal point (3．5mm) is not a full stop; a 。 inside
    quotation marks (a quoted name) is ignored.
    """

    name = "single-sentence"
    code = "F002"
    severity = Severity.ERROR
    catalogue = ("CN-NUM-003",)
    source = "专利审查指南 第二部分第二章 §3.3"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        for c in cs:
            flat = c.flat
            if flat is None or not flat.text.strip():
                continue
            t = flat.text.rstrip()
            quote = 0
            for i, ch in enumerate(t[:-1]):
                if ch in "“「『":
                    quote += 1
                elif ch in "”」』":
                    quote = max(0, quote - 1)
                elif ch == "。" and quote == 0 and t[i + 1 :].strip():
                    yield self.report(
                        c,
                        flat.span(i, i + 1),
                        zh="权利要求中间出现句号；一项权利要求只能在结尾使用句号",
                        en="full stop inside a claim; a claim is one sentence with a full stop only at its end",
                        fix=Fix("改为逗号或分号", "use a comma or semicolon", flat.span(i, i + 1), "，"),
                    )
            if t[-1] not in "。.":
                yield self.report(
                    c,
                    flat.span(len(t) - 1, len(t)),
                    zh="权利要求结尾缺少句号",
                    en="the claim does not end with a full stop",
                    severity=Severity.INFO,
                )


class ClaimCount(Rule):
    """The claim set has more than 10 claims (each further claim incurs a fee) or more than 30.

    ## What it flags
    A claim set of more than 10 claims (info, with the surcharge), and of more than
    ``max-claims`` (default 30) claims, where the Guidelines ask for a reasonable number.

    ## Why
    专利法实施细则 第110条、第112条 (申请附加费: 150 CNY per claim from the 11th);
    专利审查指南 第二部分第二章 §3.2.3 (a reasonable number of claims). Catalogue CN-CON-003, CN-FEE-001.

    ## Bad
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。
        3. 根据权利要求1所述的夹具，其特征在于，所述底座为铁制。
        4. 根据权利要求1所述的夹具，其特征在于，所述底座为铜制。
        5. 根据权利要求1所述的夹具，其特征在于，所述底座为铝制。
        6. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。
        7. 根据权利要求1所述的夹具，其特征在于，所述底座为圆形。
        8. 根据权利要求1所述的夹具，其特征在于，所述底座为空心。
        9. 根据权利要求1所述的夹具，其特征在于，所述底座为实心。
        10. 根据权利要求1所述的夹具，其特征在于，所述底座为黑色。
        11. 根据权利要求1所述的夹具，其特征在于，所述底座为白色。

    ## Good
        1. 一种夹具，包括底座。
        2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。

    ## Options
    ``fee-threshold`` (10), ``max-claims`` (30), ``fee-per-claim`` (150, CNY).
    """

    name = "claim-count"
    code = "F003"
    severity = Severity.INFO
    catalogue = ("CN-CON-003", "CN-FEE-001")
    source = "专利法实施细则 第110条"
    languages = ("zh", "en")
    options: ClassVar[dict[str, Any]] = {"fee-threshold": 10, "max-claims": 30, "fee-per-claim": 150}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        n = len(cs)
        free = int(ctx.option(self.name, "fee-threshold", 10))
        most = int(ctx.option(self.name, "max-claims", 30))
        fee = int(ctx.option(self.name, "fee-per-claim", 150))
        if n <= free:
            return
        last = cs.claims[free]
        span = Span(last.label.span.start, last.label.span.end)
        yield self.report(
            last,
            span,
            zh=f"共{n}项权利要求，超出{free}项的{n - free}项需缴纳权利要求附加费约{fee * (n - free)}元（每项{fee}元）",
            en=f"{n} claims: the {n - free} beyond {free} incur a surcharge of about {fee * (n - free)} CNY ({fee} CNY each)",
        )
        if n > most:
            yield self.report(
                cs.claims[most],
                cs.claims[most].label.span,
                zh=f"共{n}项权利要求，超过{most}项；权利要求的数目应当合理",
                en=f"{n} claims, more than {most}; the number of claims should be reasonable",
            )
