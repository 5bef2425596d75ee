"""The abstract and the title (W004–W006): length and wording."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.model import ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Severity
from claimcheck.rules.base import Context, Rule, application_of


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
        ab = application_of(ctx).abstract
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
        desc = application_of(ctx).description
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
        desc = application_of(ctx).description
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
