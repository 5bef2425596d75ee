"""Figures listed in 附图说明 against figures referred to in the description (W007)."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.analysis.description import has_figure_list, listed_figures, referred_figures, same_figure
from claimcheck.model import ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules.base import Context, Rule, application_of


class FigureReference(Rule):
    """A figure described in 附图说明 is never referred to in the description, or the reverse.

    ## What it flags
    图N listed in the description of the drawings (附图说明) that the rest of the description never mentions,
    and 图N mentioned in the description that the description of the drawings does not list.

    ## Why
    专利法实施细则 第20条 (the description of the drawings lists each figure) and 第21条 (figures numbered
    图1, 图2 … and referred to in the description); 专利审查指南 第二部分第二章 §2.2.5.

    ## Bad
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        附图说明
        图1为夹具的主视图；
        图2为夹具的俯视图。
        具体实施方式
        如图1所示，夹具包括底座；如图3所示，底座为方形。

    ## Good
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        附图说明
        图1为夹具的主视图；
        图2为夹具的俯视图。
        具体实施方式
        如图1和图2所示，夹具包括底座。
    """

    name = "figure-reference"
    code = "W007"
    severity = Severity.WARNING
    source = "专利法实施细则 第20条、第21条"
    needs = "description"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        desc = application_of(ctx).description
        assert desc is not None
        if not has_figure_list(desc):
            return
        listed = listed_figures(desc)
        referred = referred_figures(desc)
        for f, p in listed.items():
            if not any(same_figure(f, r) for r in referred):
                yield self.report(
                    None,
                    p.find(f"图{f}", f"图 {f}"),
                    zh=f"附图说明中列出了图{f}，但说明书其他部分从未提及图{f}",
                    en=f"figure {f} is listed in the description of the drawings but never referred to",
                    where=desc.source,
                )
        for f, p in referred.items():
            if not any(same_figure(f, g) for g in listed):
                yield self.report(
                    None,
                    p.find(f"图{f}", f"图 {f}"),
                    zh=f"说明书提及图{f}（{p.cite}），但附图说明中没有图{f}",
                    en=f"the description refers to figure {f} ({p.cite}) but the description of the drawings lists none",
                    where=desc.source,
                )
