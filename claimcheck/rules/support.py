"""Description support (W001) and term consistency (W002): the claims' terms against the description."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from claimcheck.analysis.signs import claim_signs
from claimcheck.analysis.support import closest_description_term, term_support
from claimcheck.analysis.terms import (
    same_part,
)
from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule, application_of


class DescriptionSupport(Rule):
    """A technical term of the claims appears nowhere in the description, or only in the background art.

    ## What it flags
    Each term of the claims (the terms the antecedent check reads, list items after 包括, subjects) that the
    description never uses (warning), or uses only in 背景技术 (warning: prior art does not support the
    invention).  The closest description term is offered; when there is one (垂直导向装置 where the description
    says 导向装置, or 细长杆装置 where it says 细长杆), the wording differs but the support may be there in
    substance, and the finding is info.  ``claimcheck support`` prints, for every term,
    the paragraphs that do use it, so the agent can check.

    ## Why
    专利法 第26条第4款: the claims shall be supported by the description; 专利法实施细则 第22条第3款 (terms
    consistent with the description).  A term with a close, consistently used variant is reported by
    term-consistency instead.

    ## Bad
        权利要求书
        1. 一种夹具，包括底座和压紧弹簧。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        具体实施方式
        夹具包括底座，底座上设有滑槽。

    ## Good
        权利要求书
        1. 一种夹具，包括底座和压紧弹簧。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        具体实施方式
        夹具包括底座，底座上设有压紧弹簧。
    """

    name = "description-support"
    code = "W001"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-008",)
    source = "专利法 第26条第4款"
    needs = "description"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        desc = application_of(ctx).description
        assert desc is not None
        lex = ctx.lexicons
        for t, body, background in term_support(cs, desc, lex):
            if body:
                continue
            close = closest_description_term(t.text, desc, lex)
            if close is not None and close[1] >= 2 and not background:
                continue  # term-consistency reports it, with the variant
            if background:
                cites = "、".join(p.cite for p in background[:5])
                yield self.report(
                    t.claim,
                    t.span,
                    zh=f"“{t.text}”在说明书中只出现在背景技术部分（{cites}），缺乏说明书的支持",
                    en=f"'{t.text}' appears in the description only in the background art ({cites}): no support",
                )
                continue
            if close is None:
                stem = _GENERIC_HEAD.sub("", t.text)
                if len(stem) >= 2 and stem != t.text and stem in desc.text:
                    close = (stem, desc.text.count(stem))  # 细长杆装置 where the description says 细长杆
            hint_zh = f"；最接近的说明书用语为“{close[0]}”" if close else ""
            hint_en = f"; the closest description term is '{close[0]}'" if close else ""
            yield self.report(
                t.claim,
                t.span,
                zh=f"“{t.text}”在说明书中未出现，可能得不到说明书的支持{hint_zh}",
                en=f"'{t.text}' does not appear in the description{hint_en}",
                fix=Fix(
                    f"在说明书中记载“{t.text}”，或改用说明书的用语",
                    f"describe '{t.text}' or use the description's term",
                ),
                # a close description term: the wording differs, the support may well be there in substance
                severity=Severity.INFO if close else None,
            )


# generic heads of translated means-style names: 细长杆装置 names the 细长杆, 纸张部分 the 纸张
_GENERIC_HEAD = re.compile(r"(?:装置|部分|系统|机构|部件|单元|组件|元件|设备)$")


def _shortened(short: str, term: str) -> bool:
    """Whether ``short`` abbreviates ``term``: same first and last character, its characters in order (预定水平 for
    预定信号强度水平), so the description names the same thing more briefly."""
    if len(short) >= len(term) or short[0] != term[0] or short[-1] != term[-1]:
        return False
    rest = iter(term)
    return all(ch in rest for ch in short)


class TermConsistency(Rule):
    """The same element is named differently in the claims and the description, or under one numeral.

    ## What it flags
    A claim term the description never uses while it consistently uses a close variant (支架 in the claims,
    支撑架 throughout the description); and one reference numeral written with two different names in the
    claims (底座(1) … 基座(1)).  When the description's word only abbreviates the claim term (预定水平 for
    预定信号强度水平: same ends, characters in order), the finding is info.

    ## Why
    专利法实施细则 第22条第3款 (terms of the claims consistent with the description) and 第21条第2款 (the
    same part keeps the same sign); 专利法 第26条第4款. Catalogue CN-CLR-008.

    ## Bad
        权利要求书
        1. 一种灯具，包括灯座和支架。
        说明书
        灯具
        技术领域
        本发明涉及一种灯具。
        具体实施方式
        灯具包括灯座和支撑架，支撑架固定在灯座上，支撑架为铝制。

    ## Good
        权利要求书
        1. 一种灯具，包括灯座和支撑架。
        说明书
        灯具
        技术领域
        本发明涉及一种灯具。
        具体实施方式
        灯具包括灯座和支撑架，支撑架固定在灯座上，支撑架为铝制。
    """

    name = "term-consistency"
    code = "W002"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-008",)
    source = "专利法实施细则 第22条第3款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        app = ctx.application
        desc = app.description if app is not None else None
        if desc is not None:
            lex = ctx.lexicons
            for t, body, background in term_support(cs, desc, lex):
                if body or background:
                    continue
                close = closest_description_term(t.text, desc, lex)
                if close is None or close[1] < 2:
                    continue
                yield self.report(
                    t.claim,
                    t.span,
                    severity=Severity.INFO if _shortened(close[0], t.text) else None,
                    zh=f"权利要求用“{t.text}”，说明书中一致使用“{close[0]}”（{close[1]}处），用语不一致",
                    en=f"the claims say '{t.text}' where the description consistently says '{close[0]}' ({close[1]} times)",
                    fix=Fix(f"统一为“{close[0]}”", f"use '{close[0]}'", t.span, close[0]),
                )
        # one numeral, two names, within the claims
        names: dict[str, dict[str, tuple[int, Span]]] = {}
        signs = list(claim_signs(cs))
        shared = Counter((c.number, span) for c, _, _, span in signs)
        for c, name, numeral, span in signs:
            # one bracket for several parts (第一、第二导尘管(3、4)) names none of them alone
            if len(name) >= 2 and shared[(c.number, span)] == 1:
                names.setdefault(numeral, {}).setdefault(name, (c.number, span))
        for numeral, by_name in names.items():
            distinct = list(by_name)
            for other in distinct[1:]:
                if same_part(distinct[0], other):
                    continue
                claim, span = by_name[other]
                yield self.report(
                    claim,
                    span,
                    zh=f"附图标记({numeral})既用于“{distinct[0]}”又用于“{other}”",
                    en=f"reference sign ({numeral}) names both '{distinct[0]}' and '{other}'",
                )
