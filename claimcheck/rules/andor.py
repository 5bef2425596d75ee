"""和/或 with an unclear grouping, and effect wording that is no technical feature (C006 and-or)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model import Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

_ANDOR = re.compile(r"(?:和|及|与)\s*[/／]\s*或")
_CLAUSE = re.compile(r"[，。；：,;:\n]")
_LIST = re.compile(r"、|(?<![/／])(?:和|及|与|或)(?!\s*[/／])")
_LIST_VERB = re.compile(r"包括|包含|含有|选自|为|是|由|采用|添加|加入|设有")


@dataclass(frozen=True, slots=True)
class _Patterns:
    mixture: re.Pattern[str]
    effect: re.Pattern[str]
    leads: tuple[str, ...]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _build(lex: Lexicons) -> _Patterns:
    t = lex.load("claimform").get("and-or", {})
    return _Patterns(
        re.compile(
            rf"^[^，。；：,;:]{{0,30}}?的?(?:{_alt(t.get('mixtures', []))})|^[^，。；：,;:]{{0,20}}?(?:混合|复配|共混|复合)"
        ),
        re.compile(
            _alt(t.get("effects", []))
            + r"|(?:提高|降低|减少|改善|增强|延长|提升|保证|确保|减小|避免|防止)[^，。；]{0,10}?"
            r"(?:效率|成本|寿命|质量|性能|稳定性|可靠性|精度|准确性|准确率|效果|能耗|安全性|便利性|体验|速度|产量|收率|良率)"
        ),
        tuple(sorted(t.get("effect-leads", []), key=len, reverse=True)),
    )


def _clause(t: str, i: int) -> tuple[int, int]:
    a = max((m.end() for m in _CLAUSE.finditer(t, 0, i)), default=0)
    e = _CLAUSE.search(t, i)
    return a, e.start() if e else len(t)


class AndOr(Rule):
    """和/或 whose grouping is unclear, and wording of an effect that adds no technical feature.

    ## What it flags
    和/或 joining the parts of something that needs both (A和/或B的混合物: a mixture of A alone is none), or
    standing in a list with another 和, 或 or 、 so that what it joins is unclear (A、B和/或C; A和B和/或C)
    (warning); effect and advantage wording in a claim (，从而提高了散热效率; 具有结构简单、成本低的优点) as advice
    (info).

    ## Why
    专利法 第26条第4款; 专利审查指南 第二部分第二章 §3.2.2 (each claim must define its scope clearly) and §3.2.3
    (a claim states technical features, not the reasons or the advantages of the invention). Catalogue CN-CLR-013,
    CN-CLR-007.

    ## Bad
        1. 一种阻燃剂，包括磷酸铵和/或氢氧化铝的混合物，从而提高了阻燃效果。

    ## Good
        1. 一种阻燃剂，包括磷酸铵和氢氧化铝的混合物。
        2. 一种阻燃剂，包括磷酸铵和/或氢氧化铝。

    ## Traps
    A plain A和/或B (A, B, or both) is clear; 权利要求1和/或2 is a dependency defect left to
    multiple-dependency-alternative; a consequence that is a technical feature itself (，使所述滑块复位) is no
    effect wording.
    """

    name = "and-or"
    code = "C006"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-013", "CN-CLR-007")
    source = "专利法 第26条第4款；专利审查指南 第二部分第二章 §3.2.2"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        pats = ctx.lexicons.table("andor.patterns", _build)
        for c in cs:
            if c.flat is None:
                continue
            t = c.flat.folded
            for m in _ANDOR.finditer(t):
                if re.search(r"权利要求\s*[0-9]+\s*$", t[: m.start()]):
                    continue
                a, b = _clause(t, m.start())
                head = t[a : m.start()]
                verb = None
                for v in _LIST_VERB.finditer(head):
                    verb = v
                list_start = a + verb.end() if verb is not None else a
                if pats.mixture.search(t[m.end() : b]):
                    yield self._grouping(c, m.start(), m.end(), "mixture")
                elif _LIST.search(t, list_start, m.start()) or _LIST.search(t, m.end(), b):
                    yield self._grouping(c, m.start(), m.end(), "list")
            yield from self._effects(c, t, pats)

    def _grouping(self, c: Claim, s: int, e: int, kind: str) -> Diagnostic:
        assert c.flat is not None
        if kind == "mixture":
            zh = "“和/或”用于需要两种成分的混合物或组合，只选其一时不构成混合物，保护范围不清楚"
            en = "和/或 joins the parts of a mixture or combination that needs both: with one alone there is none"
            fix = Fix("改为“和”，或改写为“选自A和B中的一种或两种”", "use 和, or 选自A和B中的一种或两种")
        else:
            zh = "“和/或”与其他并列连接词同时使用，其连接的对象不清楚"
            en = "和/或 stands in a list with other connectors: what it joins is unclear"
            fix = Fix("改写为“选自A、B和C中的至少一种”", "write 选自A、B和C中的至少一种 (at least one of)")
        return self.report(c, c.flat.span(s, e), zh=zh, en=en, fix=fix, kind=kind)

    def _effects(self, c: Claim, t: str, pats: _Patterns) -> Iterator[Diagnostic]:
        assert c.flat is not None
        pos = 0
        for m in _CLAUSE.finditer(t + "。"):
            a, b = pos, m.start()
            pos = m.end()
            clause = t[a:b].strip()
            if not clause:
                continue
            led = clause.startswith(pats.leads)
            hit = pats.effect.search(clause)
            if hit is None or not (led or re.search(r"的(?:优点|效果|目的|特点)$", clause)):
                continue
            s = a + (len(t[a:b]) - len(t[a:b].lstrip()))
            yield self.report(
                c,
                c.flat.span(s, b),
                zh=f"“{c.flat.text[s:b]}”是技术效果或优点的描述，不是技术特征，可删除（撰写建议）",
                en=f"'{c.flat.text[s:b]}' states an effect or advantage, not a technical feature: consider deleting it",
                severity=Severity.INFO,
                fix=Fix("删除效果描述，将其写入说明书", "move the effect to the description"),
                kind="effect",
            )
