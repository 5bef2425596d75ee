"""Features defined by function or result instead of structure (C005 functional-feature)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.lexicon import Lexicons
from claimcheck.model import Category, Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

_CLAUSE = re.compile(r"[，。；：,;:\n]")
_SIGN = r"(?:\s*[（(][0-9A-Za-z、,，\-\s]{1,12}[）)])?"
_VALUE = re.compile(
    r"[0-9]+(?:\.[0-9]+)?\s*(?:%|℃|°C|MPa|kPa|Pa|mm|cm|μm|nm|m|kV|V|mA|A|W|Hz|kg|g|mg|h|min|s|dB|分贝|次|圈|mAh)"
)
_OWN = re.compile(r"^(?:所述的|所述|该|其|本)")
_LEADS = re.compile(r"^(?:并且|并|且|同时|从而|进而|以及|其中)")


@dataclass(frozen=True, slots=True)
class _Patterns:
    named: re.Pattern[str]
    result: re.Pattern[str]
    change: re.Pattern[str]
    prop: re.Pattern[str]
    structure: tuple[str, ...]
    heads: tuple[str, ...]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _build(lex: Lexicons) -> _Patterns:
    t = lex.load("claimform").get("functional", {})
    heads = _alt(t.get("generic-heads", []))
    modals = _alt(t.get("result-modals", []))
    return _Patterns(
        re.compile(
            rf"用于(?P<fn>[^，。；：、,;:]{{2,30}}?)的(?P<name>[\u4e00-\u9fff]{{0,8}}?(?:{heads})){_SIGN}"
            r"(?=[，。；：、,;:]|和|及|与|$)"
        ),
        re.compile(rf"(?:{modals})(?:将|把|使)?[^，。；：]{{0,24}}?(?:{_alt(t.get('result-verbs', []))})"),
        re.compile(rf"(?:{modals})[^，。；：]{{0,12}}?(?:降低|减少|减小|提高|增加|提升)了?[0-9]+(?:\.[0-9]+)?\s*%"),
        re.compile(
            rf"具有(?:{_alt(t.get('property-degrees', []))})的?[\u4e00-\u9fff]{{0,8}}?(?:{_alt(t.get('property-nouns', []))})"
        ),
        tuple(sorted(t.get("structure-verbs", []), key=len, reverse=True)),
        tuple(sorted(t.get("generic-heads", []), key=len, reverse=True)),
    )


def _bare_name(name: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", name).strip()


def named_by_function(name: str, function: str, heads: tuple[str, ...]) -> bool:
    """Whether the element's name only repeats its function (降噪机构 for 降低噪音, 回送装置 for 回送茶青) rather than
    naming a structure (螺纹结构, 弹簧组件)."""
    head = next((h for h in heads if name.endswith(h)), "")
    modifier = name[: len(name) - len(head)]
    if not modifier:
        return True  # 用于…的装置: nothing but the function
    return sum(ch in function for ch in dict.fromkeys(modifier)) >= min(2, len(modifier))


def structure_given(text: str, name: str, skip: tuple[int, int], verbs: tuple[str, ...]) -> bool:
    """Whether ``text`` (outside ``skip``) says what ``name`` is made of or how it is built (所述降噪机构包括…)."""
    for m in re.finditer(re.escape(name) + _SIGN, text):
        if skip[0] <= m.start() < skip[1]:
            continue
        after = text[m.end() :].lstrip()
        if after.startswith(verbs):
            return True
    return False


def _own_agent(agent: str, claim: Claim, cs: ClaimSet) -> bool:
    """Whether the agent of a clause is the claimed thing as a whole (empty, 其, 所述<subject>)."""
    a = _LEADS.sub("", agent.strip())
    a = re.sub(r"[（(][^）)]*[）)]", "", a).strip()
    if not a or a in ("其", "它", "本装置", "该装置", "所述装置"):
        return True
    a = _OWN.sub("", a)
    subjects = {s.subject.text for s in (claim, *cs.ancestors(claim)) if s.subject is not None}
    return any(s and (a == s or (len(a) >= 2 and s.endswith(a))) for s in subjects)


class FunctionalFeature(Rule):
    """A feature is defined only by its function or by the result to achieve, with no structure.

    ## What it flags
    In product claims: an element named by what it is for, with no structure anywhere in the claim
    (用于降低噪音的降噪机构); the claimed thing defined by the result it achieves (所述空调室外机能够将噪音降低到
    40分贝以下, 使能耗降低20%); and in any claim a property wished for instead of measured (具有较好的循环稳定性).

    ## Why
    专利法 第26条第4款; 专利审查指南 第二部分第二章 §3.2.1: a product claim should be defined by structure;
    a functional feature covers every way of performing the function and is allowed only where structure cannot
    define it and the function can be verified, and a claim defined by the result to achieve is not supported.
    Catalogue CN-FUN-001, CN-FUN-002.

    ## Bad
        1. 一种空调室外机，包括壳体和用于降低噪音的降噪机构，所述空调室外机能够将噪音降低到40分贝以下。

    ## Good
        1. 一种空调室外机，包括壳体和用于降低噪音的降噪机构，所述降噪机构包括贴附在所述壳体内壁的吸音棉。

    ## Traps
    The accepted functional wording of an element whose structure the claim gives elsewhere (用于夹紧工件的夹紧
    机构 … 所述夹紧机构包括气缸和压板) is not flagged; nor a concrete part with its purpose (用于驱动所述滑块的
    电机, 弹簧，用于使所述滑块复位), the functional modules of an apparatus mirroring a method (获取模块，用于
    获取…), a purpose in the subject name (一种用于降噪的装置), or a part that does something (所述弹簧能够使
    所述滑块复位到初始位置): only the claimed thing as a whole achieving a result is one.
    """

    name = "functional-feature"
    code = "C005"
    severity = Severity.WARNING
    catalogue = ("CN-FUN-001", "CN-FUN-002")
    source = "专利法 第26条第4款；专利审查指南 第二部分第二章 §3.2.1"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        pats = ctx.lexicons.table("functional.patterns", _build)
        for c in cs:
            if c.flat is None:
                continue
            t = c.flat.folded
            start = 0
            if c.subject is not None:
                start = c.flat.index(c.subject.span.end)
            elif c.reference is not None:
                start = c.flat.index(c.reference.segment.span.end)
            product = c.category is Category.PRODUCT
            if product:
                yield from self._named(c, t, start, pats)
                yield from self._results(cs, c, t, start, pats)
            for m in pats.prop.finditer(t, start):
                a, b = self._clause(t, m.start())
                if _VALUE.search(t, a, self._clause(t, b + 1)[1] if b < len(t) else b):
                    continue  # 具有较高的强度，其屈服强度不低于355MPa: measured in this clause or the next
                yield self._found(c, m.start(), m.end(), "result")

    @staticmethod
    def _clause(t: str, i: int) -> tuple[int, int]:
        a = max((m.end() for m in _CLAUSE.finditer(t, 0, i)), default=0)
        e = _CLAUSE.search(t, i)
        return a, e.start() if e else len(t)

    def _named(self, c: Claim, t: str, start: int, pats: _Patterns) -> Iterator[Diagnostic]:
        for m in pats.named.finditer(t, start):
            name = _bare_name(m.group("name"))
            if not named_by_function(name, m.group("fn"), pats.heads):
                continue
            if structure_given(t, name, (m.start(), m.end()), pats.structure):
                continue
            yield self._found(c, m.start(), m.end(), "named", name)

    def _results(self, cs: ClaimSet, c: Claim, t: str, start: int, pats: _Patterns) -> Iterator[Diagnostic]:
        seen: set[int] = set()
        for pat in (pats.result, pats.change):
            for m in pat.finditer(t, start):
                a, b = self._clause(t, m.start())
                if a in seen or not _own_agent(t[a : m.start()], c, cs):
                    continue
                seen.add(a)
                yield self._found(c, m.start(), b, "result")

    def _found(self, c: Claim, s: int, e: int, kind: str, name: str = "") -> Diagnostic:
        assert c.flat is not None
        text = c.flat.text[s:e]
        if kind == "named":
            zh = f"“{text}”仅以功能限定，权利要求中未写明“{name}”的结构"
            en = f"'{text}' is defined only by its function: the claim gives no structure of '{name}'"
            fix = Fix(f"写明“{name}”的具体结构（如“所述{name}包括……”）", f"state the structure of '{name}'")
        else:
            zh = f"“{text}”以要达到的效果或性能限定，而非技术特征"
            en = f"'{text}' defines the claim by the result to achieve, not by a technical feature"
            fix = Fix(
                "改为实现该效果的具体结构、组成或参数", "claim the structure, composition or parameter that achieves it"
            )
        return self.report(c, c.flat.span(s, e), zh=zh, en=en, fix=fix, kind=kind)
