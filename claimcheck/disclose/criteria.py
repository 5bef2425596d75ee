"""The automatic criteria of the disclosure score, one function each.

Each criterion reads the sectioned disclosure and returns a score from 0 to 1, the evidence it found
(verbatim quotes with their line) and improvement requests in Chinese for the inventor.  The registry
``CRITERIA`` maps the rubric's names to the functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimcheck.disclose.quotes import clause_bounds
from claimcheck.disclose.sections import Block, Disclosure

SECTION_ZH = {
    "title": "发明名称",
    "field": "技术领域",
    "background": "背景技术",
    "problem": "要解决的技术问题",
    "solution": "技术方案",
    "effects": "有益效果",
    "embodiments": "具体实施方式/实施例",
    "drawings": "附图及附图说明",
    "key-points": "关键点/欲保护点",
    "alternatives": "替代方案",
    "status": "公开及应用情况",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from the disclosure, its 1-based line, section and offset in the source text."""

    quote: str
    line: int
    section: str
    start: int = -1

    @property
    def end(self) -> int:
        """Offset after the quote in the source text (-1 when unknown)."""
        return self.start + len(self.quote) if self.start >= 0 else -1


@dataclass
class CriterionResult:
    """The outcome of one criterion."""

    name: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    detail: str = ""


def quote(b: Block, start: int = 0, end: int | None = None, width: int = 60) -> Evidence:
    """Evidence for the hit ``[start, end)`` of a block: whole clauses around it, never cut inside a word."""
    end = len(b.text) if end is None else min(end, len(b.text))
    a, z = clause_bounds(b.text, start, end, width)
    return Evidence(b.text[a:z], b.line, b.section, b.span.start + a)


_quote = quote


_NUMBER_UNIT = re.compile(
    r"[0-9]+(?:\.[0-9]+)?\s*(?:%|％|℃|°C|K|MPa|kPa|Pa|mm|cm|nm|μm|m|kg|g|mg|mL|ml|L|mol|h|min|s|V|A|W|kW|Hz|rpm|r/min|倍|次|小时|分钟|秒|天)"
)
_COMPARISON = re.compile(
    r"(?:提高|降低|减少|增加|提升|缩短|延长|节省|下降|上升|减小|增大|降|升)(?:了)?(?:约)?\s*[0-9]+(?:\.[0-9]+)?\s*(?:%|％|倍|个百分点)"
    r"|由\s*[0-9]+(?:\.[0-9]+)?\s*[^\s，。；0-9]{0,6}?\s*(?:提高|降低|减少|增加|提升|缩短|延长|下降|上升|减小|增大|降|升)(?:到|至|为)\s*[0-9]"
    r"|从\s*[0-9]+(?:\.[0-9]+)?\s*[^\s，。；0-9]{0,6}?\s*(?:提高|降低|减少|增加|提升|缩短|延长|下降|上升|减小|增大|降|升)(?:到|至|为)\s*[0-9]"
)
_TEST_WORDS = re.compile(r"对比例|对比实验|实验结果|测试结果|试验结果|检测结果|实测|表\s*[0-9]+")
_RANGE = re.compile(
    r"[0-9]+(?:\.[0-9]+)?\s*(?:%|℃|°C|MPa|mm|cm|nm|μm|m|kg|g|mol|h|min|s|V|W|Hz)?\s*(?:～|~|-|—|至|到)\s*[0-9]+(?:\.[0-9]+)?\s*[%℃a-zA-Zμ°]"
)
_EMBODIMENT = re.compile(r"实施例\s*([0-9一二三四五六七八九十]+)|Example\s+([0-9]+)|Embodiment\s+([0-9]+)", re.I)
_ALTERNATIVE = re.compile(r"替代|替换为|也可以(?:是|为|采用)|或者采用|另一种(?:实施方式|方案)|变形|可选地|其他实施方式")
_FIGURE = re.compile(r"图\s*[0-9]+|附图[为是所中]|Fig(?:ure)?\.?\s*[0-9]+", re.I)
_PUBLICATION = re.compile(
    r"(?<![A-Za-z0-9])(?:CN|US|EP|WO|JP|KR|DE)\s*[0-9]{4}[0-9/]{2,}(?:\.[0-9])?\s*[A-Z]?[0-9]?(?![A-Za-z0-9])"
    r"|(?:公开号|专利号|申请号)[：:为\s]*[A-Z]{0,2}[0-9]{6,}"
)
_DEFECT = re.compile(
    r"缺点|不足|缺陷|问题在于|存在.{0,10}问题|难以|无法|不能|较低|较高|较差|不便|容易|易于损坏|成本高|效率低|误差|漏检|误检|"
    r"寿命短|不稳定|不均|松动|卡死|跑偏|开裂|泄漏|漏浆|工作量大|工作强度大"
)
_PROBLEM = re.compile(r"要解决的技术问题|目的在于|目的是|旨在|为了解决|为解决|克服")


