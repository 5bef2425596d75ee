"""Reference numerals in the description (W003): one sign, one part."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.analysis.signs import claim_signs, find_signs, is_sign_list, numeral_names, sign_list
from claimcheck.analysis.terms import same_part
from claimcheck.application.model import Paragraph
from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules.base import Context, Rule, application_of


class ReferenceNumeral(Rule):
    """Reference numerals of the claims and the description disagree.

    ## What it flags
    A numeral in a claim (壳体(1)) that the description gives to another part, or never uses; a numeral the
    description uses for two different parts; and a numeral whose name in the list of reference signs
    (附图标记说明) differs from its name in the running text.

    ## Why
    专利法实施细则 第21条第2款 and 第22条第4款: the same part keeps the same reference sign throughout the
    application; signs in the claims follow the drawings. Catalogue CN-CLR-006.

    ## Bad
        权利要求书
        1. 一种夹具，包括底座(1)和卡爪(3)。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        具体实施方式
        夹具包括底座1和卡爪2，卡爪2安装在底座1上。

    ## Good
        权利要求书
        1. 一种夹具，包括底座(1)和卡爪(2)。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        具体实施方式
        夹具包括底座1和卡爪2，卡爪2安装在底座1上。
    """

    name = "reference-numeral"
    code = "W003"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-006",)
    source = "专利法实施细则 第21条第2款"
    needs = "description"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        desc = application_of(ctx).description
        assert desc is not None
        lists = [p for p in desc.paragraphs if p.section == "signs" or is_sign_list(p.text)]
        running = [p for p in desc.paragraphs if p.section in ("embodiments", "other", "summary") and p not in lists]
        used = numeral_names("\n".join(p.text for p in running))
        where: dict[str, list[tuple[Paragraph, str]]] | None = None

        def first_naming(numeral: str, name: str) -> Paragraph | None:
            # the first running paragraph that gives numeral to a part called name (or a name ending with it);
            # every paragraph's signs are read once, into an index by numeral
            nonlocal where
            if where is None:
                where = {}
                for p in running:
                    for s in find_signs(p.text):
                        for n in s.numerals:
                            where.setdefault(n, []).append((p, s.name))
            return next((p for p, called in where.get(numeral, []) if called.endswith(name)), None)

        listed = sign_list([p.text for p in lists])
        canonical: dict[str, str] = {}
        for numeral, names in used.items():
            groups: list[tuple[str, int]] = []
            for name, n in names.most_common():
                for i, (g, gn) in enumerate(groups):
                    if same_part(g, name):
                        keep = g if len(g) <= len(name) else name
                        groups[i] = (keep, gn + n)
                        break
                else:
                    groups.append((name, n))
            groups.sort(key=lambda g: -g[1])
            canonical[numeral] = listed.get(numeral, groups[0][0])
            strong = [g for g in groups if g[1] >= 2]
            if len(strong) >= 2:
                p = first_naming(numeral, strong[1][0])
                yield self.report(
                    None,
                    p.find(strong[1][0] + numeral, strong[1][0]) if p else Span(0, 0),
                    zh=f"说明书中附图标记{numeral}同时用于“{strong[0][0]}”和“{strong[1][0]}”",
                    en=f"the description uses numeral {numeral} for both '{strong[0][0]}' and '{strong[1][0]}'",
                    where=desc.source,
                )
            if numeral in listed and not any(same_part(listed[numeral], g) for g, _ in groups[:1]):
                yield self.report(
                    None,
                    next((q.find(listed[numeral]) for q in lists if listed[numeral] in q.text), lists[0].span),
                    zh=f"附图标记说明中{numeral}为“{listed[numeral]}”，具体实施方式中却是“{groups[0][0]}”",
                    en=f"the list of signs names {numeral} '{listed[numeral]}' but the text calls it '{groups[0][0]}'",
                    where=desc.source,
                )
        for numeral, name in listed.items():
            canonical.setdefault(numeral, name)
        if not canonical:
            return
        for c, name, numeral, span in claim_signs(cs):
            if numeral not in canonical:
                yield self.report(
                    c,
                    span,
                    zh=f"附图标记({numeral})在说明书中未使用",
                    en=f"reference sign ({numeral}) is not used in the description",
                )
            elif len(name) >= 2 and not same_part(name, canonical[numeral]):
                yield self.report(
                    c,
                    span,
                    zh=f"“{name}({numeral})”：说明书中附图标记{numeral}是“{canonical[numeral]}”",
                    en=f"'{name}({numeral})': the description gives {numeral} to '{canonical[numeral]}'",
                )
