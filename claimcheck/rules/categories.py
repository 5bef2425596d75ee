"""Claims of different categories read together: a reference across categories that makes no sense
(S003 category-reference) and apparatus claims that do not mirror the method they carry out (P003
parallel-independent)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.analysis.features import ClaimFeature, claim_features
from claimcheck.lexicon import Lexicons
from claimcheck.model import Category, Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.parse.structure import category_of
from claimcheck.rules.base import Context, Rule
from claimcheck.rules.twopart import module_feature

_CITED = re.compile(
    r"权利要求\s*(?P<nums>[0-9]+(?:\s*(?:[、,，或和及与]|至|到|[\-~～—])\s*[0-9]+)*)\s*(?:中)?\s*(?:任一项|任意一项|任一|之一)?"
    r"(?:权利要求)?\s*所述的?(?P<rest>[^，。；：,;:]{1,30})"
)
_NOUN_END = re.compile(r"的|进行|执行|实现|制得|制备|得到|获得|中|时|来|对|在|和|或|及|与|被|用于|所|作为|上|内")
_STEP_LABEL = re.compile(
    r"(?:^|[，；;：:。\n])\s*(?:[Ss]\d+(?:\.\d+)*\s*[、.．:：)）]|步骤\s*[0-9一二三四五六七八九十]+\s*[、.．:：)），]|第[一二三四五六七八九十]+步)"
)
_RUNS = re.compile(r"执行|实现|运行|被配置为|配置为|程序|指令|处理器|控制")
_MODULE_IN_METHOD = re.compile(r"[\u4e00-\u9fff]{1,12}(?:模块|单元)\s*[，,：:]\s*(?:用于|被配置为|配置为)")


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for m in re.finditer(r"([0-9]+)\s*(?:(至|到|[\-~～—])\s*([0-9]+))?", text):
        a = int(m.group(1))
        if m.group(3):
            b = int(m.group(3))
            out.extend(range(a, b + 1) if b >= a and b - a < 100 else [a, b])
        else:
            out.append(a)
    return out


def _kind(cat: Category) -> str:
    return "method" if cat in (Category.METHOD, Category.USE) else "product" if cat is Category.PRODUCT else ""


_CAT_ZH = {"method": "方法", "product": "产品"}


class CategoryReference(Rule):
    """A claim refers to a claim of another category in a way that makes no sense, or mixes the categories.

    ## What it flags
    A reference that names a category the cited claim does not have (一种电子设备……实现权利要求5所述的方法, where
    claim 5 is a system); a product claim defined by method steps (一种控制系统，包括以下步骤：…); a method claim
    whose steps are written as modules (获取模块，用于获取…).

    ## Why
    专利法 第26条第4款; 专利审查指南 第二部分第二章 §3.1.1: a claim is either a product or an activity (method,
    use) claim and its subject name and features must show which; a reference to another claim must be clear
    (§3.2.2, the claims as a whole). Catalogue CN-CAT-004.

    ## Bad
        1. 一种数据处理系统，包括采集模块和计算模块。
        2. 一种电子设备，包括处理器和存储器，所述存储器存储有计算机程序，所述计算机程序被所述处理器执行时实现权利要求1所述的方法。

    ## Good
        1. 一种数据处理方法，包括采集数据和计算结果。
        2. 一种电子设备，包括处理器和存储器，所述存储器存储有计算机程序，所述计算机程序被所述处理器执行时实现权利要求1所述的方法。

    ## Traps
    References between categories that make sense are fine: a method of making or using the product of claim 1
    (一种制备权利要求1所述材料的方法, 使用权利要求1所述装置的方法), a product made by the method of claim 5
    (由权利要求5所述的方法制得的材料), an apparatus for carrying out the method of claim 1; a storage medium or a
    processor that executes steps (所述程序被执行时实现以下步骤：S1…) is no product defined by steps; a
    dependent claim's own subject is checked by subject-mismatch.
    """

    name = "category-reference"
    code = "S003"
    severity = Severity.WARNING
    catalogue = ("CN-CAT-004",)
    source = "专利法 第26条第4款；专利审查指南 第二部分第二章 §3.1.1"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        table = ctx.lexicons.load("claimform").get("category-reference", {})
        steps = tuple(table.get("step-words", []))
        made = tuple(table.get("made-by", []))
        for c in cs:
            if c.flat is None:
                continue
            yield from self._references(cs, c, ctx.lexicons)
            t = c.flat.folded
            start = c.flat.index(c.subject.span.end) if c.subject is not None else 0
            body = t[start:]
            if c.category is Category.PRODUCT and not any(w in body for w in made):
                at = min((body.find(w) for w in steps if w in body), default=-1)
                labels = list(_STEP_LABEL.finditer(body))
                if at == -1 and len(labels) >= 2:
                    at = labels[0].start()
                if at != -1 and not _RUNS.search(body, 0, at + 12):
                    yield self.report(
                        c,
                        c.flat.span(start + at, start + at + 6),
                        zh=f"产品权利要求{c.number}用方法步骤限定，类型不清楚",
                        en=f"product claim {c.number} is defined by method steps: its category is unclear",
                        fix=Fix(
                            "用结构或组成限定产品，或改写为方法权利要求",
                            "define the product by structure, or make it a method claim",
                        ),
                        kind="product-steps",
                    )
            if c.category is Category.METHOD:
                m = _MODULE_IN_METHOD.search(t, start)
                if m is not None:
                    yield self.report(
                        c,
                        c.flat.span(m.start(), m.end()),
                        zh=f"方法权利要求{c.number}的步骤写成了功能模块（“{c.flat.text[m.start() : m.end()]}”）",
                        en=f"method claim {c.number} writes a step as a module ('{c.flat.text[m.start() : m.end()]}')",
                        fix=Fix("改写为方法步骤（如“获取……”）", "write it as a step"),
                        kind="module-step",
                    )

    def _references(self, cs: ClaimSet, c: Claim, lex: Lexicons) -> Iterator[Diagnostic]:
        assert c.flat is not None
        t = c.flat.folded
        own = c.reference.segment.span.end if c.reference is not None and not c.is_independent else -1
        for m in _CITED.finditer(t):
            if own != -1 and c.flat.span(m.start(), m.end()).start < own:
                continue  # the reference part of a dependent claim: subject-mismatch reads it
            rest = m.group("rest")
            cut = _NOUN_END.search(rest)
            noun = rest[: cut.start()] if cut else rest
            named = _kind(category_of(noun, lex=lex)) if noun else ""
            if not named:
                continue
            cited = [cs.get(n) for n in _numbers(m.group("nums"))]
            wrong = [
                p for p in cited if p is not None and p.number != c.number and _kind(p.category) not in ("", named)
            ]
            if not wrong:
                continue
            p = wrong[0]
            s, e = m.start(), m.start("rest") + len(noun)
            yield self.report(
                c,
                c.flat.span(s, e),
                zh=f"引用“{c.flat.text[s:e]}”与被引用的权利要求{p.number}的类型不符："
                f"权利要求{p.number}是{_CAT_ZH[_kind(p.category)]}权利要求（“{p.subject.text if p.subject else ''}”）",
                en=f"'{c.flat.text[s:e]}' names a {named} but claim {p.number} is a {_kind(p.category)} claim",
                fix=Fix(f"改为引用相应的{_CAT_ZH[named]}权利要求", f"refer to the {named} claim meant"),
                kind="reference",
            )


@dataclass(frozen=True, slots=True)
class _Unit:
    feature: ClaimFeature
    grams: frozenset[str]


# character pairs of wording every step uses: they say nothing of which step it is
_COMMON = frozenset(
    ["进行", "根据", "得到", "获得", "以及", "并且", "然后", "其中", "对所", "将所", "所得", "包括", "用于"]
)


def _grams(text: str) -> frozenset[str]:
    t = re.sub(r"所述的?|该|用于|模块|单元|步骤|[Ss][0-9]+|[（(][^）)]*[）)]|[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return frozenset(t[i : i + 2] for i in range(len(t) - 1)) - _COMMON


def _cover(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a) if a else 1.0


def _units(c: Claim, lex: Lexicons, heads: list[str]) -> list[_Unit]:
    """The modules of an apparatus claim, each with the features that continue it (…，得到高频系数)."""
    out: list[_Unit] = []
    for f in claim_features(c, lex):
        if f.kind == "subject":
            continue
        if module_feature(f.text, heads):
            out.append(_Unit(f, _grams(f.text)))
        elif out:
            out[-1] = _Unit(out[-1].feature, out[-1].grams | _grams(f.text))
    return out


def _steps(c: Claim, lex: Lexicons) -> list[_Unit]:
    return [_Unit(f, _grams(f.text)) for f in claim_features(c, lex) if f.kind != "subject"]


class ParallelIndependent(Rule):
    """An apparatus claim of functional modules does not mirror the method claim it carries out.

    ## What it flags
    An independent apparatus (or system) claim made of functional modules (获取模块，用于…) beside an independent
    method claim, where a step of the method has no module that performs it, or a module performs no step of the
    method; the message names the step or module (info).

    ## Why
    专利审查指南 第二部分第九章 §5.2: an apparatus claim of functional modules is read as the program that carries
    out the method, so each module corresponds to a step; an apparatus that leaves out a step or adds one claims
    another solution, which may not be supported (专利法 第26条第4款) and may break the unity with the method
    (专利法 第31条第1款). Catalogue CN-UNI-001.

    ## Bad
        1. 一种图像去噪方法，包括：获取待处理图像；对所述待处理图像进行小波分解，得到高频系数；对所述高频系数进行阈值收缩；重构得到去噪图像。
        2. 一种图像去噪装置，包括：获取模块，用于获取待处理图像；分解模块，用于对所述待处理图像进行小波分解，得到高频系数；重构模块，用于重构得到去噪图像。

    ## Good
        1. 一种图像去噪方法，包括：获取待处理图像；对所述待处理图像进行小波分解，得到高频系数；对所述高频系数进行阈值收缩；重构得到去噪图像。
        2. 一种图像去噪装置，包括：获取模块，用于获取待处理图像；分解模块，用于对所述待处理图像进行小波分解，得到高频系数；收缩模块，用于对所述高频系数进行阈值收缩；重构模块，用于重构得到去噪图像。

    ## Traps
    An apparatus, device or storage medium that refers to the method claim (实现权利要求1所述的方法) mirrors it by
    reference; a hardware apparatus of parts (壳体, 电机) is no module apparatus; steps are matched to modules by
    their wording, so a module may word its step differently as long as it shares the step's terms.

    ## Options
    ``threshold`` (0.5): the share of a step's character pairs a module must hold to perform it.
    """

    name = "parallel-independent"
    code = "P003"
    severity = Severity.INFO
    catalogue = ("CN-UNI-001",)
    source = "专利法 第26条第4款、第31条第1款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        threshold = float(ctx.option(self.name, "threshold", 0.5))
        heads = list(ctx.lexicons.load("claimform").get("two-part", {}).get("module-heads", []))
        methods = [c for c in cs.independent if c.category is Category.METHOD and not c.mentions and c.flat is not None]
        if not methods:
            return
        for c in cs.independent:
            if c.category is not Category.PRODUCT or c.mentions or c.flat is None:
                continue
            units = _units(c, ctx.lexicons, heads)
            if len(units) < 2:
                continue
            all_units = frozenset().union(*(u.grams for u in units))
            method = max(methods, key=lambda m: sum(_cover(s.grams, all_units) for s in _steps(m, ctx.lexicons)))
            steps = _steps(method, ctx.lexicons)
            for s in steps:
                if max(_cover(s.grams, u.grams) for u in units) < threshold:
                    yield self.report(
                        c,
                        c.subject.span if c.subject is not None else c.label.span,
                        zh=f"装置权利要求{c.number}与方法权利要求{method.number}不对应：步骤“{s.feature.text}”没有执行它的模块",
                        en=f"apparatus claim {c.number} does not mirror method claim {method.number}: no module performs "
                        f"the step '{s.feature.text}'",
                        fix=Fix("增加执行该步骤的模块，或确认装置的方案确有不同", "add a module for the step"),
                    )
            for u in units:
                if max((_cover(u.grams, s.grams) for s in steps), default=0.0) < threshold:
                    yield self.report(
                        c,
                        u.feature.span,
                        zh=f"模块“{u.feature.text}”在方法权利要求{method.number}中没有对应的步骤",
                        en=f"the module '{u.feature.text}' performs no step of method claim {method.number}",
                        fix=Fix(
                            "在方法权利要求中增加对应步骤，或删除该模块",
                            "add the step to the method, or drop the module",
                        ),
                    )
