"""Two-part form of independent claims (F004 two-part-form)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.analysis.features import claim_features
from claimcheck.lexicon import Lexicons
from claimcheck.model import Category, Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

# 由A、B和C组成 / parts by weight or percentages: a composition defined as a whole
_COMPOSITION = re.compile(
    r"重量份|质量份|份数|[0-9]\s*(?:%|wt%|mol%)|质量百分比|重量百分比|摩尔比|质量比|重量比|式\s*[(（]?[IVX0-9]"
)


def module_feature(text: str, heads: list[str]) -> bool:
    """Whether a feature names a functional module (获取模块，用于获取… / 用于获取数据的获取单元)."""
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return bool(
        re.match(
            rf"[^，,：:；;]{{0,16}}?(?:{head})\s*(?:[（(][^）)]*[）)])?\s*[，,：:]?\s*(?:用于|被配置为|配置为)", text
        )
    ) or bool(re.match(rf"用于[^，,；;]{{1,40}}的[^，,；;]{{0,10}}(?:{head})$", text))


def one_part_allowed(c: Claim, table: dict[str, Any], lex: Lexicons) -> str | None:
    """Why the one-part form suits ``c`` (实施细则 第24条第2款), or None when the two-part form is expected."""
    subject = c.subject.text if c.subject is not None else ""
    if c.category in (Category.METHOD, Category.USE):
        return "method"
    if c.mentions:
        return "refers"
    if subject.endswith(tuple(table.get("device-heads", []))):
        return "device"
    if subject.endswith(tuple(table.get("chemical-heads", []))) or c.transition_type == "closed":
        return "chemical"
    if c.flat is not None and _COMPOSITION.search(c.flat.folded):
        return "chemical"
    feats = [f.text for f in claim_features(c, lex) if f.kind != "subject"]
    heads = list(table.get("module-heads", []))
    if feats and sum(module_feature(f, heads) for f in feats) * 2 >= len(feats):
        return "modules"
    return None


class TwoPartForm(Rule):
    """An independent product claim is written in one part, with no 其特征在于 between the known and the new features.

    ## What it flags
    An independent claim of a mechanical or electrical product (装置, 设备, 机构 …) with no characterising phrase
    (其特征在于, 其特征是, 其改进在于), as info: say which features the invention adds to the closest prior art.

    ## Why
    专利法实施细则 第24条第1款: an independent claim contains a preamble (the subject and the features it shares
    with the closest prior art) and a characterising part introduced by 其特征是 or similar wording; 第24条第2款
    allows another form where the nature of the invention does not suit it. 专利审查指南 第二部分第二章 §3.3.1.
    Catalogue CN-IND-002.

    ## Bad
        1. 一种散热装置，包括底板和翅片，所述翅片与所述底板一体成型。

    ## Good
        1. 一种散热装置，包括底板和翅片，其特征在于，所述翅片与所述底板一体成型。

    ## Traps
    Where 第24条第2款 allows the one-part form the rule is silent: compositions, compounds and other chemical
    products (由A和B组成, parts by weight, percentages), method and use claims (unless ``methods`` is set), an
    apparatus of functional modules mirroring a method (获取模块，用于…), storage media and electronic devices
    that carry out a method claim, and claims that refer to another claim (一种制备权利要求1所述材料的方法).
    A dependent claim needs no characterising phrase.

    ## Options
    ``methods`` (false): also expect the two-part form in method claims.
    """

    name = "two-part-form"
    code = "F004"
    severity = Severity.INFO
    catalogue = ("CN-IND-002",)
    source = "专利法实施细则 第24条第1款"
    options: ClassVar[dict[str, Any]] = {"methods": False}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        table = ctx.lexicons.load("claimform").get("two-part", {})
        methods = bool(ctx.option(self.name, "methods", False))
        for c in cs.independent:
            if c.marker is not None or c.subject is None or c.flat is None:
                continue
            why = one_part_allowed(c, table, ctx.lexicons)
            if why is not None and not (methods and why == "method" and c.category is Category.METHOD):
                continue
            yield self.report(
                c,
                c.subject.span,
                zh=f"独立权利要求{c.number}未采用两部分撰写方式：缺少“其特征在于”划分前序部分和特征部分",
                en=f"independent claim {c.number} is not in two-part form: no 其特征在于 separates the preamble "
                "from the characterising part",
                fix=Fix(
                    "将与最接近现有技术共有的特征写入前序部分，在区别特征前加“其特征在于”",
                    "put the features shared with the closest prior art in the preamble and introduce the new ones "
                    "with 其特征在于",
                ),
            )