_RANGE_SEP = re.compile(r"\s*(?:～|~|-|—|–|至|到)\s*")


def value_ranges(text: str) -> list[tuple[int, int]]:
    """Spans of the value ranges of a text (20～30℃, 0.8～1.5, 15°～25°, 5～15份), read by the analysis layer."""
    from claimcheck.analysis.numbers import fold, values

    folded = fold(text)
    vals = [v for v in values(folded) if v.kind in ("quantity", "decimal", "ratio")]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        piece = folded[v.start : v.end]
        if re.search(r"[0-9]\s*[^0-9.\s]{0,3}\s*(?:～|~|-|—|–|至|到)\s*[0-9]", piece):
            out.append((v.start, v.end))
        elif i + 1 < len(vals) and _RANGE_SEP.fullmatch(folded[v.end : vals[i + 1].start]):
            out.append((v.start, vals[i + 1].end))
            i += 1
        i += 1
    merged: list[tuple[int, int]] = []
    for a, z in out:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(z, merged[-1][1]))
        else:
            merged.append((a, z))
    return merged


def _bigrams(text: str) -> set[str]:
    cjk = re.sub(r"[^\u4e00-\u9fff]", "", text)
    stop = {"本发明", "技术", "问题", "解决", "提供", "一种", "可以", "通过", "所述"}
    grams = {cjk[i : i + 2] for i in range(len(cjk) - 1)}
    return {
        g
        for g in grams
        if not any(g in s for s in stop) and not any(ch in "的以及和与了在是为对其并而或从被将" for ch in g)
    }


