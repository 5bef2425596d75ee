"""Whole-application rules (W): the claims against the description, numerals, figures, abstract and title.

They run when more than the claim set is given: a whole application in one file (权利要求书, 说明书,
说明书摘要 headings), CNIPA/WIPO XML full text, or ``--description`` / ``--abstract`` files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.application.model import Application, Description, Paragraph
from claimcheck.application.terms import (
    claim_signs,
    claim_terms,
    is_sign_list,
    numeral_names,
    same_part,
    sign_list,
)
from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule


def _app(ctx: Context) -> Application:
    app: Application = ctx.application
    return app


def _closest(term: str, desc: Description) -> tuple[str, int] | None:
    """The description term closest to ``term`` and how often the description uses it."""
    from rapidfuzz import fuzz

    cached: dict[str, Counter[str]] = desc.cache.setdefault("ngrams", {})
    key = f"{term[0]}|{term[-1]}|{len(term)}"
    if key not in cached:
        counts: Counter[str] = Counter()
        for p in desc.paragraphs:
            for chunk in re.split(r"[，。；：,;:、（）()\s0-9]+", p.text):
                for n in range(max(2, len(term) - 1), len(term) + 3):
                    for i in range(0, len(chunk) - n + 1):
                        cand = chunk[i : i + n]
                        if (cand[0] == term[0] or cand[-1] == term[-1]) and cand[0] not in "的所该和及与在括述有设":
                            counts[cand] += 1
        cached[key] = counts
    best: tuple[float, str] | None = None
    for cand, n in cached[key].items():
        if cand == term or term.startswith(cand) or cand.startswith(term):
            continue
        score = fuzz.ratio(term, cand) + min(n, 5)
        if score >= 70 and (best is None or score > best[0]):
            best = (score, cand)
    return (best[1], cached[key][best[1]]) if best else None


def _uses(p: Paragraph, term: str) -> bool:
    """Whether a paragraph uses ``term``, read as the antecedent check reads it (所述滑块移动 uses 滑块)."""
    from claimcheck.rules import antecedent as A

    text = A.MARKER.sub("|", A.normalise(p.text))
    return term in text or A.has_basis(term, text)


def term_support(cs: ClaimSet, desc: Description) -> list[tuple[Any, list[Paragraph], list[Paragraph]]]:
    """For each claim term: the paragraphs outside the background that use it, and those in the background."""
    cache: dict[str, Any] = desc.cache.setdefault("support", {})
    key = "|".join(str(c.span) for c in cs)
    if key not in cache:
        out = []
        for t in claim_terms(cs):
            body = [p for p in desc.paragraphs if p.section != "background" and _uses(p, t.text)]
            background = [p for p in desc.paragraphs if p.section == "background" and _uses(p, t.text)]
            out.append((t, body, background))
        cache[key] = out
    result: list[tuple[Any, list[Paragraph], list[Paragraph]]] = cache[key]
    return result


class DescriptionSupport(Rule):
    """A technical term of the claims appears nowhere in the description, or only in the background art.

    ## What it flags
    Each term of the claims (the terms the antecedent check reads, list items after 包括, subjects) that the
    description never uses (warning), or uses only in 背景技术 (warning: prior art does not support the
    invention).  The closest description term is offered.  ``claimcheck support`` prints, for every term,
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
        desc = _app(ctx).description
        assert desc is not None
        for t, body, background in term_support(cs, desc):
            if body:
                continue
            close = _closest(t.text, desc)
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
            )


