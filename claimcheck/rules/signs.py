"""Reference signs in claims (C003): 附图标记 in parentheses, after the term they label."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.analysis.signs import find_signs, is_sign_content
from claimcheck.model import ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

_PAREN = re.compile(r"[（(]([^（）()]{1,40})[）)]")
_ACCEPTED = re.compile(
    r"^\s*(?:[A-Za-z][A-Za-z0-9\-/ ]{0,15}|[a-zA-Z]|[0-9]+|[ivxIVX]+|S[0-9]+|步骤[0-9]+|[0-9]+[a-zA-Z]|重量|质量|体积|摩尔|"
    r"wt%|vol%|mol%|质量份|重量份|体积份|质量%|重量%|w/w|v/v|甲基|乙基|[A-Za-z0-9+\-·=/\[\]., ]+|SEQ ID NO[:：]?\s*[0-9]+|.*[%℃]|"
    r"[IVX]+|[一二三四五六七八九十]+|[a-z]\)|.*=.*)\s*$"
)


def _sign_with_words(content: str) -> bool:
    """Whether bracketed text is a name and its sign (螺钉13), the sign written inside its own brackets."""
    text = content.strip()
    found = find_signs(text)
    return (
        len(found) == 1
        and not found[0].bracketed
        and found[0].end == len(text)
        and found[0].name_start == 0
        and 1 <= found[0].start <= 8
    )


# a number followed by one of these counts or names a kind (2型糖尿病, 3相, 5号), it is no sign
_COUNTED = frozenset("型号相级次倍代段阶期类种元维位路通档挡线层个只根块条片台套组对天年月日周度寸克升秒分")


class ReferenceSign(Rule):
    """Parentheses that hold something other than a reference sign, or a reference sign written without them.

    ## What it flags
    Parenthesised text that is not a reference sign, a formula, a unit or an accepted convention and
    so may limit the scope ((混凝土)砖模, 螺钉（可替换为铆钉）): warning.  A sign with words inside the
    parentheses ((螺钉13)): warning.  A name that the claim set writes with a sign in parentheses
    (底座(1)) and elsewhere with the bare number (底座1): warning.

    ## Why
    专利法实施细则 (2023) 第22条第4款: reference signs follow the feature, in parentheses, and do not
    limit the claim; 专利审查指南 第二部分第二章 §3.2.2 (avoid brackets except for signs and formulae).
    Catalogue CN-CLR-005, CN-CLR-006.

    ## Bad
        1. 一种模具，包括(混凝土)砖模和螺钉（可替换为铆钉）。

    ## Good
        1. 一种模具，包括混凝土砖模(1)和螺钉(2)。

    ## Traps
    Step labels ((a), (1), S1), units and percentages ((wt%), (质量份)), formulae, abbreviations defined in
    parentheses (电子控制单元（ECU）), (甲基)丙烯酸 and SEQ ID NO are accepted.  A bare numeral right after
    a part name (手柄4, 过温保护模块5) is a sign without parentheses even when the claims never bracket it, once
    per claim; component designators (U1, R1, Q1), values and counts (3mm, 2个, 3相) are not; square brackets
    (车架[3]) are only info.
    """

    name = "reference-sign"
    code = "C003"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-005", "CN-CLR-006")
    source = "专利法实施细则 第22条第4款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        signed: dict[str, set[str]] = {}
        for c in cs:
            if c.flat is None:
                continue
            for sign in find_signs(c.flat.folded):
                if sign.bracketed and len(sign.name) >= 2:
                    for numeral in sign.numerals:
                        signed.setdefault(numeral, set()).add(sign.name[-2:])
        for c in cs:
            if c.flat is None:
                continue
            t = c.flat.folded
            for m in _PAREN.finditer(t):
                content = m.group(1)
                if is_sign_content(content) or _ACCEPTED.match(content):
                    continue
                if _sign_with_words(content):
                    yield self.report(
                        c,
                        c.flat.span(m.start(), m.end()),
                        zh=f"附图标记的括号内不应加入文字：“{c.flat.text[m.start() : m.end()]}”",
                        en=f"a reference sign's parentheses hold words: '{c.flat.text[m.start() : m.end()]}'",
                    )
                    continue
                if not re.search(r"[\u4e00-\u9fff]", content):
                    continue
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh=f"括号中的内容“{content}”不是附图标记，可能限定保护范围，使其不清楚",
                    en=f"the parenthesised text '{content}' is not a reference sign and may limit the scope unclearly",
                    fix=Fix("删除括号，把内容写入权利要求或删去", "remove the brackets: state the feature or drop it"),
                )
            bare_seen: set[tuple[str, str]] = set()
            inside = [(m.start(), m.end()) for m in _PAREN.finditer(t)]
            for sign in find_signs(t):
                if sign.ranged or len(sign.numerals) != 1:
                    continue
                number = sign.numerals[0]
                if sign.bracketed:
                    if t[sign.start] in "[［【":
                        # an old or converted style: the sign is there, only the brackets differ (info)
                        span = c.flat.span(sign.start, sign.end)
                        yield self.report(
                            c,
                            span,
                            zh=f"附图标记宜使用圆括号：“{c.flat.text[sign.start : sign.end]}”应写作“({number})”",
                            en=f"a reference sign goes in round brackets: write ({number})",
                            severity=Severity.INFO,
                            fix=Fix(f"改为“({number})”", f"write ({number})", span, f"({number})"),
                        )
                    continue
                names = [n for n in sorted(signed.get(number, ())) if sign.name.endswith(n)]
                if names:
                    name = names[0]
                    start = sign.start - len(name)
                elif (
                    sign.name
                    and (sign.name, number) not in bare_seen
                    and not any(a < sign.start < b for a, b in inside)
                    and t[sign.end : sign.end + 1] not in _COUNTED
                ):
                    # a bare numeral after a part name the claims never bracket (手柄4): a sign all the same
                    name = sign.name
                    start = sign.name_start
                else:
                    continue
                bare_seen.add((sign.name, number))
                span = c.flat.span(start, sign.end)
                yield self.report(
                    c,
                    span,
                    zh=f"附图标记应加括号：“{name}{number}”应写作“{name}({number})”",
                    en=f"reference sign without parentheses: write {name}({number})",
                    fix=Fix(f"改为“{name}({number})”", f"write {name}({number})", span, f"{name}({number})"),
                )