def completeness(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Are the sections a review panel needs all there?"""
    required = list(
        opts.get("required", ["title", "field", "background", "problem", "solution", "effects", "embodiments"])
    )
    present = d.present
    have = [s for s in required if s in present]
    missing = [s for s in required if s not in present]
    res = CriterionResult("completeness", len(have) / len(required) if required else 1.0)
    for s in have:
        blocks = d.section(s)
        if blocks:
            res.evidence.append(quote(blocks[0], width=30))
    res.requests = [f"请补充“{SECTION_ZH.get(s, s)}”部分" for s in missing]
    res.detail = f"{len(have)}/{len(required)} sections"
    return res


def problem(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Is the technical problem stated, and do the effects answer it?"""
    res = CriterionResult("problem", 0.0)
    blocks = d.section("problem") or [b for b in d.blocks if _PROBLEM.search(b.text)]
    if not blocks:
        res.requests.append("请明确写出本发明要解决的技术问题（现有技术存在什么缺陷，本发明如何克服）")
        # the defects of the background, answered by the effects, state the problem implicitly
        defects = [b for b in d.section("background") if _DEFECT.search(b.text)]
        if defects and d.section("effects"):
            m = _DEFECT.search(defects[0].text)
            assert m is not None
            res.evidence.append(quote(defects[0], m.start(), m.end()))
            res.score = 0.4
            res.detail = "problem implied by the defects of the background"
        return res
    res.evidence.append(quote(blocks[0]))
    res.score = 0.6
    effects = d.text_of("effects")
    if not effects:
        res.requests.append("请写明有益效果，并说明其如何解决所述技术问题")
        return res
    overlap = _bigrams(" ".join(b.text for b in blocks)) & _bigrams(effects)
    if len(overlap) >= 2:
        res.score = 1.0
        res.detail = "effects answer the problem: " + "、".join(sorted(overlap)[:5])
    else:
        res.score = 0.75
        res.requests.append("有益效果应与要解决的技术问题相对应，请说明每项效果解决了哪个问题")
    return res


def effects_data(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Are the effects backed by data: numbers, comparisons, test results?"""
    res = CriterionResult("effects-data", 0.0)
    blocks = d.section("effects") + d.section("embodiments")
    numbers = comparisons = tests = 0
    for b in blocks:
        for m in _COMPARISON.finditer(b.text):
            comparisons += 1
            if len(res.evidence) < 4:
                res.evidence.append(quote(b, m.start(), m.end()))
        numbers += len(_NUMBER_UNIT.findall(b.text))
        for m in _TEST_WORDS.finditer(b.text):
            tests += 1
            if len(res.evidence) < 6:
                res.evidence.append(quote(b, m.start(), m.end()))
    res.score = min(1.0, 0.15 * min(numbers, 4) + 0.25 * min(comparisons, 2) + 0.2 * min(tests, 1))
    res.detail = f"{numbers} measured values, {comparisons} quantified comparisons, {tests} test references"
    effect = re.search(
        r"(?:提高|提升|降低|减少|增加|改善|保证|避免|延长|缩短|增强|减小)[^，。；,;]{2,12}", d.text_of("effects")
    )
    claim = effect.group(0) if effect else "所述有益效果"
    if comparisons == 0:
        res.requests.append(f"请补充对比实验数据以支撑“{claim}”的效果（如与现有技术相比提高了多少%）")
    if tests == 0:
        res.requests.append("请给出测试方法、测试条件和测试结果（可用表格列出对比例与实施例的数据）")
    return res


def embodiments(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """How many embodiments and alternatives: they decide how broad the claims can be."""
    res = CriterionResult("embodiments", 0.0)
    target_emb = int(opts.get("target-embodiments", 3))
    target_alt = int(opts.get("target-alternatives", 2))
    numbers: set[str] = set()
    for b in d.blocks:
        if b.section in ("drawings", "background", "title"):
            continue  # 图1为实施例1的示意图 describes a figure, not an embodiment
        for m in _EMBODIMENT.finditer(b.text):
            key = next(g for g in m.groups() if g)
            if key not in numbers and len(res.evidence) < 4:
                res.evidence.append(quote(b, m.start(), m.end()))
            numbers.add(key)
    emb_blocks = d.section("embodiments")
    count = len(numbers) or (1 if emb_blocks else 0)
    alternatives = 0
    for b in d.blocks:
        for m in _ALTERNATIVE.finditer(b.text):
            alternatives += 1
            if len(res.evidence) < 7:
                res.evidence.append(quote(b, m.start(), m.end()))
    alternatives += len(d.section("alternatives"))
    res.score = 0.7 * min(count, target_emb) / target_emb + 0.3 * min(alternatives, target_alt) / target_alt
    res.detail = f"{count} embodiment(s), {alternatives} alternative(s)"
    if count < target_emb:
        res.requests.append(f"目前仅有{count}个实施例，请补充至{target_emb}个以上，以支持更宽的保护范围")
    if alternatives < target_alt:
        res.requests.append("请补充关键部件或步骤的替代方案（可用的其他结构、材料或参数），便于上位概括")
    return res


def parameters(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Are parameters given with ranges (the fallbacks of dependent claims)?"""
    res = CriterionResult("parameters", 0.0)
    target = int(opts.get("target-ranges", 5))
    count = 0
    for b in d.blocks:
        if b.section == "background":
            continue
        for a, z in value_ranges(b.text):
            count += 1
            if len(res.evidence) < 4:
                res.evidence.append(quote(b, a, z))
    res.score = min(count, target) / target
    res.detail = f"{count} parameter range(s)"
    if count < target:
        res.requests.append("请给出关键工艺参数或尺寸的取值范围（如优选范围和最佳值），为从属权利要求提供依据")
    return res


def drawings(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Are there drawings, described and referred to in the embodiments?"""
    res = CriterionResult("drawings", 0.0)
    described = [b for b in d.section("drawings") if _FIGURE.search(b.text)]
    referred = [b for b in d.blocks if b.section != "drawings" and _FIGURE.search(b.text)]
    if described:
        res.score += 0.5
        res.evidence.append(quote(described[0]))
    else:
        res.requests.append("请提供附图并逐一说明各附图（图1为……）")
    if referred:
        res.score += 0.5
        res.evidence.append(quote(referred[0]))
    else:
        res.requests.append("请在具体实施方式中结合附图（如图1所示）描述结构")
    res.detail = f"{len(described)} figure description(s), {len(referred)} paragraph(s) referring to figures"
    return res


def prior_art(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Is the prior art named (publication numbers) and are its defects stated?"""
    res = CriterionResult("prior-art", 0.0)
    background = d.section("background")
    docs = 0
    defects = 0
    for b in background or d.blocks:
        for m in _PUBLICATION.finditer(b.text):
            docs += 1
            if len(res.evidence) < 3:
                res.evidence.append(quote(b, m.start(), m.end()))
    for b in background:
        for m in _DEFECT.finditer(b.text):
            defects += 1
            if len(res.evidence) < 6:
                res.evidence.append(quote(b, m.start(), m.end()))
    res.score = (0.5 if docs else 0.0) + (0.5 if defects else 0.0)
    res.detail = f"{docs} cited document(s), {defects} stated defect(s)"
    if not docs:
        res.requests.append("请列出最接近的现有技术文献（专利公开号或论文），便于评估新颖性和创造性")
    if not defects:
        res.requests.append("请说明现有技术存在的具体缺陷")
    return res


def key_points(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """Does the inventor say what is to be protected (关键点 / 欲保护点)?"""
    res = CriterionResult("key-points", 0.0)
    blocks = d.section("key-points")
    if blocks:
        text = " ".join(b.text for b in blocks)
        parts = re.findall(
            r"(?:座|架|板|壳|杆|轴|轮|套|管|件|机构|组件|丝|簧|器|步骤|层|剂|料|网络|模型|参数|结构|方法)", text
        )
        # a long statement, several points, or one short point naming concrete parts
        res.score = 1.0 if len(text) >= 20 else 0.75 if len(text) >= 8 and len(parts) >= 2 else 0.5
        res.evidence.append(quote(blocks[0]))
        if res.score < 1.0:
            res.requests.append("请逐条列出欲保护点，并写明每一点区别于现有技术的具体技术特征")
    else:
        res.requests.append("请列出本发明的关键点和欲保护点（区别于现有技术的技术特征）")
    return res


def clarity(d: Disclosure, opts: dict[str, Any]) -> CriterionResult:
    """How much unclear wording (the lint lexicon: 约, 左右, 较大, 等 …) is there per 1,000 characters?"""
    from claimcheck.analysis.wording import unclear_wording
    from claimcheck.lexicon import Lexicons

    lex = Lexicons.default()
    res = CriterionResult("clarity", 1.0)
    text_blocks = [b for b in d.blocks if b.section in ("solution", "embodiments", "key-points", "effects", "other")]
    total = sum(len(b.text) for b in text_blocks) or 1
    hits = 0
    for b in text_blocks:
        for hit in unclear_wording(b.text, lex):
            # 优选 and 可以 are normal in a disclosure; only wording that leaves a value open counts here
            if hit.trigger.kind in ("optional", "list-etc", "exemplary"):
                continue
            hits += 1
            if len(res.evidence) < 5:
                res.evidence.append(quote(b, hit.start, hit.end))
    per_k = hits * 1000 / total
    res.score = max(0.0, 1.0 - per_k / 10)
    res.detail = f"{hits} unclear expression(s), {per_k:.1f} per 1,000 characters"
    if hits:
        res.requests.append("请将“约”“左右”“较大”等模糊用语改为具体数值或范围")
    return res


CRITERIA: dict[str, Callable[[Disclosure, dict[str, Any]], CriterionResult]] = {
    "completeness": completeness,
    "problem": problem,
    "effects-data": effects_data,
    "embodiments": embodiments,
    "parameters": parameters,
    "drawings": drawings,
    "prior-art": prior_art,
    "key-points": key_points,
    "clarity": clarity,
}