class TermConsistency(Rule):
    """The same element is named differently in the claims and the description, or under one numeral.

    ## What it flags
    A claim term the description never uses while it consistently uses a close variant (支架 in the claims,
    支撑架 throughout the description); and one reference numeral written with two different names in the
    claims (底座(1) … 基座(1)).

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
            for t, body, background in term_support(cs, desc):
                if body or background:
                    continue
                close = _closest(t.text, desc)
                if close is None or close[1] < 2:
                    continue
                yield self.report(
                    t.claim,
                    t.span,
                    zh=f"权利要求用“{t.text}”，说明书中一致使用“{close[0]}”（{close[1]}处），用语不一致",
                    en=f"the claims say '{t.text}' where the description consistently says '{close[0]}' ({close[1]} times)",
                    fix=Fix(f"统一为“{close[0]}”", f"use '{close[0]}'", t.span, close[0]),
                )
        # one numeral, two names, within the claims
        names: dict[str, dict[str, tuple[int, Span]]] = {}
        for c, name, numeral, span in claim_signs(cs):
            if len(name) >= 2:
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
        desc = _app(ctx).description
        assert desc is not None
        lists = [p for p in desc.paragraphs if p.section == "signs" or is_sign_list(p.text)]
        running = [p for p in desc.paragraphs if p.section in ("embodiments", "other", "summary") and p not in lists]
        used = numeral_names("\n".join(p.text for p in running))
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
                p = next(
                    (p for p in running if re.search(re.escape(strong[1][0]) + r"\s*[（(]?" + numeral, p.text)), None
                )
                yield self.report(
                    None,
                    p.span if p else Span(0, 0),
                    zh=f"说明书中附图标记{numeral}同时用于“{strong[0][0]}”和“{strong[1][0]}”",
                    en=f"the description uses numeral {numeral} for both '{strong[0][0]}' and '{strong[1][0]}'",
                    where=desc.source,
                )
            if numeral in listed and not any(same_part(listed[numeral], g) for g, _ in groups[:1]):
                yield self.report(
                    None,
                    lists[0].span,
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


class AbstractLength(Rule):
    """The abstract is longer than 300 characters.

    ## What it flags
    An abstract (说明书摘要) of more than ``max-chars`` characters, punctuation included, spaces and line
    breaks not counted.

    ## Why
    专利审查指南 第一部分第一章 (the abstract text should not exceed 300 characters, punctuation included);
    the 300-character limit was in 专利法实施细则 (2010) 第23条.

    ## Bad
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        说明书摘要
        本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。本发明公开了一种夹具，包括底座。

    ## Good
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        夹具
        技术领域
        本发明涉及一种夹具。
        说明书摘要
        本发明公开了一种夹具，包括底座。

    ## Options
    ``max-chars`` (300).
    """

    name = "abstract-length"
    code = "W004"
    severity = Severity.WARNING
    source = "专利审查指南 第一部分第一章"
    needs = "abstract"
    options: ClassVar[dict[str, Any]] = {"max-chars": 300}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        ab = _app(ctx).abstract
        assert ab is not None
        limit = int(ctx.option(self.name, "max-chars", 300))
        n = len(re.sub(r"\s+", "", ab.text))
        if n > limit:
            yield self.report(
                None,
                ab.span,
                zh=f"说明书摘要共{n}字（含标点），超过{limit}字",
                en=f"the abstract has {n} characters (punctuation included), more than {limit}",
                where=ab.source,
            )


_CHEMICAL = re.compile(
    r"化合物|衍生物|[A-Za-z][0-9]|[0-9]-[\u4e00-\u9fff]|基[\u4e00-\u9fff]*(?:酸|酯|醇|胺|酮|醚)|嘧啶|吡啶|喹啉|吲哚|噻唑|哌嗪|苯并"
)


class TitleLength(Rule):
    """The title of the invention is longer than 25 characters (40 for some chemical titles).

    ## What it flags
    A title (发明名称) longer than ``max-chars`` (25) characters, or ``max-chars-chemical`` (40) when the title
    names a chemical compound.

    ## Why
    专利审查指南 第一部分第一章 §4.1.1 and 第二部分第二章 §2.2.1: the title is short and exact, generally not
    more than 25 characters, up to 40 for particular chemical inventions.

    ## Bad
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        一种适用于多种不同规格尺寸工件的快速定位与自动夹紧的组合式夹具装置
        技术领域
        本发明涉及一种夹具。

    ## Good
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        一种组合式夹具
        技术领域
        本发明涉及一种夹具。
    """

    name = "title-length"
    code = "W005"
    severity = Severity.WARNING
    source = "专利审查指南 第一部分第一章 §4.1.1"
    needs = "title"
    options: ClassVar[dict[str, Any]] = {"max-chars": 25, "max-chars-chemical": 40}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        desc = _app(ctx).description
        assert desc is not None and desc.title is not None
        title = desc.title
        chemical = bool(_CHEMICAL.search(title))
        limit = int(ctx.option(self.name, "max-chars-chemical" if chemical else "max-chars", 40 if chemical else 25))
        n = len(re.sub(r"\s+", "", title))
        if n > limit:
            yield self.report(
                None,
                desc.title_span or Span(0, 0),
                zh=f"发明名称共{n}字，超过{limit}字" + ("（化学发明）" if chemical else ""),
                en=f"the title has {n} characters, more than {limit}" + (" (chemical title)" if chemical else ""),
                where=desc.source,
            )


_PROMO = re.compile(
    r"最佳|最优|最好|优质|高档|豪华|完美|领先|独特|神奇|超级|万能|顶级|一流|先进|新颖|高科技|畅销|名牌|第一"
)
_TRADEMARK = re.compile(r"[™®©]|牌(?!照|坊|位|子)|商标|[A-Z]{2,}[-_]?[0-9]{2,}")
_SURNAME_SHI = re.compile(
    r"[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]氏"
)
_JIQI_OK = re.compile(
    r"及其(?:制备|制造|生产|制作|加工|合成|使用|应用|用途|控制|检测|处理|安装|组装|成型|实现|运行|工作|操作|测试|修复|回收|清洗|提取|纯化|培养)"
)


class TitleWording(Rule):
    """The title contains a trademark, a personal name, promotional wording, or 及其 joining unrelated things.

    ## What it flags
    In the title (发明名称): trademarks and model names (™, ®, …牌, ABC-100), personal names (张氏), promotional
    words (最佳, 优质, 先进, 神奇 …), and 及其 not followed by a method, use or application of the thing
    before it (一种X及其制备方法 is fine).

    ## Why
    专利审查指南 第一部分第一章 §4.1.1: the title shows the subject and type of the invention and does not
    contain personal names, place names, trademarks, model numbers, trade names or commercial promotion.

    ## Bad
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        一种先进的快马牌夹具
        技术领域
        本发明涉及一种夹具。

    ## Good
        权利要求书
        1. 一种夹具，包括底座。
        说明书
        一种夹具及其制造方法
        技术领域
        本发明涉及一种夹具。
    """

    name = "title-wording"
    code = "W006"
    severity = Severity.WARNING
    source = "专利审查指南 第一部分第一章 §4.1.1"
    needs = "title"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        desc = _app(ctx).description
        assert desc is not None and desc.title is not None
        title = desc.title
        span = desc.title_span or Span(0, 0)
        checks = (
            (_PROMO, "商业性宣传用语", "promotional wording"),
            (_TRADEMARK, "商标、型号或商品名称", "a trademark, model or trade name"),
            (_SURNAME_SHI, "人名", "a personal name"),
        )
        for pattern, what_zh, what_en in checks:
            m = pattern.search(title)
            if m:
                yield self.report(
                    None,
                    Span(span.start + m.start(), span.start + m.end()),
                    zh=f"发明名称中含有{what_zh}“{m.group(0)}”",
                    en=f"the title contains {what_en}: '{m.group(0)}'",
                    where=desc.source,
                )
        for m in re.finditer("及其", title):
            if not _JIQI_OK.match(title, m.start()):
                yield self.report(
                    None,
                    Span(span.start + m.start(), span.start + m.end()),
                    zh="发明名称中“及其”后应是前者的方法、用途或应用（如“X及其制备方法”）",
                    en="in the title, 及其 should introduce a method, use or application of what precedes it",
                    severity=Severity.INFO,
                    where=desc.source,
                )


_FIG = re.compile(r"图\s*([0-9]+[a-zA-Z]?)((?:\s*(?:[、,，和及与或至到\-~～]|以及)\s*(?:图\s*)?[0-9]+[a-zA-Z]?)*)")


def _figures(text: str) -> set[str]:
    out: set[str] = set()
    for m in _FIG.finditer(text):
        first = m.group(1)
        out.add(first.lower())
        rest = m.group(2)
        prev = first
        for conn, num in re.findall(r"\s*([、,，和及与或至到\-~～]|以及)\s*(?:图\s*)?([0-9]+[a-zA-Z]?)", rest):
            if conn in "至到-~～" and prev.isdigit() and num.isdigit() and int(num) - int(prev) < 50:
                out.update(str(i) for i in range(int(prev), int(num) + 1))
            out.add(num.lower())
            prev = num
    return out


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
        desc = _app(ctx).description
        assert desc is not None
        drawings = desc.section("drawings")
        if not drawings:
            return
        listed: dict[str, Paragraph] = {}
        for p in drawings:
            m = re.match(r"\s*图\s*([0-9]+[a-zA-Z]?)", p.text)
            if m:
                listed.setdefault(m.group(1).lower(), p)
        others = [p for p in desc.paragraphs if p.section not in ("drawings", "background")]
        referred: dict[str, Paragraph] = {}
        for p in others:
            for f in _figures(p.text):
                referred.setdefault(f, p)
        for f, p in listed.items():
            if f not in referred:
                yield self.report(
                    None,
                    p.span,
                    zh=f"附图说明中列出了图{f}，但说明书其他部分从未提及图{f}",
                    en=f"figure {f} is listed in the description of the drawings but never referred to",
                    where=desc.source,
                )
        for f, p in referred.items():
            if f not in listed:
                yield self.report(
                    None,
                    p.span,
                    zh=f"说明书提及图{f}（{p.cite}），但附图说明中没有图{f}",
                    en=f"the description refers to figure {f} ({p.cite}) but the description of the drawings lists none",
                    where=desc.source,
                )
