"""Clarity and conciseness rules (C): unclear-term, description-reference, reference-sign, duplicate-claim."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.analysis.features import claim_features
from claimcheck.analysis.lineage import Lineage
from claimcheck.analysis.wording import unclear_wording
from claimcheck.model import Claim, ClaimSet, Span
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule


class UnclearTerm(Rule):
    """Relative, exemplary, optional or approximate wording that makes a claim's scope unclear.

    ## What it flags
    Exemplary and preference wording: 例如, 最好是, 尤其是, 必要时 (error: the Guidelines name
    them), 优选, 最优选, 比如, 特别是 and the like (warning), 可以 / 可 introducing an option (可以是,
    可以为, 可以包括: info).  Approximation: 约 / 大约 before a number, a number followed by 左右,
    接近 + number, 或类似物, 之类, a list ending in 等 (warning), 基本上 / 大致 (info).  Relative terms:
    高温, 高压, 很宽范围 and a degree word with 厚/薄/强/弱 (较薄, 很厚) unless a value is given in the
    same clause (warning).  The word lists are in ``lexicons/unclear.toml``.

    ## Why
    专利审查指南 第二部分第二章 §3.2.2: uncertain terms (厚, 薄, 强, 弱, 高温, 高压, 很宽范围), wording
    such as 例如, 最好是, 尤其是, 必要时, and in general 约, 接近, 等, 或类似物 make the scope unclear.
    Catalogue CN-CLR-001, CN-CLR-002, CN-CLR-003.

    ## Bad
        1. 一种夹具，包括底座，所述底座的厚度约为5mm左右，所述底座由金属例如钢制成。

    ## Good
        1. 一种夹具，包括底座，所述底座的厚度为4.5mm～5.5mm，所述底座由钢制成。

    ## Traps
    Words are read as words of the segmented clause, never as substrings: 配比如下 holds no 比如, 等离子体,
    等值线, 相等 and 等于 no 等, 约束 no 约.  Compounds are exempt (约束, 节约, 接近开关, 等距, 高压釜,
    高温合金 … in the lexicon's ``[exempt]`` list); 等 counts only when it closes a list (铜、铝等金属,
    电机等部件); 可以 stating what a part can do (可以转动, 可以在导轨上移动) is no option; 高温 with a
    value in the same clause (高温（≥800℃）) is defined; an explicit tolerance (1500±50r/min) is fine.

    ## Options
    ``extended`` (false): also report the opt-in degree words (较大, 适量, 明显 …) as info.
    """

    name = "unclear-term"
    code = "C001"
    severity = Severity.WARNING
    catalogue = ("CN-CLR-001", "CN-CLR-002", "CN-CLR-003")
    source = "专利审查指南 第二部分第二章 §3.2.2"
    options: ClassVar[dict[str, Any]] = {"extended": False}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        extended = bool(ctx.option(self.name, "extended", False))
        for c in cs:
            if c.flat is None:
                continue
            for h in unclear_wording(c.flat.folded, ctx.lexicons, extended=extended):
                word = c.flat.text[h.start : h.end]
                yield self.report(
                    c,
                    c.flat.span(h.start, h.end),
                    zh=f"用语“{word}”使保护范围不清楚：{h.trigger.note_zh}",
                    en=f"'{word}' makes the scope unclear: {h.trigger.note_en}",
                    severity=h.trigger.severity,
                    kind=h.trigger.kind,
                )


_DESC_REF = re.compile(
    r"如(?:说明书|附图|图\s*[0-9]+[a-zA-Z]?|实施例\s*[0-9]*|表\s*[0-9]+)[^，。；]{0,20}?(?:所述|所示|所列|所描述|所限定)"
    r"|(?:参见|参照|见|按照|根据)(?:附)?图\s*[0-9]+"
    r"|如图所示|如附图所示|如说明书所述|说明书[^，。；]{0,12}部分所述"
    r"|(?:见|参见)实施例\s*[0-9]*|(?:见|参见)表\s*[0-9]+"
)


class DescriptionReference(Rule):
    """A claim relies on the description or drawings (如说明书…所述, 如图3所示) instead of stating its features.

    ## What it flags
    如说明书……所述, 如图N所示, 如实施例N所述, 参见图N, 见表N and similar phrases inside a claim.

    ## Why
    专利法实施细则 (2023) 第22条第3款 (2010: 第19条第3款): a claim shall not, except where absolutely
    necessary, rely on references to the description or drawings; 专利审查指南 第二部分第二章 §3.3.
    Catalogue CN-CLR-004.

    ## Bad
        1. 一种夹具，包括底座和卡爪，其特征在于，所述卡爪的形状如图3所示。

    ## Good
        1. 一种夹具，包括底座(1)和卡爪(3)，其特征在于，所述卡爪(3)呈V形。

    ## Traps
    Reference signs in parentheses, 卡爪(3), are the correct way to point at the drawings.  Where a
    shape can only be defined by a figure, keep the wording and suppress the finding with a reason
    (``# claimcheck: ignore[description-reference] 形状只能用附图限定``).
    """

    name = "description-reference"
    code = "C002"
    severity = Severity.ERROR
    catalogue = ("CN-CLR-004",)
    source = "专利法实施细则 第22条第3款"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        for c in cs:
            if c.flat is None:
                continue
            for m in _DESC_REF.finditer(c.flat.folded):
                yield self.report(
                    c,
                    c.flat.span(m.start(), m.end()),
                    zh=f"权利要求不应引用说明书或附图：“{c.flat.text[m.start() : m.end()]}”",
                    en=f"the claim relies on the description or drawings: '{c.flat.text[m.start() : m.end()]}'",
                    fix=Fix("用文字写明该技术特征", "state the feature in words"),
                )


# led by a lookahead on the first characters of the alternatives (same flags, so the same matches, sooner)
_FILLER = re.compile(r"(?=[所上该一的taso])(?:所述的|所述|上述|该|一种|一个|的|\b(?:the|a|an|said|of)\b)", re.I)
_SIGN_IN = re.compile(r"[（(][0-9a-zA-Z,，、 ]+[）)]")
_PUNCT = re.compile(r"[\s，,。.；;：:、]")
_LEADER = re.compile(r"(?:其中|并且|还|进一步地?)+")


def _essence(cs: ClaimSet, c: Claim) -> str:
    """A claim's wording with what does not limit its scope folded away.

    Removed: the reference part, reference signs, punctuation and spacing, filler words (所述, 的,
    the, said); folded: 设备 -> 装置, 工艺 -> 方法.
    """
    if c.flat is None:
        return ""
    t = c.flat.folded
    if c.reference is not None and c.kind.value == "dependent":
        start = c.reference.segment.span.end
        i = c.flat.index(start)
        t = t[i:]
    t = _SIGN_IN.sub("", t)
    t = t.replace("设备", "装置").replace("工艺", "方法")
    t = _FILLER.sub("", t)
    return _PUNCT.sub("", t).lower()


class DuplicateClaim(Rule):
    """Two claims of the same category have substantially the same wording and scope.

    ## What it flags
    Two independent claims, or two dependent claims with the same parents, whose wording is the same once
    reference signs, punctuation, filler words (所述, 的) and the synonyms 设备/装置, 工艺/方法 are folded
    (warning); and pairs that are at least ``threshold`` % alike (rapidfuzz ratio) but differ in some word,
    as info: check that the difference really changes the scope.

    ## Why
    专利审查指南 第二部分第二章 §3.2.3: an application may not contain two or more claims of the same
    category with substantially the same scope (conciseness, 专利法 第26条第4款). Catalogue CN-CON-001.

    ## Bad
        1. 一种搅拌装置，包括桶体和设置在所述桶体内的搅拌桨。
        2. 一种搅拌设备，包括桶体和设置在所述桶体内的搅拌桨。

    ## Good
        1. 一种搅拌装置，包括桶体和设置在所述桶体内的搅拌桨。
        2. 一种搅拌方法，使用桶体和设置在所述桶体内的搅拌桨进行搅拌。

    A dependent claim whose every added feature is already a feature of a claim on each of its chains of
    dependency (3. 根据权利要求2所述的净水器，其特征在于，所述活性炭层为椰壳活性炭 — what claim 2 says) limits
    nothing: it has the same scope as its parent (warning).

    ## Traps
    Product and method claims with parallel wording are different categories, not duplicates; dependent
    claims that add the same feature to different parents are not duplicates, nor is a claim of 根据权利要求1或2
    whose feature is in claim 2 only (through claim 1 it limits).

    ## Options
    ``threshold`` (97): similarity in percent for the info-level near-duplicates.
    """

    name = "duplicate-claim"
    code = "C004"
    severity = Severity.WARNING
    catalogue = ("CN-CON-001",)
    source = "专利审查指南 第二部分第二章 §3.2.3"
    languages = ("zh", "en")
    options: ClassVar[dict[str, Any]] = {"threshold": 97}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        threshold = float(ctx.option(self.name, "threshold", 97))
        # claims that may duplicate each other: same category, same parents, same mentions
        groups: dict[Any, dict[str, list[Claim]]] = {}
        for c in cs:
            essence = _essence(cs, c)
            if essence:
                key = (c.category, tuple(sorted(p.number for p in cs.parents(c))), c.mentions)
                groups.setdefault(key, {}).setdefault(essence, []).append(c)
        reported: set[int] = set()
        for by_essence in groups.values():
            # the same wording: one finding per group of identical claims, on its second claim, naming all of them
            for same in by_essence.values():
                if len(same) > 1:
                    reported.update(c.number for c in same[1:])
                    yield self._same(same)
            # nearly the same wording: one finding per claim, naming the earlier claims it is alike
            yield from self._alike(list(by_essence.items()), threshold)
        yield from self._repeated(cs, ctx, reported)

    def _repeated(self, cs: ClaimSet, ctx: Context, skip: set[int]) -> Iterator[Diagnostic]:
        """Dependent claims whose added features all stand already in a claim on each of their chains."""
        lineage = Lineage(cs)
        own: list[list[str]] = []  # by position: the claim's folded features
        holders: dict[str, int] = {}  # folded feature -> the claims (a bit set of positions) that have it
        for i, c in enumerate(lineage.claims):
            folded = [_fold(f.plain) for f in claim_features(c, ctx.lexicons) if f.kind != "subject"]
            own.append([f for f in dict.fromkeys(folded) if len(f) >= 2])
            for f in own[-1]:
                holders[f] = holders.get(f, 0) | 1 << i
        for i, c in enumerate(lineage.claims):
            parents = cs.parents(c)
            if not parents or not own[i] or c.number in skip or c.kind.value != "dependent":
                continue
            common = -1
            for p in parents:
                common &= lineage.mask(p)
            found = [holders.get(f, 0) & common for f in own[i]]
            if all(found):
                where = sorted({lineage.claims[m.bit_length() - 1].number for m in found})
                yield self._repeats(c, where, ctx)

    def _repeats(self, c: Claim, where: list[int], ctx: Context) -> Diagnostic:
        limiting = [f for f in claim_features(c, ctx.lexicons) if f.kind == "limiting"]
        added = "；".join(f.plain for f in limiting) or c.body.text
        span = c.flat.span(limiting[0].start, limiting[-1].end) if c.flat is not None and limiting else _whole(c)
        nums_zh, nums_en = _numbers(where, "、"), _numbers(where, ", ")
        return self.report(
            c,
            span,
            zh=f"权利要求{c.number}的附加特征“{added}”已记载于权利要求{nums_zh}，未作进一步限定，保护范围与其引用的权利要求相同",
            en=f"claim {c.number} adds only what claim {nums_en} already says ('{added}'): it limits nothing further "
            f"and has the scope of the claim it refers to",
            fix=Fix(f"删除权利要求{c.number}或使其限定新的特征", f"delete claim {c.number} or make it add a feature"),
        )

    def _same(self, same: list[Claim]) -> Diagnostic:
        first, b, others = same[0], same[1], same[1:]
        numbers_zh = _numbers([c.number for c in others], "、")
        numbers_en = _numbers([c.number for c in others], ", ")
        return self.report(
            b,
            _whole(b),
            zh=f"权利要求{numbers_zh}与权利要求{first.number}实质相同，不符合简要的要求",
            en=f"claim{'s' if len(others) > 1 else ''} {numbers_en} {'are' if len(others) > 1 else 'is'} "
            f"substantially the same as claim {first.number}",
            fix=Fix(f"删除权利要求{numbers_zh}或使其限定不同的特征", f"delete claim {numbers_en} or make it differ"),
        )

    def _alike(self, items: list[tuple[str, list[Claim]]], threshold: float) -> Iterator[Diagnostic]:
        if len(items) < 2 or threshold > 100:
            return
        from rapidfuzz import fuzz, process

        texts = [t for t, _ in items]
        # each wording against the others, in rapidfuzz's loop; only pairs at or above the threshold come back
        alike: dict[int, list[tuple[Claim, float]]] = {}
        for i, text in enumerate(texts):
            for _, score, j in process.extract(text, texts, scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
                if j != i:
                    alike.setdefault(i, []).append((items[j][1][0], float(score)))
        for i, (_, claims) in enumerate(items):
            for b in claims:
                earlier = [(a, sc) for a, sc in alike.get(i, []) if _before(a, b)]
                if not earlier:
                    continue
                earlier.sort(key=lambda x: x[0].number)
                score = min(sc for _, sc in earlier)
                numbers = [a.number for a, _ in earlier]
                yield self.report(
                    b,
                    _whole(b),
                    zh=f"权利要求{b.number}与权利要求{_numbers(numbers, '、')}几乎相同（相似度{score:.0f}%），"
                    "请确认两者保护范围确有不同",
                    en=f"claim {b.number} is {score:.0f}% alike claim{'s' if len(numbers) > 1 else ''} "
                    f"{_numbers(numbers, ', ')}: check that their scopes differ",
                    severity=Severity.INFO,
                    fix=Fix(
                        f"删除权利要求{b.number}或使其限定不同的特征", f"delete claim {b.number} or make it differ"
                    ),
                )


def _fold(text: str) -> str:
    """A feature's wording with filler, punctuation and a leading 还 / 进一步 / 其中 folded away."""
    t = _FILLER.sub("", text.replace("设备", "装置").replace("工艺", "方法"))
    t = _PUNCT.sub("", t).lower()
    m = _LEADER.match(t)
    return t[m.end() :] if m else t


def _before(a: Claim, b: Claim) -> bool:
    """Whether ``a`` stands before ``b`` (the later of two alike claims is the one reported)."""
    return (a.body.span.start, a.number) < (b.body.span.start, b.number)


def _whole(c: Claim) -> Span:
    """The span of a whole claim."""
    return c.body.span if c.flat is None else c.flat.span(0, len(c.flat.text))


def _numbers(numbers: list[int], sep: str, limit: int = 30) -> str:
    """Claim numbers joined by ``sep``; a long list shortened to its first twenty and its count."""
    if len(numbers) <= limit:
        return sep.join(map(str, numbers))
    return sep.join(map(str, numbers[:20])) + f"{sep}… ({len(numbers)})"
